import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { BreachdeskError } from '../../shared/ipc/errors';
import { APPLICATION_ID } from './constants';
import { absoluteCasePath } from './case-path';
import { CaseFile } from './case-file';
import { useSqlCipher } from './cipher';
import { checkWholeFile, inspectCaseFileHeader } from './header';
import { findInterruptedChange } from './interrupted-change';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { caseFileErrorFrom } from './sqlite-errors';

/**
 * Reads a case file without opening it for writing: a read-only connection (no write lock, no
 * journal, nothing written; `query_only` on top), kept only while `read` runs. For glances at a
 * case that is not open here, such as the welcome screen's recent list.
 *
 * Everything that would need a write to read the file right is refused instead of repaired: an
 * interrupted change (its journal must be rolled back first), an older schema (it must be
 * upgraded first) and a file someone else holds open (their lock blocks readers) each throw, as
 * do an encrypted file without its passphrase (`PASSPHRASE_REQUIRED`) or with a wrong one.
 */
export function readCaseFileReadOnly<T>(
  given: string,
  passphrase: Buffer | null,
  read: (file: CaseFile) => T,
): T {
  const path = absoluteCasePath(given);
  const header = inspectCaseFileHeader(path, LATEST_SCHEMA_VERSION, passphrase);
  const name = JSON.stringify(path);
  if (findInterruptedChange(path, header) !== null) {
    throw new BreachdeskError(
      'UNSUPPORTED',
      `${name} was interrupted during a change; open it to roll the change back before reading it.`,
    );
  }
  checkWholeFile(path, header);
  if (header.userVersion !== LATEST_SCHEMA_VERSION) {
    throw new BreachdeskError(
      'UNSUPPORTED',
      `${name} was written by an older Breachdesk; open it once to upgrade it before reading it.`,
    );
  }
  const key = header.keys === null ? null : passphrase;
  let db: Database | undefined;
  let file: CaseFile | undefined;
  try {
    // No busy wait: a glance does not queue behind someone who has the case open.
    db = new BetterSqlite3(path, { readonly: true, fileMustExist: true, timeout: 0 });
    if (key !== null) useSqlCipher(db, key, header.pageSize);
    db.pragma('query_only = ON');
    db.pragma('temp_store = MEMORY');
    db.pragma('trusted_schema = OFF');
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) {
      throw new BreachdeskError('NOT_A_CASE_FILE', `${name} is not a Breachdesk case file.`);
    }
    const version = LATEST_SCHEMA_VERSION;
    file = new CaseFile(path, db, { from: version, to: version, backupPath: null }, undefined, key);
    return read(file);
  } catch (error) {
    throw caseFileErrorFrom(error, path);
  } finally {
    if (file !== undefined) file.close();
    else db?.close();
  }
}
