import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import type { DataElementTerm } from '../../shared/domain/data-elements';
import { ROSTER_MAPPING_FORMAT, type RosterField, type RosterMapping } from '../../shared/domain/roster';
import { US_SUBDIVISIONS } from '../../shared/jurisdictions/us-states';
import { cardShaped, ssnShaped } from './checksums';
import { normaliseDateOfBirth, normaliseEmail, normalisePhone } from './normalise';

countries.registerLocale(english);

export interface MappingSuggestion {
  mapping: RosterMapping;
  /** Column → one sentence on why it was mapped; never quotes a sampled value. */
  reasons: Record<string, string>;
}

/** Share of a column's non-empty sampled values that must pass a detector. */
const MIN_SHARE = 0.8;

/**
 * Headers compared with everything but letters and digits removed, so "E-mail", "email_address"
 * and "EmailAddress" are all found.
 */
const FIELD_HEADERS: Readonly<Record<RosterField, readonly string[]>> = {
  email: ['email', 'mail', 'emailaddress', 'emailaddr'],
  phone: ['phone', 'mobile', 'tel', 'telephone', 'phonenumber', 'mobilephone', 'cell', 'cellphone'],
  postalCode: ['zip', 'zipcode', 'postalcode', 'postcode', 'postal', 'plz'],
  country: ['country', 'countrycode', 'countryname'],
  region: ['state', 'region', 'province', 'statecode'],
  dateOfBirth: ['dob', 'birthdate', 'dateofbirth', 'birthday'],
  givenName: ['firstname', 'givenname', 'forename'],
  familyName: ['lastname', 'surname', 'familyname'],
  fullName: ['name', 'fullname', 'displayname'],
  accountId: ['accountid', 'userid', 'uid', 'account', 'username', 'login'],
  personId: ['personid', 'customerid', 'clientid'],
  street: ['street', 'address', 'address1', 'streetaddress', 'addressline1'],
  city: ['city', 'town'],
  language: ['lang', 'language', 'locale'],
};

/** Headers that name an exposed element but no roster field. */
const ELEMENT_HEADERS: Readonly<Partial<Record<DataElementTerm, readonly string[]>>> = {
  password: ['password', 'pass', 'pwd', 'passwd', 'hash', 'passwordhash'],
  gender: ['gender', 'sex'],
  ssn: ['ssn', 'socialsecuritynumber'],
  payment_card: ['cardnumber', 'creditcard', 'ccnumber'],
};

/** The element a mapped field exposes; ids are left out, as they reveal nothing by themselves. */
const FIELD_ELEMENTS: Readonly<Partial<Record<RosterField, DataElementTerm>>> = {
  email: 'email',
  phone: 'phone',
  fullName: 'name',
  givenName: 'name',
  familyName: 'name',
  dateOfBirth: 'date_of_birth',
  street: 'postal_address',
  postalCode: 'postal_address',
  city: 'postal_address',
};

/** Name columns in the order one is picked to carry the "name" element. */
const NAME_FIELDS: readonly RosterField[] = ['fullName', 'familyName', 'givenName'];

const FIELD_BY_HEADER = invert(FIELD_HEADERS);
const ELEMENT_BY_HEADER = invert(ELEMENT_HEADERS);

function invert<K extends string>(lists: Readonly<Partial<Record<K, readonly string[]>>>): Map<string, K> {
  const byHeader = new Map<string, K>();
  for (const [key, headers] of Object.entries(lists) as [K, readonly string[]][]) {
    for (const header of headers) byHeader.set(header, key);
  }
  return byHeader;
}

const NOT_LETTER_OR_DIGIT = /[^a-z0-9]/g;

function compactHeader(header: string): string {
  return header.toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');
}

interface ValueKind {
  /** How the reason sentence names the values: "e-mail addresses". */
  described: string;
  field: RosterField | null;
  element: DataElementTerm | null;
  matches: (value: string) => boolean;
}

const PHONE_PUNCTUATION = /^\+|[\s().-]/;
const US_ZIP = /^\d{5}(?:-\d{4})?$/;
const TWO_OR_THREE_LETTERS = /^[A-Za-z]{2,3}$/;
const US_STATE_SPELLINGS = new Set(
  Object.entries(US_SUBDIVISIONS).flatMap(([code, name]) => [
    code.toLowerCase(),
    code.slice(3).toLowerCase(),
    name.toLowerCase(),
  ]),
);

/**
 * Value detectors, most specific first: the first one that 80 % of a column's values pass wins.
 * Card and SSN come before phone so a long digit string is not taken for a phone number; US
 * states come before countries because most state codes ("CA", "DE", "IN") are country codes too.
 */
