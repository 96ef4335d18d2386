import type { z } from 'zod';
import { eventInputSchema, type TimelineEvent } from '../../../../shared/domain/events';
import {
  localTextOf,
  zonedTimeFromLocal,
  type Precision,
  type ZonedTime,
} from '../../../../shared/time/zoned-time';
import { userTimeZone } from '../../lib/zoned-display';
import type { EventPatch } from '../../stores/timeline-store';

/** The event form as typed: wall-clock texts in one zone, tags as comma-separated text. */
export interface EventDraft {
  time: string;
  zone: string;
  precision: Precision;
  approximate: boolean;
  end: string;
  title: string;
  detail: string;
  source: string;
  tags: string;
  partyIds: string[];
}

/** A checked event, every default filled in. */
type EventValue = z.output<typeof eventInputSchema>;

export type DraftErrors = Partial<Record<'time' | 'end' | 'title' | 'tags' | 'form', string>>;

export function emptyDraft(zone: string = userTimeZone()): EventDraft {
  return {
    time: '',
    zone,
    precision: 'exact',
    approximate: false,
    end: '',
    title: '',
    detail: '',
    source: '',
    tags: '',
    partyIds: [],
  };
}

export function draftOf(event: TimelineEvent): EventDraft {
  return {
    time: localTextOf(event.at),
    zone: event.at.zone,
    precision: event.at.precision,
    approximate: event.at.approximate,
    end: event.end === null ? '' : localTextOf({ ...event.end, zone: event.at.zone }),
    title: event.title,
    detail: event.detail,
    source: event.source,
    tags: event.tags.join(', '),
    partyIds: event.partyIds,
  };
}

/** The precision a wall-clock text was written at ("2020-11" is a month), or null if it is no time. */
export function writtenPrecision(text: string): Precision | null {
  return zonedTimeFromLocal(text, 'UTC')?.precision ?? null;
}

export function tagsOf(text: string): string[] {
  const tags = text
    .split(/[,;]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  return [...new Set(tags)];
}

const TIME_HINT = 'Write it as 2020-11-12 14:05, 2020-11-12 or 2020-11.';

/** The event the draft describes, or the first problem of each field, worded for the form. */
export function readDraft(draft: EventDraft): { input: EventValue } | { errors: DraftErrors } {
  const errors: DraftErrors = {};
  const at = zonedTimeFromLocal(draft.time, draft.zone, {
    precision: draft.precision,
    approximate: draft.approximate,
  });
  if (draft.time.trim() === '') errors.time = `Enter when it happened. ${TIME_HINT}`;
  else if (at === null) errors.time = `This is not a date or time. ${TIME_HINT}`;
  let end: ZonedTime | null = null;
  if (draft.end.trim() !== '') {
    end = zonedTimeFromLocal(draft.end, draft.zone, { approximate: draft.approximate });
    if (end === null) errors.end = `This is not a date or time. ${TIME_HINT}`;
    else if (at !== null && end.utc < at.utc) errors.end = 'The end is before the start.';
  }
  if (draft.title.trim() === '') errors.title = 'Title cannot be empty.';
  const tags = tagsOf(draft.tags);
  if (tags.length > 20) errors.tags = 'At most 20 tags.';
  else if (tags.some((tag) => tag.length > 50)) errors.tags = 'A tag can be at most 50 characters.';
  if (Object.keys(errors).length > 0 || at === null) return { errors };
  const parsed = eventInputSchema.safeParse({
    at,
    end,
    title: draft.title.trim(),
    detail: draft.detail,
    source: draft.source,
    tags,
    partyIds: draft.partyIds,
  });
  if (!parsed.success)
    return { errors: { form: parsed.error.issues[0]?.message ?? 'This event is not valid.' } };
  return { input: parsed.data };
}

function sameTime(a: ZonedTime | null, b: ZonedTime | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    Date.parse(a.utc) === Date.parse(b.utc) &&
    a.zone === b.zone &&
    a.precision === b.precision &&
    a.approximate === b.approximate
  );
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/** Only what differs from the saved event, so a save never overwrites a field the user did not touch. */
export function patchOf(saved: TimelineEvent, input: EventValue): EventPatch {
  const patch: EventPatch = {};
  if (!sameTime(saved.at, input.at)) patch.at = input.at;
  if (!sameTime(saved.end, input.end)) patch.end = input.end;
  if (saved.title !== input.title) patch.title = input.title;
  if (saved.detail !== input.detail) patch.detail = input.detail;
  if (saved.source !== input.source) patch.source = input.source;
  if (!sameList(saved.tags, input.tags)) patch.tags = input.tags;
  if (!sameList(saved.partyIds, input.partyIds)) patch.partyIds = input.partyIds;
  return patch;
}

export function isEventDraft(value: unknown): value is EventDraft {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const texts = ['time', 'zone', 'precision', 'end', 'title', 'detail', 'source', 'tags'];
  return texts.every((key) => typeof v[key] === 'string') && Array.isArray(v.partyIds);
}

export function sameEventDraft(a: EventDraft, b: EventDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The first problem of a draft, in one sentence (for the save state), or null when it can be saved. */
export function draftProblem(draft: EventDraft): string | null {
  const read = readDraft(draft);
  if ('input' in read) return null;
  const first = Object.values(read.errors)[0];
  return first === undefined ? null : `Event: ${first}`;
}
