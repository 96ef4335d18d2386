import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';

// Every function here runs once per source row (up to 10 million times per import), so the
// patterns are compiled once at load and each call allocates little beyond its result.

/** local@domain.tld: no whitespace anywhere, one "@", and at least one dot in the domain. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/**
 * Trimmed and lower-cased, so the same mailbox typed twice merges into one person. Lower-casing
 * the local part is a deliberate over-merge: almost every provider treats it case-insensitively.
 */
export function normaliseEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return EMAIL_SHAPE.test(email) ? email : null;
}

export function normaliseAccountId(raw: string): string | null {
  const id = raw.trim();
  return id === '' ? null : id;
}

export interface NormalisedPhone {
  /** E.164: "+" and digits only. */
  e164: string;
  /** The number's ISO 3166-1 alpha-2 country; null for shared or non-geographic codes. */
  country: string | null;
}

/**
 * A phone number in E.164. `defaultCountry` (ISO alpha-2, usually the row's own country) is how
 * a number written without "+" is read. "Possible" numbers (right length for their country) are
 * kept as well as strictly valid ones: the default metadata lags new number ranges, and a
 * leaked number that merely looks unallocated still identifies its owner.
 */
export function normalisePhone(raw: string, defaultCountry: string | null): NormalisedPhone | null {
  const text = raw.trim();
  if (text === '') return null;
  const country = defaultCountry?.toUpperCase();
  const parsed = parsePhoneNumberFromString(
    text,
    country !== undefined && isSupportedCountry(country) ? country : undefined,
  );
  if (parsed === undefined || !parsed.isPossible()) return null;
  return { e164: parsed.number, country: parsed.country ?? null };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DOTTED_DAY_FIRST = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const SLASHED_MONTH_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * A date of birth as YYYY-MM-DD, or null for anything unreadable or impossible (31 April,
 * 29 February outside a leap year). Read forms:
 * - ISO dates and datetimes: the written calendar date is kept and any time or offset ignored,
 *   because a birth date is a calendar day, not an instant to convert to UTC;
 * - DD.MM.YYYY (the European dotted form);
 * - MM/DD/YYYY: slashes are always read month first, the US order, since most breach datasets
 *   with slashed dates come from US systems; a dataset in DD/MM/YYYY must be converted first
 *   (only days above 12 would reveal it, and reading row by row would mix both orders);
 * - YYYYMMDD.
 */
export function normaliseDateOfBirth(raw: string): string | null {
  const text = raw.trim();
  let match = ISO_DATE.exec(text) ?? COMPACT_DATE.exec(text);
  if (match !== null) return calendarDate(match[1], match[2], match[3]);
  match = DOTTED_DAY_FIRST.exec(text);
  if (match !== null) return calendarDate(match[3], match[2], match[1]);
  match = SLASHED_MONTH_FIRST.exec(text);
  if (match !== null) return calendarDate(match[3], match[1], match[2]);
  return null;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function calendarDate(
  yearText: string | undefined,
  monthText: string | undefined,
  dayText: string | undefined,
): string | null {
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lastDay = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (day > lastDay) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const INNER_WHITESPACE = /\s+/g;

/** Trimmed, upper-cased, inner whitespace collapsed: "sw1a  1aa" and "SW1A 1AA" are one code. */
export function normalisePostalCode(raw: string): string | null {
  const code = raw.trim().toUpperCase().replace(INNER_WHITESPACE, ' ');
  return code === '' ? null : code;
}

const COMBINING_MARKS = /\p{M}+/gu;
const NON_LETTERS = /\P{L}+/gu;

/**
 * A name reduced to its sorted, accent-free, lower-case words, so "Dupont, Marie" and
 * "marie DUPONT" give one key. Sorting the words ignores which is the given name, which is
 * what lets a "last, first" column merge with a "first last" one. Letters without a
 * decomposition (ß, ø, ł) are kept as they are rather than guessed at.
 */
/** Printable ASCII only: nothing to decompose. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

export function normaliseName(raw: string): string | null {
  // Most names are plain ASCII: decomposing them changes nothing and costs most of the time.
  const plain = PLAIN_ASCII.test(raw) ? raw : raw.normalize('NFKD').replace(COMBINING_MARKS, '');
  const words = plain.toLowerCase().replace(NON_LETTERS, ' ').trim();
  if (words === '') return null;
  return words.split(' ').sort().join(' ');
}

/**
 * The key under which records that may be one person (same name, birth date and postal code,
 * but no shared e-mail or account) are put up for review. Null unless all three are known:
 * fewer would suggest too many strangers as matches.
 */
export function suggestionKey(
  name: string | null,
  dateOfBirth: string | null,
  postalCode: string | null,
): string | null {
  if (name === null || dateOfBirth === null || postalCode === null) return null;
  return `${name}|${dateOfBirth}|${postalCode}`;
}
