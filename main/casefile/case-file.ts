import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { BreachdeskError } from '../../shared/ipc/errors';
import { APPLICATION_ID, CACHE_KIB, LOCK_TIMEOUT_MS, PAGE_SIZE } from './constants';
import { creatingPathFor, removeAbandonedCreations } from './abandoned-creations';
import { absoluteCasePath } from './case-path';
import { useSqlCipher } from './cipher';
import { checkWholeFile, inspectCaseFileHeader } from './header';
import { findInterruptedChange } from './interrupted-change';
import { coldJournalStamp, removeColdJournal } from './journal';
import { probeCaseFile } from './probe';
import { migrateCaseFile, removePartialBackups, type AuditStamp, type MigrationResult } from './migrate';
import { LATEST_SCHEMA_VERSION } from './migrations';
import {
  discardInterruptedIntakes,
  discardInterruptedRosterImports,
  finishInterruptedNoticeRuns,
  recordRollback,
  type Recovery,
} from './recover';
import { caseFileErrorFrom } from './sqlite-errors';

/** An open case file: this process holds its exclusive lock until close(). */
export class CaseFile {
  #closed = false;
  readonly #passphrase: Buffer | null;

  constructor(
    readonly path: string,
    readonly db: Database,
    readonly migration: MigrationResult,
    /** What opening it had to repair after a crash (nothing for a file closed cleanly). */
    readonly recovery: Recovery = { rolledBack: null, intakesDiscarded: 0, rosterImportsDiscarded: 0 },
    passphrase: Buffer | null = null,
  ) {
    this.#passphrase = passphrase === null ? null : Buffer.from(passphrase);
  }

  /** Whether the file is encrypted (SQLCipher 4) rather than plain SQLite. */
  get encrypted(): boolean {
    return this.#passphrase !== null;
  }

  /**
   * The passphrase, for the copies casefile itself makes of this file (snapshots, re-encrypted
   * copies), which must be encrypted like it. Never shown, logged or stored.
   */
  passphraseForCopies(): Buffer | null {
    return this.#passphrase;
  }

  get schemaVersion(): number {
    return this.migration.to;
  }

  /** Runs fn in one transaction: all of it lands, or none of it. */
  transaction<T>(fn: (db: Database) => T): T {
    return this.db.transaction(() => fn(this.db))();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.db.close();
    this.#passphrase?.fill(0);
  }
}

/**
 * Opens an existing case file. Everything that can refuse the file runs before anything can
 * write to it, so a refused file stays byte-for-byte as it was.
 */
export function openCaseFile(given: string, stamp: AuditStamp, passphrase: Buffer | null = null): CaseFile {
  const path = absoluteCasePath(given);
  // For an encrypted file this checks the passphrase too, with Node's crypto: SQLite is never
  // handed a wrong key, which it could only meet by failing to read (or by misusing a journal).
  const header = inspectCaseFileHeader(path, LATEST_SCHEMA_VERSION, passphrase);
  const key = header.keys === null ? null : passphrase;
  if (header.userVersion === 0) {
    throw new BreachdeskError(
      'CASE_CORRUPT',
      `${JSON.stringify(path)} is an unfinished case file (its creation never completed).`,
    );
  }
  // A file cut off in the middle of a change is shorter than its header says until SQLite rolls
  // its journal back, so the length is judged after that rollback, not before.
  const interrupted = findInterruptedChange(path, header);
  if (interrupted === null) checkWholeFile(path, header);
  const coldJournal = interrupted === null ? coldJournalStamp(path) : null;
  let db: Database | undefined;
  try {
    db = connect(path, key === null ? null : { passphrase: key, pageSize: header.pageSize });
    lockExclusively(db);
    if (coldJournal !== null) removeColdJournal(path, coldJournal);
    if (interrupted !== null) checkWholeFile(path, inspectCaseFileHeader(path, LATEST_SCHEMA_VERSION, key));
    checkQuickly(db, path);
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) {
      throw new BreachdeskError('NOT_A_CASE_FILE', `${JSON.stringify(path)} is not a Breachdesk case file.`);
    }
    if (interrupted !== null) recordRollback(db, stamp, interrupted);
    removePartialBackups(path);
    // A re-encrypted copy whose writer was killed before renaming it into place.
    removeAbandonedCreations(path);
    const migration = migrateCaseFile(db, path, header.userVersion, stamp);
    const intakesDiscarded = discardInterruptedIntakes(db, stamp);
    const rosterImportsDiscarded = discardInterruptedRosterImports(db, stamp);
    const noticeRunsDiscarded = finishInterruptedNoticeRuns(db, stamp);
    return new CaseFile(
      path,
      db,
      migration,
      { rolledBack: interrupted, intakesDiscarded, rosterImportsDiscarded, noticeRunsDiscarded },
      key,
    );
  } catch (error) {
    db?.close();
    throw caseFileErrorFrom(error, path);
  }
}

