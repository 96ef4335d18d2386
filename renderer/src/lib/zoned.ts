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

const counts = new Intl.NumberFormat('en-GB');

/** Counts with thousands separators: "350,000". */
export function formatCount(value: number): string {
  return counts.format(value);
}

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** Sizes in binary multiples with one decimal: "12.4 KB" (bytes shown as a whole number). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${formatCount(bytes)} bytes` : `${value.toFixed(1)} ${UNITS[unit]}`;
}
