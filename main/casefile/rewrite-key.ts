import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { creatingPathFor, removeAbandonedCreations } from './abandoned-creations';
import type { CaseFile } from './case-file';
import { refuseIfOpenElsewhere, refuseUnusableTarget } from './case-file';
import { configureSqlCipher, rekeyDatabase, useSqlCipher } from './cipher';
import { SQLCIPHER } from './cipher-settings';
import { LOCK_TIMEOUT_MS } from './constants';
import type { AuditStamp } from './migrate';
import { appendAuditEntry } from './repos/audit-repo';

/** The audit entry that says what the rewrite did; it lands in the new file only. */
export interface KeyChangeAudit {
  action: 'casefile.encrypted' | 'casefile.rekeyed' | 'casefile.decrypted';
  payload: Record<string, unknown>;
}

/**
 * Writes the open case to `target` encrypted with `next` (a fresh salt), or in plaintext when
 * `next` is null, with `audit` appended to its log. The copy is built beside the target under
 * a creation name (VACUUM INTO, then SQLite's rekey on that private copy, then the audit
 * entry), synced, and renamed into place only when whole: a kill at any moment leaves the
 * target as it was and a temporary that the next open or creation there removes. `target` may
 * be the case's own path (encrypting or re-keying it in place); the case stays open and locked
 * throughout, so nobody writes to it meanwhile.
 */
export function writeWithKey(
  file: CaseFile,
  target: string,
  next: Buffer | null,
  stamp: AuditStamp,
  audit: KeyChangeAudit,
  options: { overwrite: boolean },
): void {
  const inPlace = target === file.path;
  if (!inPlace) {
    refuseUnusableTarget(target, options.overwrite);
    refuseIfOpenElsewhere(target);
  }
  removeAbandonedCreations(target);
  const temporary = creatingPathFor(target, randomUUID());
  try {
    // VACUUM INTO writes the copy as the case is: encrypted with the same key, or plain.
    file.db.prepare('VACUUM INTO @temporary').run({ temporary });
    const current = file.passphraseForCopies();
    const copy = new BetterSqlite3(temporary, { fileMustExist: true, timeout: LOCK_TIMEOUT_MS });
    try {
      // SQLCipher 4 for the new key whatever the case was, at the page size the copy has.
      if (current !== null) useSqlCipher(copy, current, pageSizeOf(file));
      else configureSqlCipher(copy, pageSizeOf(file));
      copy.pragma('temp_store = MEMORY');
      copy.pragma('journal_mode = DELETE');
      copy.pragma('synchronous = FULL');
      rekeyDatabase(copy, next);
      copy.transaction(() => {
        appendAuditEntry(copy, {
          ...stamp,
          action: audit.action,
          target: 'casefile',
          payload: audit.payload,
        });
      })();
    } finally {
      copy.close();
    }
    syncFile(temporary);
    renameSync(temporary, target);
    syncFile(dirname(target));
  } catch (error) {
    rmSync(temporary, { force: true });
    rmSync(`${temporary}-journal`, { force: true });
    throw error;
  }
}

function pageSizeOf(file: CaseFile): number {
  const size = file.db.pragma('page_size', { simple: true });
  return typeof size === 'number' ? size : SQLCIPHER.pageSize;
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
