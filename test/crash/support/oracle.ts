import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import SqlCipher, { setLogger } from '@signalapp/sqlcipher';
import { useSqlCipher } from '../../../main/casefile/cipher';
import { SQLCIPHER } from '../../../main/casefile/cipher-settings';
import { CRASH_PASSPHRASE } from './cli';

// SQLCipher logs to stderr by default; its refusals are thrown anyway.
setLogger(() => undefined);

/** The system sqlite3 shell when there is one: an integrity oracle that shares no code with us. */
const SQLITE3 = ['/usr/bin/sqlite3', '/usr/local/bin/sqlite3', '/opt/homebrew/bin/sqlite3'].find((p) =>
  existsSync(p),
);

/**
 * `PRAGMA integrity_check` of the file as it lies on disk, run on a copy (with its journal, so a
 * hot one is rolled back as any SQLite would) so that the file itself is not touched. An
 * encrypted file is read with `passphrase` by SQLCipher (see sqlcipherIntegrity).
 */
export function integrityCheck(path: string, scratch: string, passphrase: string = CRASH_PASSPHRASE): string {
  const dir = mkdtempSync(join(scratch, 'oracle-'));
  try {
    const copy = join(dir, 'copy.db');
    copyFileSync(path, copy);
    if (existsSync(`${path}-journal`)) copyFileSync(`${path}-journal`, `${copy}-journal`);
    if (!isPlaintextSqlite(copy)) {
      // SQLCipher sums a journal record over the encrypted page, SQLite3 Multiple Ciphers over the
      // plaintext one: a journal is only replayed right by the engine that wrote it. Without one,
      // the file is judged by Zetetic's SQLCipher, which shares no code with the writer.
      return existsSync(`${copy}-journal`)
        ? keyedIntegrity(copy, passphrase)
        : sqlcipherIntegrity(copy, passphrase);
    }
    if (SQLITE3 !== undefined) {
      const result = spawnSync(SQLITE3, [copy, 'PRAGMA integrity_check;'], { encoding: 'utf8' });
      return `${result.stdout}${result.stderr}`.trim();
    }
    // Read-write on the copy: a read-only connection cannot roll a hot journal back.
    const db = new BetterSqlite3(copy);
    try {
      const rows = db.pragma('integrity_check') as { integrity_check: string }[];
      return rows.map((row) => row.integrity_check).join('\n');
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function isPlaintextSqlite(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    return head.toString('latin1') === 'SQLite format 3\0';
  } finally {
    closeSync(fd);
  }
}

/** integrity_check of an encrypted copy by the engine that wrote it, its hot journal rolled back. */
function keyedIntegrity(copy: string, passphrase: string): string {
  const db = new BetterSqlite3(copy);
  try {
    useSqlCipher(db, Buffer.from(passphrase, 'utf8'));
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((row) => row.integrity_check).join('\n');
  } finally {
    db.close();
  }
}

/**
 * integrity_check of an encrypted copy without a journal, read with its passphrase
 * by Zetetic's SQLCipher 4 (through @signalapp/sqlcipher, a test-only devDependency): an oracle
 * that shares no code with SQLite3 Multiple Ciphers, which wrote the file.
 */
function sqlcipherIntegrity(copy: string, passphrase: string): string {
  const db = new SqlCipher(copy);
  try {
    db.exec(`PRAGMA key = '${passphrase.replaceAll("'", "''")}'`);
    db.exec(`PRAGMA cipher_page_size = ${SQLCIPHER.pageSize}`);
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((row) => row.integrity_check).join('\n');
  } finally {
    db.close();
  }
}
