import type { Database } from 'better-sqlite3-multiple-ciphers';
import {
  DEFAULT_NOTICE_SETTINGS,
  noticeRunSchema,
  noticeSettingsSchema,
  type NoticeChannel,
  type NoticeRun,
  type NoticeSettings,
  type NoticeStatus,
} from '../../../shared/domain/notices';
import { statement } from '../statements';

/**
 * Notification runs, their notices and the activation codes (migration 100). Notices hold the
 * address each was sent to (personal data: it stays in the case, to match what comes back);
 * nothing here is audited as a value.
 */

// --- settings ---

export function noticeSettings(db: Database): NoticeSettings {
  const text = statement(db, "SELECT value FROM notice_state WHERE key = 'settings'").pluck().get() as
    string | undefined;
  return text === undefined ? DEFAULT_NOTICE_SETTINGS : noticeSettingsSchema.parse(JSON.parse(text));
}

export function saveNoticeSettings(db: Database, settings: NoticeSettings): void {
  statement(db, "INSERT OR REPLACE INTO notice_state (key, value) VALUES ('settings', ?)").run(
    JSON.stringify(noticeSettingsSchema.parse(settings)),
  );
}

/** A small fact of the notices (a rewrite's temporary folder while it is written); null removes it. */
export function setNoticeState(db: Database, key: string, value: string | null): void {
  if (value === null) statement(db, 'DELETE FROM notice_state WHERE key = ?').run(key);
  else statement(db, 'INSERT OR REPLACE INTO notice_state (key, value) VALUES (?, ?)').run(key, value);
}

export function noticeStateKeys(db: Database, prefix: string): { key: string; value: string }[] {
  return statement(db, 'SELECT key, value FROM notice_state WHERE substr(key, 1, length(?)) = ?').all(
    prefix,
    prefix,
  ) as {
    key: string;
    value: string;
  }[];
}

// --- people ---

export type PersonRow = [id: number, jurisdiction: string, residency: number, elements: string];

/**
 * Affected people after `after`, by id: `[id, jurisdiction, residency, elements key]`. Read a
 * page at a time so the caller can write between pages (an open iterator would hold the connection).
 */
export function peoplePage(db: Database, after: number, limit: number): PersonRow[] {
  return statement(
    db,
    'SELECT id, jurisdiction, residency, elements FROM roster_people WHERE id > ? ORDER BY id LIMIT ?',
  )
    .raw()
    .all(after, limit) as PersonRow[];
}

export function anyNotices(db: Database): boolean {
  return statement(db, 'SELECT EXISTS (SELECT 1 FROM notices)').pluck().get() === 1;
}

export function personRow(db: Database, id: number): PersonRow | null {
  return (
    (statement(db, 'SELECT id, jurisdiction, residency, elements FROM roster_people WHERE id = ?')
      .raw()
      .get(id) as PersonRow | undefined) ?? null
  );
}

export function peopleCount(db: Database): number {
  return statement(db, 'SELECT count(*) FROM roster_people').pluck().get() as number;
}

/** The `data` of every record a person was built from, oldest first (personal values as read). */
export function personRecordData(db: Database, person: number): string[] {
  return statement(
    db,
    'SELECT data FROM roster_records WHERE (id = ? OR id IN (SELECT record FROM roster_links WHERE person = ?)) AND data IS NOT NULL ORDER BY id',
  )
    .pluck()
    .all(person, person) as string[];
}

/** Records' personal values after `after`, by id: `[id, data]` (for the personal-data check). */
export function recordDataPage(db: Database, after: number, limit: number): [number, string][] {
  return statement(
    db,
    'SELECT id, data FROM roster_records WHERE id > ? AND data IS NOT NULL ORDER BY id LIMIT ?',
  )
    .raw()
    .all(after, limit) as [number, string][];
}

/** What changes whenever the roster's records do: the check's index is rebuilt only then. */
export function rosterVersion(db: Database): string {
  const row = statement(
    db,
    "SELECT (SELECT max(seq) FROM roster_datasets) AS seq, (SELECT value FROM roster_state WHERE key = 'records') AS records, (SELECT value FROM roster_state WHERE key = 'purgedAt') AS purged",
  ).get() as { seq: number | null; records: string | null; purged: string | null };
  return `${row.seq ?? 0}|${row.records ?? 0}|${row.purged ?? ''}`;
}

// --- runs ---

interface RunRow {
  seq: number;
  state: 'writing' | 'placing' | 'done';
  temp: string | null;
  data: string;
}

export function nextRunSeq(db: Database): number {
  return ((statement(db, 'SELECT max(seq) FROM notice_runs').pluck().get() as number | null) ?? 0) + 1;
}

/** Records a run before anything is written: its notices are staged under it (state 'writing'). */
export function insertRun(db: Database, run: NoticeRun, temp: string): void {
  statement(db, "INSERT INTO notice_runs (id, seq, state, temp, data) VALUES (?, ?, 'writing', ?, ?)").run(
    run.id,
    run.seq,
    temp,
    JSON.stringify(noticeRunSchema.parse(run)),
  );
}