const VALUE_KINDS: readonly ValueKind[] = [
  {
    described: 'e-mail addresses',
    field: 'email',
    element: 'email',
    matches: (v) => normaliseEmail(v) !== null,
  },
  {
    described: 'payment card numbers passing the Luhn check',
    field: null,
    element: 'payment_card',
    matches: cardShaped,
  },
  { described: 'shaped like Social Security numbers', field: null, element: 'ssn', matches: ssnShaped },
  {
    described: 'plausible dates of birth',
    field: 'dateOfBirth',
    element: 'date_of_birth',
    matches: plausibleBirthDate,
  },
  {
    described: 'US ZIP codes',
    field: 'postalCode',
    element: 'postal_address',
    matches: (v) => US_ZIP.test(v),
  },
  { described: 'phone numbers', field: 'phone', element: 'phone', matches: phoneLike },
  {
    described: 'US state codes or names',
    field: 'region',
    element: null,
    matches: (v) => US_STATE_SPELLINGS.has(v.toLowerCase()),
  },
  {
    described: 'ISO country codes',
    field: 'country',
    element: null,
    matches: (v) => TWO_OR_THREE_LETTERS.test(v) && countries.isValid(v.toUpperCase()),
  },
];

/**
 * Bare digit strings are not counted as phone numbers: a column of ten-digit numbers is as
 * likely an account id. A "+" or the usual separators must show it was written as a number to
 * dial; without "+" it is read as a US number, the commonest national form in breach data.
 */
function phoneLike(value: string): boolean {
  return PHONE_PUNCTUATION.test(value) && normalisePhone(value, 'US') !== null;
}

