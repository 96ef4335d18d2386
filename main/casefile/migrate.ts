import type { Database } from 'better-sqlite3-multiple-ciphers';
import { randomUUID } from 'node:crypto';
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { CASE_FILE_EXTENSION } from '../../shared/domain/case-file';
import { BreachdeskError } from '../../shared/ipc/errors';
import { MIGRATIONS } from './migrations';
import { appendAuditEntry } from './repos/audit-repo';

/** Who makes a change and when, for the audit entry that records it. */
export interface AuditStamp {
  actor: string;
  at: string;
}

export interface MigrationResult {
  from: number;
  to: number;
  backupPath: string | null;
}

/**
 * Brings a case file to the latest schema, one migration per transaction. An existing file is
 * first copied with VACUUM INTO, so an upgrade that goes wrong never costs the user their case.
 */
export function migrateCaseFile(
  db: Database,
  path: string,
  from: number,
  stamp: AuditStamp,
): MigrationResult {
  if (from !== 0 && !MIGRATIONS.some((m) => m.version === from)) {
    throw new BreachdeskError(
      'CASE_CORRUPT',
      `${JSON.stringify(path)} has an unknown schema version (${from}).`,
    );
  }
  const pending = MIGRATIONS.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, backupPath: null };
  const backupPath = from === 0 ? null : backupBeforeUpgrade(db, path, from, stamp.at);
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
      if (from !== 0) {
        appendAuditEntry(db, {
          ...stamp,
          action: 'casefile.upgraded',
          target: 'casefile',
          payload: {
            migration: migration.name,
            to: migration.version,
            backup: backupPath && basename(backupPath),
          },
        });
      }
    })();
  }
  return { from, to: pending[pending.length - 1]?.version ?? from, backupPath };
}

function backupBeforeUpgrade(db: Database, path: string, from: number, at: string): string {
  const ext = extname(path);
  const stamp = at.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const backupPath = join(
    dirname(path),
    `${basename(path, ext)}.schema${from}-backup-${stamp}${ext || CASE_FILE_EXTENSION}`,
  );
  // Written under a temporary name and renamed when whole, so a kill during the copy never
  // leaves something that looks like a backup; the partial copy is removed at the next open.
  const temporary = join(dirname(path), `${backupTemporaryPrefix(path)}${randomUUID()}.writing`);
  try {
    db.prepare('VACUUM INTO @temporary').run({ temporary });
    renameSync(temporary, backupPath);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return backupPath;
}

function backupTemporaryPrefix(path: string): string {
  return `.${basename(path)}.upgrade-backup.`;
}

/**
 * Removes partial upgrade backups that a killed process left beside the case file. Only called
 * with the file's exclusive lock held, so no other process can be writing one.
 */
export function removePartialBackups(path: string): void {
  const prefix = backupTemporaryPrefix(path);
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !/\.writing(-journal)?$/.test(name)) continue;
    try {
      rmSync(join(dirname(path), name), { force: true });
    } catch {
      // Left for the next open; it is not a backup by its name, so nobody mistakes it for one.
    }
  }
}
