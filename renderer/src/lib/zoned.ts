import { localTextOf, type Precision, type ZonedTime } from '../../../shared/time/zoned-time';
import { formatInstant } from './time';

export const PRECISION_LABELS: Record<Precision, string> = {
  exact: 'Exact time',
  day: 'Day only',
  month: 'Month only',
};

/**
 * A zoned time as people should read it: an exact time in the user's zone with its abbreviation
 * ("2020-11-12 14:05 CET"); a day or a month as it was entered, with no clock time ("2020-11-13").
 * An approximate time starts with "≈".
 */
export function formatZoned(time: ZonedTime): string {
  const text = time.precision === 'exact' ? formatInstant(time.utc) : localTextOf(time);
  return time.approximate ? `≈ ${text}` : text;
}

/** "start → end" for a period, or the single time. */
export function formatZonedRange(start: ZonedTime, end: ZonedTime | null): string {
  if (end === null) return formatZoned(start);
  return `${formatZoned(start)} → ${formatZoned(end)}`;
}

/** What a person entered, for a tooltip: "Entered as 2020-11-12 14:05 in Europe/Stockholm". */
export function enteredAs(time: ZonedTime): string {
  const precision = time.precision === 'exact' ? '' : ` (known to the ${time.precision})`;
  const approximate = time.approximate ? ', approximate' : '';
  return `Entered as ${localTextOf(time)} in ${time.zone}${precision}${approximate}`;
}
