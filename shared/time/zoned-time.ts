import { TZDate } from '@date-fns/tz';
import { z } from 'zod';

/** How precisely a person knows a moment: to the minute, the day, or only the month. */
export const PRECISIONS = ['exact', 'day', 'month'] as const;
export type Precision = (typeof PRECISIONS)[number];

const knownZones = new Map<string, boolean>();

/** Whether Intl knows the zone; remembered, since building a formatter per check dominates bulk imports. */
export function isTimeZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    if (knownZones.size < 1000) knownZones.set(zone, known);
  }
  return known;
}

const timeZoneSchema = z.string().min(1).refine(isTimeZone, 'Unknown time zone');

/**
 * A moment as a person entered it: the instant in UTC, the zone it was entered in (so it can be
 * shown as they saw it), how precisely it is known, and whether it is only an estimate.
 */
export const zonedTimeSchema = z.object({
  utc: z.iso.datetime({ offset: false }),
  zone: timeZoneSchema,
  precision: z.enum(PRECISIONS).default('exact'),
  approximate: z.boolean().default(false),
});
export type ZonedTime = z.output<typeof zonedTimeSchema>;
export type ZonedTimeInput = z.input<typeof zonedTimeSchema>;

const LOCAL_PATTERN = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Reads a wall-clock time ("2020-11-12 14:05", "2020-11-12", "2020-11") in an IANA zone. The
 * precision follows what was written unless given. Returns null for text that is not a time.
 */
export function zonedTimeFromLocal(
  local: string,
  zone: string,
  options: { precision?: Precision; approximate?: boolean } = {},
): ZonedTime | null {
  const match = LOCAL_PATTERN.exec(local.trim());
  if (match === null || !isTimeZone(zone)) return null;
  const [, y, mo, d, h, mi, s] = match;
  const parts = [y, mo, d ?? '1', h ?? '0', mi ?? '0', s ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [year, month, day, hour, minute, second] = parts;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new TZDate(year, month - 1, day, hour, minute, second, zone);
  if (Number.isNaN(date.getTime()) || date.getDate() !== day) return null;
  const written: Precision = d === undefined ? 'month' : h === undefined ? 'day' : 'exact';
  return {
    utc: new Date(date.getTime()).toISOString(),
    zone,
    precision: options.precision ?? written,
    approximate: options.approximate ?? false,
  };
}

/** The wall-clock text of a zoned time in its own zone, at its precision ("2020-11-12 14:05"). */
export function localTextOf(time: ZonedTime): string {
  const date = new TZDate(Date.parse(time.utc), time.zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  const ymd = `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
  if (time.precision === 'month') return ymd;
  const day = `${ymd}-${pad(date.getDate())}`;
  if (time.precision === 'day') return day;
  return `${day} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** An instant as wall-clock time in a zone, with the zone: "2020-11-19 09:30 Europe/Stockholm". */
export function instantInZoneText(iso: string, zone: string): string {
  return `${localTextOf({ utc: iso, zone, precision: 'exact', approximate: false })} ${zone}`;
}

/** "Thu, 19 Nov 2020, 09:30 CET": an instant with its weekday and local time in a zone. */
export function weekdayTimeInZoneText(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}
