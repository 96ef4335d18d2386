import { localTextOf, type ZonedTime } from '../../../shared/time/zoned-time';

/** The IANA zone of this computer ("Europe/Paris"); UTC when the platform does not say. */
export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

let zones: readonly string[] | null = null;

/** Every IANA zone this platform knows, sorted, with UTC and the user's own zone always present. */
export function timeZones(): readonly string[] {
  zones ??= [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', userTimeZone()])].sort();
  return zones;
}

const abbreviations = new Map<string, Intl.DateTimeFormat>();

function zoneNameIn(locale: string, zone: string, instant: Date): string {
  const key = `${locale} ${zone}`;
  let format = abbreviations.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' });
    abbreviations.set(key, format);
  }
  return format.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? zone;
}

/** "CET", "PST", "GMT+9": the short name people use for a zone at that instant. */
function zoneAbbreviation(utc: string, zone: string): string {
  const instant = new Date(utc);
  if (Number.isNaN(instant.getTime())) return zone;
  // en-US knows the American abbreviations, en-GB the European ones; otherwise an offset.
  const american = zoneNameIn('en-US', zone, instant);
  if (!american.startsWith('GMT') || american === 'GMT') return american;
  const european = zoneNameIn('en-GB', zone, instant);
  return european.startsWith('GMT') && european !== 'GMT' ? american : european;
}

/**
 * How a stored time reads: an exact time on this computer's clock with its zone ("2020-11-12
 * 14:05 CET"); a day or a month as it was entered ("2020-11-12 (day)"); "≈" when approximate.
 */
export function formatZonedTime(time: ZonedTime): string {
  let text: string;
  if (time.precision === 'exact') {
    const zone = userTimeZone();
    text = `${localTextOf({ ...time, zone })} ${zoneAbbreviation(time.utc, zone)}`;
  } else {
    text = `${localTextOf(time)} (${time.precision === 'day' ? 'day' : 'month'} only)`;
  }
  return time.approximate ? `≈ ${text}` : text;
}

/**
 * How an exact time was entered, when that reads differently from this computer's clock
 * ("entered as 2020-11-12 05:05 PST in America/Los Angeles"); null when it reads the same.
 */
export function formatAsEntered(time: ZonedTime): string | null {
  if (time.precision !== 'exact' || time.zone === userTimeZone()) return null;
  const entered = `${localTextOf(time)} ${zoneAbbreviation(time.utc, time.zone)}`;
  const here = `${localTextOf({ ...time, zone: userTimeZone() })} ${zoneAbbreviation(time.utc, userTimeZone())}`;
  return entered === here ? null : `entered as ${entered} in ${time.zone.replaceAll('_', ' ')}`;
}

/** Today's date (YYYY-MM-DD) on this computer's clock, for "overdue". */
export function todayInUserZone(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: userTimeZone(),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