const MIDNIGHT_OR_NO_TIME = /^[^T ]*$|[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
/** Nobody in a breach roster was born before this year. */
const EARLIEST_BIRTH_YEAR = 1900;
/** People younger than this rarely hold accounts, and it keeps recent event dates out. */
const YOUNGEST_AGE = 13;

/**
 * A date that could be a birth date: readable, not carrying a time of day (a timestamp column
 * records an event), and an age between 13 and about 125. Creation and login dates of the last
 * thirteen years are thereby not mistaken for birth dates.
 */
function plausibleBirthDate(value: string): boolean {
  if (!MIDNIGHT_OR_NO_TIME.test(value)) return false;
  const date = normaliseDateOfBirth(value);
  if (date === null) return false;
  const year = Number(date.slice(0, 4));
  return year >= EARLIEST_BIRTH_YEAR && year <= new Date().getUTCFullYear() - YOUNGEST_AGE;
}

interface ColumnFinding {
  column: string;
  field: RosterField | null;
  element: DataElementTerm | null;
  /** Header match counts 2, a value match 1 plus its share: used when two columns want one field. */
  score: number;
  reason: string;
}

/**
 * A first mapping for a dataset from its header and up to a few hundred sampled rows (aligned
 * with `columns`). It is a suggestion for the user to review, so each mapped column carries a
 * one-sentence reason. A header naming a field wins over what the values look like; value
 * detection of SSNs and card numbers applies only to columns whose header named no field, so a
 * "customer_id" of nine-digit numbers is not flagged as SSNs.
 */
export function suggestMapping(
  columns: readonly string[],
  sample: readonly (readonly string[])[],
): MappingSuggestion {
  const findings = columns
    .map((column, index) => findColumn(column, nonEmptyValues(sample, index)))
    .filter((finding): finding is ColumnFinding => finding !== null);

  const mappedColumns: Record<string, RosterField> = {};
  const winners = bestColumnPerField(findings);
  const reasons: Record<string, string> = {};
  const exposesByColumn: Record<string, DataElementTerm> = {};
  for (const finding of findings) {
    const wonField = finding.field !== null && winners.get(finding.field) === finding;
    if (wonField && finding.field !== null) mappedColumns[finding.column] = finding.field;
    // A column that lost its field to a better one still exposes its element, row by row
    // (a second e-mail column leaks e-mail addresses for the rows where it is filled).
    const element = finding.element ?? (finding.field === null ? undefined : FIELD_ELEMENTS[finding.field]);
    if (element !== undefined) exposesByColumn[finding.column] = element;
    if (wonField || finding.field === null) reasons[finding.column] = finding.reason;
    else if (element !== undefined) reasons[finding.column] = lostReason(finding.reason);
  }
  keepOneNameElement(mappedColumns, exposesByColumn);
  for (const column of Object.keys(reasons)) {
    if (mappedColumns[column] === undefined && exposesByColumn[column] === undefined) delete reasons[column];
  }
  return {
    mapping: { format: ROSTER_MAPPING_FORMAT, columns: mappedColumns, exposes: [], exposesByColumn },
    reasons,
  };
}

function nonEmptyValues(sample: readonly (readonly string[])[], index: number): string[] {
  const values: string[] = [];
  for (const row of sample) {
    const value = row[index]?.trim() ?? '';
    if (value !== '') values.push(value);
  }
  return values;
}

function findColumn(column: string, values: readonly string[]): ColumnFinding | null {
  const header = compactHeader(column);
  const headerField = FIELD_BY_HEADER.get(header) ?? null;
  const headerElement = headerField === null ? (ELEMENT_BY_HEADER.get(header) ?? null) : null;
  // With a header naming a field, the values are only asked whether they confirm it; without
  // one, whether they are anything recognisable (element-only kinds such as SSNs included).
  const detected = detectValues(values, (kind) =>
    headerField !== null ? kind.field === headerField : headerElement === null,
  );
  const percent = detected === null ? '' : `${Math.round(detected.share * 100)} %`;

  if (headerField !== null) {
    const agrees = detected !== null;
    return {
      column,
      field: headerField,
      element: null,
      score: 2 + (agrees ? 1 + detected.share : 0),
      reason: agrees
        ? `Header '${column}' and ${percent} of sampled values are ${detected.kind.described}.`
        : `Header '${column}' names ${fieldWords(headerField)}.`,
    };
  }
  if (headerElement !== null) {
    return {
      column,
      field: null,
      element: headerElement,
      score: 2,
      reason: `Header '${column}' names ${elementWords(headerElement)}.`,
    };
  }
  if (detected === null) return null;
  // The header matched nothing, so it is not quoted: a file without a header row would
  // otherwise have its first row's personal values echoed back here.
  return {
    column,
    field: detected.kind.field,
    element: detected.kind.element,
    score: 1 + detected.share,
    reason: `${percent} of sampled values are ${detected.kind.described}.`,
  };
}

function detectValues(
  values: readonly string[],
  considered: (kind: ValueKind) => boolean,
): { kind: ValueKind; share: number } | null {
  if (values.length === 0) return null;
  for (const kind of VALUE_KINDS) {
    if (!considered(kind)) continue;
    let matching = 0;
    for (const value of values) if (kind.matches(value)) matching++;
    const share = matching / values.length;
    if (share >= MIN_SHARE) return { kind, share };
  }
  return null;
}

/** The best-scored column for each field; the earlier column keeps a tie. */
function bestColumnPerField(findings: readonly ColumnFinding[]): Map<RosterField, ColumnFinding> {
  const winners = new Map<RosterField, ColumnFinding>();
  for (const finding of findings) {
    if (finding.field === null) continue;
    const current = winners.get(finding.field);
    if (current === undefined || finding.score > current.score) winners.set(finding.field, finding);
  }
  return winners;
}

/** The finding's own sentence, extended to say why the column was not mapped to its field. */
function lostReason(reason: string): string {
  return `${reason.slice(0, -1)}, but another column fits that field better, so this one only marks the exposed element.`;
}

/** Every row has a name if any name column is filled, so one column is enough to expose it. */
function keepOneNameElement(
  mappedColumns: Readonly<Record<string, RosterField>>,
  exposesByColumn: Record<string, DataElementTerm>,
): void {
  const nameColumns = Object.keys(exposesByColumn).filter((column) => exposesByColumn[column] === 'name');
  if (nameColumns.length < 2) return;
  const rank = (column: string): number => {
    const field = mappedColumns[column];
    const position = field === undefined ? -1 : NAME_FIELDS.indexOf(field);
    return position === -1 ? NAME_FIELDS.length : position;
  };
  const keep = nameColumns.reduce((best, column) => (rank(column) < rank(best) ? column : best));
  for (const column of nameColumns) if (column !== keep) delete exposesByColumn[column];
}

function fieldWords(field: RosterField): string {
  return ROSTER_FIELD_WORDS[field];
}

const ROSTER_FIELD_WORDS: Readonly<Record<RosterField, string>> = {
  personId: 'a person id',
  accountId: 'an account id',
  fullName: 'a full name',
  givenName: 'a given name',
  familyName: 'a family name',
  email: 'an e-mail address',
  phone: 'a phone number',
  street: 'a street address',
  city: 'a city',
  region: 'a region or state',
  postalCode: 'a postal code',
  country: 'a country',
  dateOfBirth: 'a date of birth',
  language: 'a language',
};

function elementWords(element: DataElementTerm): string {
  switch (element) {
    case 'password':
      return 'a password or password hash';
    case 'gender':
      return 'a gender';
    case 'ssn':
      return 'a Social Security number';
    case 'payment_card':
      return 'a payment card number';
    default:
      return 'a data element';
  }
}
