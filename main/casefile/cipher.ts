import type { Database } from 'better-sqlite3-multiple-ciphers';
import { SQLCIPHER } from './cipher-settings';

/** What better-sqlite3-multiple-ciphers adds to better-sqlite3's API (its DefinitelyTyped types lack it). */
interface KeyMethods {
  key(key: Buffer): number;
  rekey(key: Buffer): number;
}

function keyMethods(db: Database): KeyMethods {
  const candidate: unknown = db;
  if (
    typeof candidate === 'object' &&
    candidate !== null &&
    'key' in candidate &&
    typeof candidate.key === 'function' &&
    'rekey' in candidate &&
    typeof candidate.rekey === 'function'
  ) {
    return candidate as KeyMethods;
  }
  throw new Error('This SQLite build cannot encrypt: better-sqlite3-multiple-ciphers is required.');
}

/**
 * Selects SQLCipher 4's format for the connection and gives it the passphrase, before the first
 * read. SQLite derives the page key from it and the file's salt when the file is first read (a
 * new file gets a fresh random salt). `pageSize` must be the file's: an encrypted header cannot
 * say it.
 */
export function useSqlCipher(db: Database, passphrase: Buffer, pageSize: number = SQLCIPHER.pageSize): void {
  configureSqlCipher(db, pageSize);
  keyMethods(db).key(passphrase);
}

/** The cipher settings alone: for a connection that attaches encrypted files with their own KEY. */
export function configureSqlCipher(db: Database, pageSize: number = SQLCIPHER.pageSize): void {
  db.pragma(`cipher = '${SQLCIPHER.scheme}'`);
  db.pragma(`legacy = ${SQLCIPHER.legacy}`);
  db.pragma(`legacy_page_size = ${pageSize}`);
  db.pragma(`kdf_iter = ${SQLCIPHER.kdfIterations}`);
}

/**
 * Re-encrypts every page of the connection's file with a new passphrase (a fresh salt), or
 * writes it in plaintext when `passphrase` is null. Only ever run on a private copy (see
 * rewrite-key.ts), never on a case file in place.
 */
export function rekeyDatabase(db: Database, passphrase: Buffer | null): void {
  keyMethods(db).rekey(passphrase ?? Buffer.alloc(0));
}
