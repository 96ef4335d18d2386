import { TZDate } from '@date-fns/tz';
import Holidays from 'date-holidays';
import { instantInZoneText } from '../time/zoned-time';
import type { Period } from './rule-pack';

/**
 * Deadlines in the units these laws use, counted the same way for every unit: from the instant
 * the clock started, in one zone (the zone the clock was recorded in, or the period's own `zone`).
 *
 * - `hours`: exact elapsed time; a DST change does not move it.
 * - `days` (calendar days): the same wall-clock time N days later in the zone, so a DST change
 *   makes that day 23 or 25 hours long instead of shifting the time of day.
 * - `months` (calendar months): the same day and wall-clock time N months later, or the last day
 *   of that month when it is shorter.
 * - `businessDays`: "N business days after X" is the same wall-clock time as X on the Nth business
 *   day after the day of X, in the zone. The day of X is never counted, whatever it is (a Saturday
 *   discovery gives Monday as day 1). A business day is a day that is not a Saturday, a Sunday or a
 *   public holiday of the period's calendar (date-holidays type "public" only: bank, school,
 *   optional and observance days do not count). Where a holiday falling on a weekend is observed
 *   on a weekday ("Independence Day (substitute day)" on Friday 3 July 2026), that weekday is a
 *   holiday, since offices are closed then. Like calendar days this keeps the time of day, so the
 *   deadline never falls later than the end of that day, the usual legal reading.
 *
 * Only the weekday holidays that moved the deadline are reported, for the explanation.
 */

/** A holiday that was skipped: its name and its date (YYYY-MM-DD) in the counting zone. */
export interface SkippedHoliday {
  name: string;
  date: string;
}

export interface Reckoned {
  /** The deadline, as an ISO instant in UTC. */
  due: string;
  /** The public holidays on weekdays the count stepped over, in date order. */
  skipped: SkippedHoliday[];
}

export type Unit = 'hours' | 'days' | 'businessDays' | 'months';

