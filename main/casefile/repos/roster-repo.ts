import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { DataElementTerm } from '../../../shared/domain/data-elements';
import { datasetSchema, type Dataset, type RosterGroup } from '../../../shared/domain/roster';
import { statement } from '../statements';

/**
 * The roster's rows (migration 090). Records are written in bulk, so their statements are plain
 * positional inserts; everything a person reads goes through zod on the way out.
 */

/** One source row as stored: keys normalised, residency decided, elements interned. */
export interface RecordRow {
  dataset: number;
  line: number;
  account: string | null;
  email: string | null;
  phone: string | null;
  suggest: string | null;
  jurisdiction: string;
  /** Index into RESIDENCY_SOURCES. */
  residency: number;
  elements: number;
  /** The row's personal values as JSON, or null for a scope dataset's records (keys only). */
  data: string | null;
}

export interface StoredRecord extends RecordRow {
  id: number;
  /** The record this one's person is counted under (its own id when it is the first). */
  person: number;
}

export type KeyColumn = 'account' | 'email' | 'phone' | 'suggest';
export const KEY_COLUMNS: readonly KeyColumn[] = ['account', 'email', 'phone', 'suggest'];

const KEY_INDEXES: Readonly<Record<KeyColumn, string>> = {
  account:
    'CREATE INDEX IF NOT EXISTS roster_records_account ON roster_records (account, dataset) WHERE account IS NOT NULL',
  email:
    'CREATE INDEX IF NOT EXISTS roster_records_email ON roster_records (email, dataset) WHERE email IS NOT NULL',
  phone:
    'CREATE INDEX IF NOT EXISTS roster_records_phone ON roster_records (phone, dataset) WHERE phone IS NOT NULL',
  suggest:
    'CREATE INDEX IF NOT EXISTS roster_records_suggest ON roster_records (suggest, dataset) WHERE suggest IS NOT NULL',
};

/** Drops the key indexes before a bulk load: they are rebuilt once after it (`ensureRosterIndexes`). */
export function dropRosterKeyIndexes(db: Database): void {
  for (const column of KEY_COLUMNS) db.exec(`DROP INDEX IF EXISTS roster_records_${column}`);
}

/** Builds any key index that is missing (after a bulk load, or one a crash cut short). */
export function ensureRosterIndexes(db: Database): void {
  for (const column of KEY_COLUMNS) db.exec(KEY_INDEXES[column]);
}

export function rosterIndexesComplete(db: Database): boolean {
  const names = new Set(
    db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'roster_records'")
      .pluck()
      .all() as string[],
  );
  return KEY_COLUMNS.every((column) => names.has(`roster_records_${column}`));
}

// --- datasets ---

/** Adds a dataset in the staging state and returns the number its records carry. */
export function stageDataset(db: Database, dataset: Dataset): number {
  const seq =
    ((statement(db, 'SELECT max(seq) FROM roster_datasets').pluck().get() as number | null) ?? 0) + 1;
  statement(db, "INSERT INTO roster_datasets (id, seq, state, data) VALUES (?, ?, 'staging', ?)").run(
    dataset.id,
    seq,
    JSON.stringify(datasetSchema.parse(dataset)),
  );
  return seq;
}

export function markDatasetReady(db: Database, dataset: Dataset): void {
  statement(db, "UPDATE roster_datasets SET state = 'ready', data = ? WHERE id = ?").run(
    JSON.stringify(datasetSchema.parse(dataset)),
    dataset.id,
  );
}

interface DatasetRow {
  seq: number;
  state: string;
  data: string;
}

/** The imported datasets (staging ones left out), oldest first, with their record numbers. */
export function readyDatasets(db: Database): { seq: number; dataset: Dataset }[] {
  return (
    statement(
      db,
      "SELECT seq, state, data FROM roster_datasets WHERE state = 'ready' ORDER BY seq",
    ).all() as DatasetRow[]
  ).map((row) => ({ seq: row.seq, dataset: datasetSchema.parse(JSON.parse(row.data)) }));
}

export function stagingDatasetSeqs(db: Database): number[] {
  return statement(db, "SELECT seq FROM roster_datasets WHERE state = 'staging'").pluck().all() as number[];
}

