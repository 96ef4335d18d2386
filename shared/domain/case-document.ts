import { z } from 'zod';
import { caseStatusSchema } from './case';
import { dataElementSchema } from './data-elements';
import { timelineEventSchema } from './events';
import { factsSchema } from './facts';
import { partySchema } from './parties';
import { populationSchema } from './populations';
import { noteSchema, taskSchema } from './tasks-notes';

export const CASE_DOCUMENT_FORMAT = 'breachdesk.case-document/1';

const optionalId = { id: z.uuid().optional() };
const withOptionalStamps = {
  createdAt: z.iso.datetime({ offset: false }).optional(),
  updatedAt: z.iso.datetime({ offset: false }).optional(),
};

/**
 * One JSON document holding a case's investigation: what `facts export` writes and
 * `facts import` reads. Items with an id that exists are updated, others are added; import
 * never deletes. The shared zod schema is the format's definition.
 */
export const caseDocumentSchema = z
  .object({
    format: z.literal(CASE_DOCUMENT_FORMAT),
    case: z
      .object({
        title: z.string().trim().min(1).max(200),
        organisation: z.string().trim().min(1).max(200),
        status: caseStatusSchema,
      })
      .partial()
      .strict()
      .default({}),
    facts: factsSchema.optional(),
    dataElements: z.array(dataElementSchema.extend(optionalId).strict()).default([]),
    populations: z.array(populationSchema.extend(optionalId).strict()).default([]),
    parties: z
      .array(
        partySchema
          .extend({
            ...optionalId,
            actions: z.array(partySchema.shape.actions.element.extend(optionalId).strict()).default([]),
          })
          .strict(),
      )
      .default([]),
    events: z
      .array(timelineEventSchema.extend({ ...optionalId, ...withOptionalStamps }).strict())
      .default([]),
    tasks: z.array(taskSchema.extend({ ...optionalId, ...withOptionalStamps }).strict()).default([]),
    notes: z.array(noteSchema.extend({ ...optionalId, ...withOptionalStamps }).strict()).default([]),
  })
  .strict();
export type CaseDocument = z.output<typeof caseDocumentSchema>;
export type CaseDocumentInput = z.input<typeof caseDocumentSchema>;

export const caseDocumentImportResultSchema = z.object({
  added: z.number().int(),
  updated: z.number().int(),
});