export function periodUnit(period: Period): Unit {
  if (period.hours !== undefined) return 'hours';
  if (period.businessDays !== undefined) return 'businessDays';
  return period.months !== undefined ? 'months' : 'days';
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Adds a period to an instant, counting days in `zone` (or the period's own zone). */
export function addPeriod(start: { utc: string; zone: string }, period: Period): Reckoned {
  const at = Date.parse(start.utc);
  if (period.hours !== undefined)
    return { due: new Date(at + period.hours * HOUR_MS).toISOString(), skipped: [] };
  if (period.businessDays !== undefined) {
    return addBusinessDays(
      start.utc,
      period.zone ?? start.zone,
      period.businessDays,
      period.calendar ?? 'US',
    );
  }
  if (period.months !== undefined)
    return { due: new Date(shiftMonths(at, start.zone, period.months)).toISOString(), skipped: [] };
  const days = period.days ?? 0;
  const moved = shiftDays(at, start.zone, days);
  return { due: new Date(Number.isNaN(moved) ? at + days * DAY_MS : moved).toISOString(), skipped: [] };
}

/** N business days after `utc` (see above), skipping weekends and the public holidays of `calendar`. */
export function addBusinessDays(utc: string, zone: string, count: number, calendar: string): Reckoned {
  const at = Date.parse(utc);
  const skipped: SkippedHoliday[] = [];
  let counted = 0;
  // A year holds at most ~20 public holidays; the bound only guards against a broken calendar.
  for (let offset = 1; offset <= count * 2 + 400; offset += 1) {
    const day = new TZDate(shiftDays(at, zone, offset), zone);
    const weekday = day.getDay();
    if (weekday === 0 || weekday === 6) continue;
    const date = ymd(day);
    const names = holidaysOn(calendar, day.getFullYear(), date);
    if (names.length > 0) {
      skipped.push(...names.map((name) => ({ name, date })));
      continue;
    }
    counted += 1;
    if (counted === count) return { due: new Date(day.getTime()).toISOString(), skipped };
  }
  throw new Error(`Could not count ${count} business days in calendar ${calendar}`);
}

/** The same wall-clock time `days` later in the zone (NaN when the zone cannot say). */
function shiftDays(at: number, zone: string, days: number): number {
  const local = new TZDate(at, zone);
  return new TZDate(
    local.getFullYear(),
    local.getMonth(),
    local.getDate() + days,
    local.getHours(),
    local.getMinutes(),
    local.getSeconds(),
    zone,
  ).getTime();
}

/**
 * The same wall-clock time `months` later in the zone: "one month after 31 January" is the last
 * day of February, as a calendar month is read (the day is kept where the month has it).
 */
function shiftMonths(at: number, zone: string, months: number): number {
  const local = new TZDate(at, zone);
  const target = local.getMonth() + months;
  const lastDay = new TZDate(local.getFullYear(), target + 1, 0, 12, 0, 0, zone).getDate();
  return new TZDate(
    local.getFullYear(),
    target,
    Math.min(local.getDate(), lastDay),
    local.getHours(),
    local.getMinutes(),
    local.getSeconds(),
    zone,
  ).getTime();
}

function ymd(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Public holidays by calendar and year, each a map from date to names; built once per year. */
const holidayCache = new Map<string, Map<number, Map<string, string[]>>>();

function holidaysOn(calendar: string, year: number, date: string): string[] {
  let years = holidayCache.get(calendar);
  if (years === undefined) {
    years = new Map();
    holidayCache.set(calendar, years);
  }
  let dates = years.get(year);
  if (dates === undefined) {
    dates = new Map();
    // A substitute day can be listed under the neighbouring year (1 January 2028, a Saturday, is
    // observed on 31 December 2027): read the years around it and keep the days of this one.
    for (const listed of [year - 1, year, year + 1]) {
      for (const holiday of holidaysOf(calendar).getHolidays(listed)) {
        const day = holiday.date.slice(0, 10);
        if (holiday.type !== 'public' || !day.startsWith(`${year}-`)) continue;
        const names = dates.get(day) ?? [];
        if (!names.includes(holiday.name)) dates.set(day, [...names, holiday.name]);
      }
    }
    years.set(year, dates);
  }
  return dates.get(date) ?? [];
}

const calendars = new Map<string, Holidays>();

/** The date-holidays calendar for "US" or "US-OH"; throws on a code it does not know. */
function holidaysOf(calendar: string): Holidays {
  let holidays = calendars.get(calendar);
  if (holidays === undefined) {
    holidays = holidayCalendar(calendar);
    calendars.set(calendar, holidays);
  }
  return holidays;
}

function holidayCalendar(calendar: string): Holidays {
  const [country = '', state] = calendar.split('-');
  const known = new Holidays();
  const countries = known.getCountries('en') ?? {};
  const states = countries[country] === undefined ? undefined : (known.getStates(country, 'en') ?? {});
  if (countries[country] === undefined || (state !== undefined && states?.[state] === undefined)) {
    throw new Error(`Unknown holiday calendar ${calendar}`);
  }
  return state === undefined
    ? new Holidays(country, { languages: ['en'], types: ['public'] })
    : new Holidays(country, state, { languages: ['en'], types: ['public'] });
}

/** Whether date-holidays knows the calendar ("US", "US-OH"): for checking rule packs. */
export function isHolidayCalendar(calendar: string): boolean {
  try {
    holidaysOf(calendar);
    return true;
  } catch {
    return false;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * How a deadline was counted, in one sentence: "72 hours after awareness at 2020-11-16 09:30
 * Europe/Stockholm", "30 calendar days after discovery on 2026-03-04", "14 business days after
 * discovery on 2026-05-20, skipping Memorial Day (25 May)". `from` names the clock start.
 */
export function reckoningText(
  start: { utc: string; zone: string },
  period: Period,
  from: string,
  skipped: readonly SkippedHoliday[],
): string {
  if (period.hours !== undefined) {
    return `${plural(period.hours, 'hour')} after ${from} at ${instantInZoneText(start.utc, start.zone)}`;
  }
  const zone = period.businessDays === undefined ? start.zone : (period.zone ?? start.zone);
  const day = ymd(new TZDate(Date.parse(start.utc), zone));
  if (period.months !== undefined)
    return `${plural(period.months, 'calendar month')} after ${from} on ${day}`;
  if (period.businessDays === undefined) {
    return `${plural(period.days ?? 0, 'calendar day')} after ${from} on ${day}`;
  }
  const year = day.slice(0, 4);
  const holidays = skipped.map(({ name, date }) => {
    const [y, m, d] = date.split('-');
    const when = `${Number(d)} ${MONTHS[Number(m) - 1]}${y === year ? '' : ` ${y}`}`;
    return `${name} (${when})`;
  });
  const skipping = holidays.length === 0 ? '' : `, skipping ${listText(holidays)}`;
  return `${plural(period.businessDays, 'business day')} after ${from} on ${day}${skipping}`;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}
