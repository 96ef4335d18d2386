import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { APPLICATION_ID, CACHE_KIB, PAGE_SIZE } from '../constants';

/**
 * A bundle's case snapshot, read only. It may have come from outside: no code its schema
 * defines runs (trusted_schema off), and damaged pages are caught as they are read.
 */
export function openSnapshot(path: string): Database {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma('trusted_schema = OFF');
    db.pragma('cell_size_check = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Whether the snapshot says it is a Breachdesk case file; throws if its header cannot be read. */
export function isCaseFileSnapshot(db: Database): boolean {
  return db.pragma('application_id', { simple: true }) === APPLICATION_ID;
}

/**
 * A snapshot being imported, opened to receive its evidence bytes. It is a temporary file that
 * is deleted if anything fails, so it is loaded without a rollback journal and synced once at
 * the end (finishLoading, then the caller syncs it).
 */
export function openSnapshotForLoading(path: string): Database {
  const db = new BetterSqlite3(path, { fileMustExist: true });
  try {
    db.pragma('trusted_schema = OFF');
    // Bundles carry the case with small pages; evidence chunks store faster in large ones, and
    // the page size can only change by rewriting the file, which is cheap while it holds no bytes.
    if (db.pragma('page_size', { simple: true }) !== PAGE_SIZE) {
      db.pragma(`page_size = ${PAGE_SIZE}`);
      db.exec('VACUUM');
    }
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma(`cache_size = -${CACHE_KIB}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Turns journaling back on and closes: the file is an ordinary case file again. */
export function finishLoading(db: Database): void {
  db.pragma('journal_mode = DELETE');
  db.close();
}
