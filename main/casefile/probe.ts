import BetterSqlite3 from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { BreachdeskError } from '../../shared/ipc/errors';
import { inspectCaseFileHeader } from './header';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { caseFileErrorFrom } from './sqlite-errors';

export type CaseFileState = 'available' | 'missing' | 'locked' | 'unreadable';

/** What opening the file would meet, found without writing to it or keeping it open. */
export function probeCaseFile(path: string): CaseFileState {
  if (!existsSync(path)) return 'missing';
  try {
    inspectCaseFileHeader(path, LATEST_SCHEMA_VERSION);
    // No busy wait: a probe only needs to know whether someone holds the lock right now.
    const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true, timeout: 0 });
    try {
      db.pragma('schema_version');
    } finally {
      db.close();
    }
    return 'available';
  } catch (error) {
    const mapped = error instanceof BreachdeskError ? error : caseFileErrorFrom(error, path);
    return mapped.code === 'CASE_LOCKED' ? 'locked' : 'unreadable';
  }
}
