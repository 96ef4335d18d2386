import type { TimeFormat } from '../../../shared/forms/form-schema';
import { localTextOf, type ZonedTime } from '../../../shared/time/zoned-time';

const COUNT = new Intl.NumberFormat('en-US');

/** "12,345": counts as US and UK forms print them. */
export function countText(n: number): string {
  return COUNT.format(n);
}

/**
 * A moment as the form wants it: local time with its zone ("2020-11-16 09:30 Europe/Stockholm"),
 * the date alone, or UTC in ISO 8601 ("2020-11-16T08:30:00Z"). A moment known only to the day
 * or month is never given a time it does not have; an estimate says so.
 */
export function timeText(time: ZonedTime, format: TimeFormat = 'datetime'): string {
  const approximate = time.approximate ? ' (approximate)' : '';
  if (format === 'date') {
    const precision = time.precision === 'month' ? 'month' : 'day';
    return `${localTextOf({ ...time, precision })}${approximate}`;
  }
  if (format === 'utc' && time.precision === 'exact') {
    return `${time.utc.replace(/\.\d{3}Z$/, 'Z')}${approximate}`;
  }
  const known = time.precision === 'exact' ? '' : ' (time of day not recorded)';
  return `${localTextOf(time)} ${time.zone}${known}${approximate}`;
}

/** An instant (a deadline, a date sent) in the case's zone, written as the form wants it. */
export function instantText(utc: string, zone: string, format: TimeFormat = 'datetime'): string {
  return timeText({ utc, zone, precision: 'exact', approximate: false }, format);
}

/** "217:08:40 (days:hours:minutes)", the duration the DORA template asks for. */
export function durationText(fromUtc: string, toUtc: string): string | null {
  const minutes = Math.round((Date.parse(toUtc) - Date.parse(fromUtc)) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 0) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  const days = Math.floor(minutes / 1440);
  return `${pad(days)}:${pad(Math.floor((minutes % 1440) / 60))}:${pad(minutes % 60)} (days:hours:minutes)`;
}
