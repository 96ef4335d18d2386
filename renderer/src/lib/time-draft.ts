import { zonedTimeFromLocal, localTextOf, type ZonedTime } from '../../../shared/time/zoned-time';

/** What a time field holds while it is edited: the wall-clock text, its zone, and "approximate". */
export interface TimeDraft {
  text: string;
  zone: string;
  approximate: boolean;
}

export function isTimeDraft(value: unknown): value is TimeDraft {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.text === 'string' && typeof v.zone === 'string' && typeof v.approximate === 'boolean';
}

export function draftOf(time: ZonedTime | null, defaultZone: string): TimeDraft {
  if (time === null) return { text: '', zone: defaultZone, approximate: false };
  return { text: localTextOf(time), zone: time.zone, approximate: time.approximate };
}

type ParsedTime = { ok: true; time: ZonedTime | null } | { ok: false; reason: string };

export const TIME_FORMAT_HINT = 'YYYY-MM-DD HH:MM, or just a date or a month';

/** Reads a draft: empty text is "unknown" (null) where that is allowed. */
export function parseTimeDraft(draft: TimeDraft, nullable: boolean): ParsedTime {
  if (draft.text.trim() === '') {
    return nullable ? { ok: true, time: null } : { ok: false, reason: 'Enter a date and time' };
  }
  const time = zonedTimeFromLocal(draft.text, draft.zone, { approximate: draft.approximate });
  if (time === null) return { ok: false, reason: `Write the time as ${TIME_FORMAT_HINT}` };
  return { ok: true, time };
}

function sameTime(a: ZonedTime | null, b: ZonedTime | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.utc === b.utc && a.zone === b.zone && a.precision === b.precision && a.approximate === b.approximate
  );
}

/**
 * Two drafts are the same when they mean the same time (two empty ones: when they also show the
 * same zone, so an empty field follows the last zone picked), or cannot be read and read alike.
 */
export function sameDraft(a: TimeDraft, b: TimeDraft): boolean {
  const pa = parseTimeDraft(a, true);
  const pb = parseTimeDraft(b, true);
  if (pa.ok && pb.ok) return sameTime(pa.time, pb.time) && (pa.time !== null || a.zone === b.zone);
  return a.text === b.text && a.zone === b.zone && a.approximate === b.approximate;
}