export function setRunState(db: Database, run: NoticeRun, state: 'placing' | 'done'): void {
  statement(db, 'UPDATE notice_runs SET state = ?, data = ? WHERE id = ?').run(
    state,
    JSON.stringify(noticeRunSchema.parse(run)),
    run.id,
  );
}

export function doneRuns(db: Database): NoticeRun[] {
  return (
    statement(db, "SELECT data FROM notice_runs WHERE state = 'done' ORDER BY seq").pluck().all() as string[]
  ).map((data) => noticeRunSchema.parse(JSON.parse(data)));
}

export function runById(db: Database, id: string): { run: NoticeRun; state: RunRow['state'] } | null {
  const row = statement(db, 'SELECT seq, state, temp, data FROM notice_runs WHERE id = ?').get(id) as
    RunRow | undefined;
  return row === undefined ? null : { run: noticeRunSchema.parse(JSON.parse(row.data)), state: row.state };
}

/** Runs a kill or a failure left unfinished: staged ('writing') or recorded but not placed. */
export function unfinishedRuns(
  db: Database,
): { run: NoticeRun; state: 'writing' | 'placing'; temp: string }[] {
  return (
    statement(
      db,
      "SELECT seq, state, temp, data FROM notice_runs WHERE state != 'done' ORDER BY seq",
    ).all() as RunRow[]
  ).map((row) => ({
    run: noticeRunSchema.parse(JSON.parse(row.data)),
    state: row.state === 'done' ? 'placing' : row.state,
    temp: row.temp ?? '',
  }));
}

/** Removes a staged run: its notices and the codes it gave out (given again by the next run). */
export function discardRun(db: Database, seq: number): number {
  statement(db, 'UPDATE offer_codes SET person = NULL, run = NULL WHERE run = ?').run(seq);
  const removed = statement(db, 'DELETE FROM notices WHERE run = ?').run(seq).changes;
  statement(db, 'DELETE FROM notice_runs WHERE seq = ?').run(seq);
  return removed;
}

// --- notices ---

export interface NoticeRow {
  person: number;
  jurisdiction: string;
  channel: NoticeChannel;
  letter: string | null;
  version: number | null;
  /** JSON array of rule ids. */
  rules: string;
  address: string | null;
  status: NoticeStatus;
}

export function insertNotice(db: Database, run: number, row: NoticeRow): number {
  return Number(
    statement(
      db,
      'INSERT INTO notices (run, person, jurisdiction, channel, letter, version, rules, address, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      run,
      row.person,
      row.jurisdiction,
      row.channel,
      row.letter,
      row.version,
      row.rules,
      row.address,
      row.status,
    ).lastInsertRowid,
  );
}

export interface StoredNotice extends NoticeRow {
  id: number;
  run: number;
  file: string | null;
  sha256: string | null;
}

const NOTICE_COLUMNS =
  'id, run, person, jurisdiction, channel, letter, version, rules, address, file, sha256, status';

/**
 * A run's notices of one channel after `after`, in id order (the order their files are written in).
 * Read along the ids (NOT INDEXED): by the (run, person) index SQLite would read and sort all of
 * the run's notices for every page, which is quadratic in the people of a run.
 */
export function runNoticesPage(
  db: Database,
  run: number,
  channel: NoticeChannel,
  after: number,
  limit: number,
): StoredNotice[] {
  return statement(
    db,
    `SELECT ${NOTICE_COLUMNS} FROM notices NOT INDEXED WHERE run = ? AND channel = ? AND id > ? ORDER BY id LIMIT ?`,
  ).all(run, channel, after, limit) as StoredNotice[];
}

export function runNoticeCount(db: Database, run: number, channel: NoticeChannel): number {
  return statement(db, 'SELECT count(*) FROM notices WHERE run = ? AND channel = ?')
    .pluck()
    .get(run, channel) as number;
}

export function setNoticeFile(db: Database, id: number, file: string, sha256: string): void {
  statement(db, 'UPDATE notices SET file = ?, sha256 = ? WHERE id = ?').run(file, sha256, id);
}

/** A person's notices, oldest first: `[channel, status]`. */
export function noticeHistory(db: Database, person: number): [NoticeChannel, NoticeStatus][] {
  return statement(
    db,
    "SELECT channel, status FROM notices n JOIN notice_runs r ON r.seq = n.run AND r.state = 'done' WHERE person = ? ORDER BY n.id",
  )
    .raw()
    .all(person) as [NoticeChannel, NoticeStatus][];
}

export function noticeById(db: Database, id: number): StoredNotice | null {
  return (
    (statement(db, `SELECT ${NOTICE_COLUMNS} FROM notices WHERE id = ?`).get(id) as
      StoredNotice | undefined) ?? null
  );
}

/** The latest notice sent to an address by a channel (bounces name the address they came back for). */
export function latestNoticeByAddress(
  db: Database,
  address: string,
  channel: NoticeChannel,
): StoredNotice | null {
  return (
    (statement(
      db,
      `SELECT ${NOTICE_COLUMNS} FROM notices WHERE address = ? AND channel = ? ORDER BY id DESC LIMIT 1`,
    ).get(address, channel) as StoredNotice | undefined) ?? null
  );
}

