import { z } from 'zod';
import { BreachdeskError } from '../ipc/errors';
import { DATA_ELEMENT_TERMS, type DataElementTerm } from './data-elements';

/** The fields a roster record can hold: what a dataset's columns are mapped to. */
export const ROSTER_FIELDS = [
  'personId',
  'accountId',
  'fullName',
  'givenName',
  'familyName',
  'email',
  'phone',
  'street',
  'city',
  'region',
  'postalCode',
  'country',
  'dateOfBirth',
  'language',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

export const ROSTER_FIELD_LABELS: Readonly<Record<RosterField, string>> = {
  personId: 'Person id',
  accountId: 'Account id',
  fullName: 'Full name',
  givenName: 'Given name',
  familyName: 'Family name',
  email: 'E-mail address',
  phone: 'Phone number',
  street: 'Street address',
  city: 'City',
  region: 'Region / state',
  postalCode: 'Postal code',
  country: 'Country',
  dateOfBirth: 'Date of birth',
  language: 'Language',
};

export const ROSTER_MAPPING_FORMAT = 'breachdesk.roster-mapping/1';

/**
 * Which source column is which roster field, and which data elements the dataset exposed: for
 * every row (`exposes`) or per row where a column is non-empty (`exposesByColumn`). Unknown keys
 * are kept, so a mapping written by another tool (or a later version) survives a round trip.
 */
export const rosterMappingSchema = z.looseObject({
  format: z.literal(ROSTER_MAPPING_FORMAT, {
    error: `A roster mapping starts with "format": "${ROSTER_MAPPING_FORMAT}".`,
  }),
  columns: z.record(z.string().min(1), z.enum(ROSTER_FIELDS)),
  exposes: z.array(z.enum(DATA_ELEMENT_TERMS)).default([]),
  exposesByColumn: z.record(z.string().min(1), z.enum(DATA_ELEMENT_TERMS)).default({}),
  /** CSV only: the field separator; detected when absent. */
  delimiter: z.string().min(1).max(4).optional(),
  /** CSV and JSON Lines: the text encoding (WHATWG label); detected when absent. */
  encoding: z.string().min(1).max(40).optional(),
  /** SQLite only: the table to read. */
  table: z.string().min(1).max(200).optional(),
});
export type RosterMapping = z.output<typeof rosterMappingSchema>;

/**
 * A mapping file's text (saved by the app, written by hand or by another tool), checked; one
 * sentence naming the file and the first wrong key otherwise.
 */
export function rosterMappingFromText(text: string, path: string): RosterMapping {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BreachdeskError('INVALID_INPUT', `${JSON.stringify(path)} cannot be read as JSON.`);
  }
  const parsed = rosterMappingSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? '' : ` (at ${issue.path.join('.')})`;
  throw new BreachdeskError(
    'INVALID_INPUT',
    `${JSON.stringify(path)} is not a roster mapping${where}: ${issue?.message ?? 'unreadable'}`,
  );
}

export const DATASET_FORMATS = ['csv', 'jsonl', 'sqlite'] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

/** Where a person's jurisdiction was decided from, best first. */
export const RESIDENCY_SOURCES = ['column', 'postalCode', 'phone', 'unknown'] as const;
export type ResidencySource = (typeof RESIDENCY_SOURCES)[number];

export const datasetSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  format: z.enum(DATASET_FORMATS),
  /** The file's name (not its folder) and what it held when read. */
  sourceName: z.string(),
  sourceBytes: z.number().int(),
  sourceSha256: z.string(),
  mapping: rosterMappingSchema,
  mappingSha256: z.string(),
  /** The dataset whose people this one limits, by id; null for a dataset of people. */
  scopeOf: z.uuid().nullable(),
  rows: z.number().int(),
  skipped: z.number().int(),
  importedAt: z.string(),
  importedBy: z.string(),
});
export type Dataset = z.output<typeof datasetSchema>;

export const badRowSchema = z.object({ line: z.number().int(), message: z.string() });
export type BadRow = z.output<typeof badRowSchema>;

/** How many people share one combination of exposed elements in one jurisdiction. */
export const rosterGroupSchema = z.object({
  /** ISO code ("US-CA", "FR"), "US" when only the country is known, "unknown" when nothing is. */
  jurisdiction: z.string(),
  elements: z.array(z.enum(DATA_ELEMENT_TERMS)),
  source: z.enum(RESIDENCY_SOURCES),
  people: z.number().int(),
});
export type RosterGroup = z.output<typeof rosterGroupSchema>;

export const rosterStatsSchema = z.object({
  people: z.number().int(),
  records: z.number().int(),
  datasets: z.array(datasetSchema),
  byJurisdiction: z.record(z.string(), z.number().int()),
  residencySource: z.record(z.enum(RESIDENCY_SOURCES), z.number().int()),
  /** Element combination ("email+password", sorted terms joined by "+") → people. */
  byElements: z.record(z.string(), z.number().int()),
  reviewQueue: z.number().int(),
  groups: z.array(rosterGroupSchema),
  /** When the records were purged (counts kept), or null. */
  purgedAt: z.string().nullable(),
});
export type RosterStats = z.output<typeof rosterStatsSchema>;

/** The key a combination of elements is counted under: sorted terms joined by "+". */
export function elementsKey(terms: readonly DataElementTerm[]): string {
  return [...new Set(terms)].sort().join('+');
}

/**
 * How a roster group is named where a rule counts it: the jurisdiction as the engine reads it
 * ("ZZ" for unknown residency) and the element combination (`elementsKey`).
 */
export function rosterGroupKey(jurisdiction: string, elements: string): string {
  return `${jurisdiction}|${elements}`;
}

/** The code counted for people whose residency could not be found. */
export const UNKNOWN_RESIDENCY = 'unknown';

/** One record a person was built from, with the values as read (the UI masks contact data). */
export const personRecordSchema = z.object({
  recordId: z.number().int(),
  dataset: z.string(),
  line: z.number().int(),
  values: z.partialRecord(z.enum(ROSTER_FIELDS), z.string()),
  jurisdiction: z.string(),
  source: z.enum(RESIDENCY_SOURCES),
  elements: z.array(z.enum(DATA_ELEMENT_TERMS)),
  /** Whether the dataset's scope names this record; null when the dataset has no scope. */
  inScope: z.boolean().nullable(),
});
export type PersonRecord = z.output<typeof personRecordSchema>;

export const rosterPersonSchema = z.object({
  /** The id of the record the person is counted under. */
  id: z.number().int(),
  jurisdiction: z.string(),
  source: z.enum(RESIDENCY_SOURCES),
  elements: z.array(z.enum(DATA_ELEMENT_TERMS)),
  /** In scope (or in a dataset without one): counted as affected. */
  affected: z.boolean(),
  records: z.array(personRecordSchema),
});
export type RosterPerson = z.output<typeof rosterPersonSchema>;

export const reviewPairSchema = z.object({
  id: z.number().int(),
  first: personRecordSchema,
  second: personRecordSchema,
  decision: z.enum(['merge', 'apart']).nullable(),
});
export type ReviewPair = z.output<typeof reviewPairSchema>;

export const ROSTER_LOOKUP_KEYS = ['email', 'account', 'phone'] as const;
export type RosterLookupKey = (typeof ROSTER_LOOKUP_KEYS)[number];
