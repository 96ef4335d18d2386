import { z } from 'zod';
import { patchSchemaOf } from './patch';
import { zonedTimeSchema } from '../time/zoned-time';

const tag = z.string().trim().min(1).max(50);

const eventFields = {
  at: zonedTimeSchema,
  /** Set when the event spans a period ("logs reviewed 13–15 Nov"). */
  end: zonedTimeSchema.nullable().default(null),
  title: z.string().trim().min(1, 'Title cannot be empty').max(300),
  detail: z.string().max(20_000).default(''),
  source: z.string().max(500).default(''),
  tags: z.array(tag).max(20).default([]),
  partyIds: z.array(z.uuid()).max(50).default([]),
};

export const eventInputSchema = z
  .object(eventFields)
  .strict()
  .refine((e) => e.end === null || e.end.utc >= e.at.utc, {
    message: 'The end is before the start',
    path: ['end'],
  });
export const eventPatchSchema = patchSchemaOf(eventFields);
export const timelineEventSchema = z.object({
  id: z.uuid(),
  ...eventFields,
  createdAt: z.iso.datetime({ offset: false }),
  updatedAt: z.iso.datetime({ offset: false }),
});
export type TimelineEvent = z.output<typeof timelineEventSchema>;
export type EventInput = z.input<typeof eventInputSchema>;

/** Keyset position in time order: the page after this event. */
export const eventCursorSchema = z.object({ utc: z.string(), id: z.string() });
export type EventCursor = z.output<typeof eventCursorSchema>;

export const eventFilterSchema = z
  .object({
    text: z.string().max(200).optional(),
    tag: tag.optional(),
    partyId: z.uuid().optional(),
  })
  .strict()
  .default({});
export type EventFilter = z.output<typeof eventFilterSchema>;