export function latestNoticeOfPerson(
  db: Database,
  person: number,
  channel: NoticeChannel | null,
): StoredNotice | null {
  return (
    (statement(
      db,
      `SELECT ${NOTICE_COLUMNS} FROM notices WHERE person = ? AND (? IS NULL OR channel = ?) ORDER BY id DESC LIMIT 1`,
    ).get(person, channel, channel) as StoredNotice | undefined) ?? null
  );
}

export function setNoticeStatus(
  db: Database,
  id: number,
  status: NoticeStatus,
  at: string,
  detail: string | null,
): void {
  statement(db, 'UPDATE notices SET status = ?, status_at = ?, detail = ? WHERE id = ?').run(
    status,
    at,
    detail,
    id,
  );
}

/** People by jurisdiction and the status of their latest notice (finished runs only). */
export function latestStatusCounts(
  db: Database,
): { jurisdiction: string; status: NoticeStatus; people: number }[] {
  return statement(
    db,
    `SELECT n.jurisdiction AS jurisdiction, n.status AS status, count(*) AS people FROM notices n
       JOIN (SELECT max(n2.id) AS id FROM notices n2 JOIN notice_runs r ON r.seq = n2.run AND r.state = 'done' GROUP BY n2.person) latest
         ON latest.id = n.id
     GROUP BY n.jurisdiction, n.status`,
  ).all() as { jurisdiction: string; status: NoticeStatus; people: number }[];
}

/**
 * Recounts the people whose latest notice did not reach them, by jurisdiction, and keeps the
 * counts (the board reads them on every evaluation: a stored count, not a scan of every notice).
 * Call in the transaction that changed a notice's status.
 */
export function refreshUnreached(db: Database): void {
  const rows = latestStatusCounts(db).filter(
    (r) => r.status === 'bounced' || r.status === 'returned' || r.status === 'unreachable',
  );
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.jurisdiction] = (counts[row.jurisdiction] ?? 0) + row.people;
  setNoticeState(db, 'unreached', JSON.stringify(counts));
}

/** People not reached by jurisdiction, as last counted. */
export function unreachedByJurisdiction(db: Database): Record<string, number> {
  const text = statement(db, "SELECT value FROM notice_state WHERE key = 'unreached'").pluck().get() as
    string | undefined;
  if (text === undefined) return {};
  const parsed: unknown = JSON.parse(text);
  const counts: Record<string, number> = {};
  if (typeof parsed === 'object' && parsed !== null)
    for (const [key, value] of Object.entries(parsed)) if (typeof value === 'number') counts[key] = value;
  return counts;
}

/** The latest notice of each person whose latest status is one of `statuses`, in a jurisdiction. */
export function latestNoticesWithStatus(
  db: Database,
  jurisdictions: readonly string[],
  statuses: readonly NoticeStatus[],
): number[] {
  if (jurisdictions.length === 0 || statuses.length === 0) return [];
  return statement(
    db,
    `SELECT n.id FROM notices n
       JOIN (SELECT max(n2.id) AS id FROM notices n2 JOIN notice_runs r ON r.seq = n2.run AND r.state = 'done' GROUP BY n2.person) latest
         ON latest.id = n.id
     WHERE n.jurisdiction IN (SELECT value FROM json_each(?)) AND n.status IN (SELECT value FROM json_each(?))`,
  )
    .pluck()
    .all(JSON.stringify(jurisdictions), JSON.stringify(statuses)) as number[];
}

// --- activation codes ---

/** Adds codes not already held; returns how many were new. */
export function insertCodes(
  db: Database,
  codes: readonly { code: string; expires: string | null }[],
): number {
  const insert = statement(db, 'INSERT OR IGNORE INTO offer_codes (code, expires) VALUES (?, ?)');
  let added = 0;
  for (const { code, expires } of codes) added += insert.run(code, expires).changes;
  return added;
}

export function codeCounts(
  db: Database,
  usableOn: string,
): { total: number; assigned: number; available: number } {
  const row = statement(
    db,
    'SELECT count(*) AS total, count(person) AS assigned, sum(person IS NULL AND (expires IS NULL OR expires >= ?)) AS available FROM offer_codes',
  ).get(usableOn) as { total: number; assigned: number; available: number | null };
  return { total: row.total, assigned: row.assigned, available: row.available ?? 0 };
}

export function codeOfPerson(db: Database, person: number): { code: string; expires: string | null } | null {
  return (
    (statement(db, 'SELECT code, expires FROM offer_codes WHERE person = ?').get(person) as
      { code: string; expires: string | null } | undefined) ?? null
  );
}

/** Gives a person the next unused, unexpired code, once (a person holds at most one). */
export function assignCode(db: Database, person: number, run: number, usableOn: string): boolean {
  return (
    statement(
      db,
      'UPDATE offer_codes SET person = ?, run = ? WHERE id = (SELECT id FROM offer_codes WHERE person IS NULL AND (expires IS NULL OR expires >= ?) ORDER BY id LIMIT 1)',
    ).run(person, run, usableOn).changes === 1
  );
}