/** Removes a dataset and its records (and review pairs that name them). */
export function deleteDataset(db: Database, seq: number): number {
  statement(
    db,
    'DELETE FROM roster_review WHERE first IN (SELECT id FROM roster_records WHERE dataset = ?) OR second IN (SELECT id FROM roster_records WHERE dataset = ?)',
  ).run(seq, seq);
  statement(
    db,
    'DELETE FROM roster_links WHERE record IN (SELECT id FROM roster_records WHERE dataset = ?)',
  ).run(seq);
  const removed = statement(db, 'DELETE FROM roster_records WHERE dataset = ?').run(seq).changes;
  statement(db, 'DELETE FROM roster_datasets WHERE seq = ?').run(seq);
  return removed;
}

// --- records ---

const RECORD_FIELDS =
  '(dataset, line, account, email, phone, suggest, jurisdiction, residency, elements, data)';
/** Rows per INSERT statement: one call per row costs more than SQLite's own work. */
const ROWS_PER_INSERT = 64;
const INSERT_ONE = `INSERT INTO roster_records ${RECORD_FIELDS} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const INSERT_MANY = `INSERT INTO roster_records ${RECORD_FIELDS} VALUES ${Array.from(
  { length: ROWS_PER_INSERT },
  () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
).join(', ')}`;

/** Writes records; call inside a transaction (a batch per transaction). */
export function insertRecords(db: Database, rows: readonly RecordRow[]): void {
  const many = statement(db, INSERT_MANY);
  const one = statement(db, INSERT_ONE);
  const values: unknown[] = new Array<unknown>(ROWS_PER_INSERT * 10);
  let i = 0;
  for (; i + ROWS_PER_INSERT <= rows.length; i += ROWS_PER_INSERT) {
    for (let j = 0; j < ROWS_PER_INSERT; j++) fillValues(values, j * 10, rows[i + j] as RecordRow);
    many.run(values);
  }
  const single: unknown[] = new Array<unknown>(10);
  for (; i < rows.length; i++) {
    fillValues(single, 0, rows[i] as RecordRow);
    one.run(single);
  }
}

function fillValues(values: unknown[], at: number, r: RecordRow): void {
  values[at] = r.dataset;
  values[at + 1] = r.line;
  values[at + 2] = r.account;
  values[at + 3] = r.email;
  values[at + 4] = r.phone;
  values[at + 5] = r.suggest;
  values[at + 6] = r.jurisdiction;
  values[at + 7] = r.residency;
  values[at + 8] = r.elements;
  values[at + 9] = r.data;
}

/**
 * Records of finished imports, as stored when each import finished (counting ten million rows
 * on every look at the roster would cost a third of a second).
 */
export function recordCount(db: Database): number {
  return Number(rosterStateValue(db, 'records') ?? 0);
}

export function addToRecordCount(db: Database, records: number): void {
  setRosterStateValue(db, 'records', String(recordCount(db) + records));
}

export function maxRecordId(db: Database): number {
  return (statement(db, 'SELECT max(id) FROM roster_records').pluck().get() as number | null) ?? 0;
}

/** Every record's key of one kind, in key order: equal keys come together (`[key, id, dataset]`). */
export function iterateByKey(db: Database, column: KeyColumn): IterableIterator<[string, number, number]> {
  return db
    .prepare(
      `SELECT ${column}, id, dataset FROM roster_records WHERE ${column} IS NOT NULL ORDER BY ${column}`,
    )
    .raw()
    .iterate() as IterableIterator<[string, number, number]>;
}

/** Every record, what people are built from: `[id, dataset, jurisdiction, residency, elements]`. */
export function iterateRecordFacts(db: Database): IterableIterator<[number, number, string, number, number]> {
  return db
    .prepare('SELECT id, dataset, jurisdiction, residency, elements FROM roster_records ORDER BY id')
    .raw()
    .iterate() as IterableIterator<[number, number, string, number, number]>;
}

export function clearPersonLinks(db: Database): void {
  statement(db, 'DELETE FROM roster_links').run();
}

/**
 * Links records to the record their person is counted under (`links` holds record, person
 * pairs, flat); inside a transaction.
 */
export function linkToPerson(db: Database, links: Int32Array): void {
  const insert = statement(db, 'INSERT INTO roster_links (record, person) VALUES (?, ?)');
  for (let i = 0; i + 1 < links.length; i += 2) insert.run(links[i], links[i + 1]);
}

/** A record's columns, with the id of the record its person is counted under (its own when first). */
const RECORD_COLUMNS =
  'r.id, r.dataset, r.line, r.account, r.email, r.phone, r.suggest, r.jurisdiction, r.residency, r.elements, r.data, coalesce(l.person, r.id) AS person';
const RECORDS = 'roster_records r LEFT JOIN roster_links l ON l.record = r.id';

/** Records whose key of this kind is exactly `value` (ready datasets only). */
export function recordsByKey(db: Database, column: KeyColumn, value: string): StoredRecord[] {
  return statement(
    db,
    `SELECT ${RECORD_COLUMNS} FROM ${RECORDS} WHERE r.${column} = ? AND r.dataset IN (SELECT seq FROM roster_datasets WHERE state = 'ready') LIMIT 1000`,
  ).all(value) as StoredRecord[];
}

/** The records a person was built from: the one they are counted under and those linked to it. */
export function recordsOfPerson(db: Database, person: number): StoredRecord[] {
  return statement(
    db,
    `SELECT ${RECORD_COLUMNS} FROM ${RECORDS} WHERE r.id = ? OR r.id IN (SELECT record FROM roster_links WHERE person = ?) ORDER BY r.id LIMIT 10000`,
  ).all(person, person) as StoredRecord[];
}

export function recordById(db: Database, id: number): StoredRecord | null {
  return (
    (statement(db, `SELECT ${RECORD_COLUMNS} FROM ${RECORDS} WHERE r.id = ?`).get(id) as
      StoredRecord | undefined) ?? null
  );
}

/** Whether a key appears among a scope dataset's records. */
export function keyInDataset(db: Database, column: KeyColumn, value: string, dataset: number): boolean {
  return (
    statement(db, `SELECT 1 FROM roster_records WHERE ${column} = ? AND dataset = ? LIMIT 1`).get(
      value,
      dataset,
    ) !== undefined
  );
}

// --- element sets ---

/** The id of a combination of elements, added when new. */
export function elementSetId(db: Database, terms: readonly DataElementTerm[]): number {
  const key = JSON.stringify([...new Set(terms)].sort());
  const found = statement(db, 'SELECT id FROM roster_element_sets WHERE terms = ?').pluck().get(key) as
    number | undefined;
  if (found !== undefined) return found;
  return Number(statement(db, 'INSERT INTO roster_element_sets (terms) VALUES (?)').run(key).lastInsertRowid);
}

export function elementSets(db: Database): Map<number, DataElementTerm[]> {
  const rows = statement(db, 'SELECT id, terms FROM roster_element_sets').all() as {
    id: number;
    terms: string;
  }[];
  return new Map(rows.map((row) => [row.id, JSON.parse(row.terms) as DataElementTerm[]]));
}

// --- groups (the counts) ---

export function replaceGroups(db: Database, groups: readonly RosterGroup[]): void {
  statement(db, 'DELETE FROM roster_groups').run();
  const insert = statement(
    db,
    'INSERT INTO roster_groups (jurisdiction, elements, source, people) VALUES (?, ?, ?, ?)',
  );
  for (const g of groups) insert.run(g.jurisdiction, JSON.stringify(g.elements), g.source, g.people);
}

/** Starts the people rows afresh; `addPerson` then writes one (inside the rebuild's transaction). */
export function clearPeople(
  db: Database,
): (id: number, jurisdiction: string, residency: number, elements: string) => void {
  statement(db, 'DELETE FROM roster_people').run();
  setRosterStateValue(db, 'peopleTable', '1');
  const insert = statement(
    db,
    'INSERT INTO roster_people (id, jurisdiction, residency, elements) VALUES (?, ?, ?, ?)',
  );
  return (id, jurisdiction, residency, elements) => {
    insert.run(id, jurisdiction, residency, elements);
  };
}

/** Whether the people rows were written by a rebuild (a roster built before they existed has none). */
export function peopleTableBuilt(db: Database): boolean {
  return rosterStateValue(db, 'peopleTable') === '1';
}

export function rosterGroups(db: Database): RosterGroup[] {
  const rows = statement(
    db,
    'SELECT jurisdiction, elements, source, people FROM roster_groups ORDER BY jurisdiction, elements, source',
  ).all() as {
    jurisdiction: string;
    elements: string;
    source: RosterGroup['source'];
    people: number;
  }[];
  return rows.map((row) => ({ ...row, elements: JSON.parse(row.elements) as DataElementTerm[] }));
}

// --- review queue ---

export interface ReviewRow {
  id: number;
  first: number;
  second: number;
  decision: 'merge' | 'apart' | null;
  decided_by: string | null;
  decided_at: string | null;
}

/** Adds a pair to review unless it is already there (decided or not). */
export function addReviewPair(db: Database, first: number, second: number): void {
  statement(db, 'INSERT OR IGNORE INTO roster_review (first, second) VALUES (?, ?)').run(
    Math.min(first, second),
    Math.max(first, second),
  );
}

/** Undecided pairs are suggestions of the last build: cleared before the next finds them again. */
export function clearUndecidedReview(db: Database): void {
  statement(db, 'DELETE FROM roster_review WHERE decision IS NULL').run();
}

export function reviewRows(db: Database, undecidedOnly: boolean, limit = 500): ReviewRow[] {
  return statement(
    db,
    `SELECT id, first, second, decision, decided_by, decided_at FROM roster_review ${undecidedOnly ? 'WHERE decision IS NULL' : ''} ORDER BY id LIMIT ?`,
  ).all(limit) as ReviewRow[];
}

export function reviewRow(db: Database, id: number): ReviewRow | null {
  return (
    (statement(
      db,
      'SELECT id, first, second, decision, decided_by, decided_at FROM roster_review WHERE id = ?',
    ).get(id) as ReviewRow | undefined) ?? null
  );
}

export function undecidedReviewCount(db: Database): number {
  return statement(db, 'SELECT count(*) FROM roster_review WHERE decision IS NULL').pluck().get() as number;
}

export function decideReview(
  db: Database,
  id: number,
  decision: 'merge' | 'apart',
  by: string,
  at: string,
): void {
  statement(db, 'UPDATE roster_review SET decision = ?, decided_by = ?, decided_at = ? WHERE id = ?').run(
    decision,
    by,
    at,
    id,
  );
}

/** Pairs a person said are one person. */
export function mergeDecisions(db: Database): [number, number][] {
  return statement(db, "SELECT first, second FROM roster_review WHERE decision = 'merge'").raw().all() as [
    number,
    number,
  ][];
}

/** Pairs a person said are two people: a later build never suggests them again. */
export function apartDecisions(db: Database): Set<string> {
  const rows = statement(db, "SELECT first, second FROM roster_review WHERE decision = 'apart'")
    .raw()
    .all() as [number, number][];
  return new Set(rows.map(([a, b]) => `${a}:${b}`));
}

// --- purge and state ---

/** Deletes every record and review pair; the datasets' descriptions and the counts stay. */
export function purgeRecords(db: Database): number {
  const removed = statement(db, 'DELETE FROM roster_records').run().changes;
  statement(db, 'DELETE FROM roster_links').run();
  // What notices kept of people goes with them: the addresses used and the codes given.
  statement(db, 'DELETE FROM roster_people').run();
  statement(db, 'UPDATE notices SET address = NULL WHERE address IS NOT NULL').run();
  statement(db, 'DELETE FROM offer_codes').run();
  statement(db, 'DELETE FROM roster_review').run();
  setRosterStateValue(db, 'records', '0');
  return removed;
}

export function rosterStateValue(db: Database, key: string): string | null {
  return (
    (statement(db, 'SELECT value FROM roster_state WHERE key = ?').pluck().get(key) as string | undefined) ??
    null
  );
}

export function setRosterStateValue(db: Database, key: string, value: string | null): void {
  if (value === null) statement(db, 'DELETE FROM roster_state WHERE key = ?').run(key);
  else statement(db, 'INSERT OR REPLACE INTO roster_state (key, value) VALUES (?, ?)').run(key, value);
}