/**
 * Creates a case file by building it under a temporary name in the same folder and renaming it
 * into place, so a crash never leaves a half-made file at `path`. `initialise` runs in one
 * transaction with the fresh schema (the service writes the case record and its audit entry).
 */
export function createCaseFile(
  given: string,
  options: { overwrite: boolean; passphrase: Buffer | null },
  stamp: AuditStamp,
  initialise: (db: Database) => void,
): CaseFile {
  const path = absoluteCasePath(given);
  refuseUnusableTarget(path, options.overwrite);
  removeAbandonedCreations(path);
  const temporary = creatingPathFor(path, randomUUID());
  try {
    const db = connect(
      temporary,
      options.passphrase === null ? null : { passphrase: options.passphrase, pageSize: PAGE_SIZE },
    );
    try {
      // Large pages store evidence chunks about 1.6 times faster than the default 4 KiB; they
      // can only be chosen before the first write.
      db.pragma(`page_size = ${PAGE_SIZE}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      migrateCaseFile(db, temporary, 0, stamp);
      db.transaction(() => initialise(db))();
    } finally {
      db.close();
    }
    refuseIfOpenElsewhere(path);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw caseFileErrorFrom(error, path);
  }
  return openCaseFile(path, stamp, options.passphrase);
}

/** A new case file can be written at `path`: its folder exists, and nothing is there unless replacing was confirmed. */
export function refuseUnusableTarget(path: string, overwrite: boolean): void {
  if (existsSync(path) && !overwrite) {
    throw new BreachdeskError(
      'ALREADY_EXISTS',
      `${JSON.stringify(path)} already exists; choose another name.`,
    );
  }
  if (!existsSync(dirname(path))) {
    throw new BreachdeskError('NOT_FOUND', `The folder ${JSON.stringify(dirname(path))} does not exist.`);
  }
}

/** Replacing a file that another window or process has open would pull it from under them. */
export function refuseIfOpenElsewhere(path: string): void {
  if (probeCaseFile(path) === 'locked') {
    throw new BreachdeskError(
      'CASE_LOCKED',
      `${JSON.stringify(path)} is open elsewhere; close it there before replacing it.`,
    );
  }
}

/** The key of an encrypted file: its passphrase, and its page size (an encrypted header cannot say it). */
interface ConnectionKey {
  passphrase: Buffer;
  pageSize: number;
}

function connect(path: string, key: ConnectionKey | null): Database {
  const db = new BetterSqlite3(path, { timeout: LOCK_TIMEOUT_MS });
  if (key !== null) useSqlCipher(db, key.passphrase, key.pageSize);
  // Sorts and temporary indexes stay in memory: a temporary file would hold case data unencrypted.
  db.pragma('temp_store = MEMORY');
  // Before the first read, so the lock taken below is held until close.
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Room for a whole batch of evidence chunks: with the default 2 MiB cache SQLite spills pages
  // one by one as it inserts, and intake runs at a third of the speed.
  db.pragma(`cache_size = -${CACHE_KIB}`);
  return db;
}

/** Takes the write lock now (and, in exclusive mode, keeps it), so a second opener is refused at once. */
function lockExclusively(db: Database): void {
  db.exec('BEGIN EXCLUSIVE');
  db.exec('COMMIT');
}

function checkQuickly(db: Database, path: string): void {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') {
    throw new BreachdeskError(
      'CASE_CORRUPT',
      `${JSON.stringify(path)} is damaged (integrity check failed); restore it from a backup.`,
    );
  }
}
