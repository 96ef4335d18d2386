import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
import { BreachdeskError } from '../../shared/ipc/errors';
import { checkWholeFile, inspectCaseFileHeader } from './header';
import { findInterruptedChange } from './interrupted-change';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { caseFileErrorFrom } from './sqlite-errors';

export type CaseFileState = 'available' | 'missing' | 'locked' | 'unreadable';

/** What opening the file would meet, found without writing to it or keeping it open. */
export function probeCaseFile(path: string): CaseFileState {
  if (!existsSync(path)) return 'missing';
  let interrupted = false;
  try {
    const header = inspectCaseFileHeader(path, LATEST_SCHEMA_VERSION);
    interrupted = findInterruptedChange(path, header) !== null;
    if (!interrupted) checkWholeFile(path, header);
    // No busy wait: a probe only needs to know whether someone holds the lock right now.
    const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true, timeout: 0 });
    try {
      db.pragma('schema_version');
    } finally {
      db.close();
    }
    return 'available';
  } catch (error) {
    // A read-only connection cannot roll an interrupted change back; opening the file will.
    if (interrupted && sqliteCode(error) === 'SQLITE_READONLY_ROLLBACK') return 'available';
    const mapped = error instanceof BreachdeskError ? error : caseFileErrorFrom(error, path);
    // An encrypted file can only be read with its passphrase, which a probe does not have:
    // whether someone holds it open is all there is to tell.
    if (mapped.code === 'PASSPHRASE_REQUIRED') return isLockedElsewhere(path) ? 'locked' : 'available';
    return mapped.code === 'CASE_LOCKED' ? 'locked' : 'unreadable';
  }
}

function sqliteCode(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
}

/**
 * Whether another connection holds a lock on the SQLite file at `path` right now, whatever the
 * file holds (a case file still being created has no header worth reading yet).
 */
export function isLockedElsewhere(path: string): boolean {
  try {
    const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true, timeout: 0 });
    try {
      db.pragma('schema_version');
    } finally {
      db.close();
    }
    return false;
  } catch (error) {
    return sqliteCode(error) === 'SQLITE_BUSY';
  }
}
