import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { useSqlCipher } from '../cipher';
import { openCopy } from './copy-database';
import { decryptPage, derivePageKeys, saltOf } from '../sqlcipher-page';

/** The page size of bundle snapshots: the demo's is under 1 MB with it, 4.5 MB with 64 KiB pages. */
export const SNAPSHOT_PAGE_SIZE = 4096;

/** Pages decrypted per piece handed on: 1 MiB at a time, whatever the snapshot's size. */
const PAGES_PER_PIECE = 256;

/**
 * A bundle snapshot written to a temporary file. Of an encrypted case it is encrypted with the
 * case's key, so no plaintext copy of the case ever lies on disk; `plaintext()` gives the bytes
 * of the same database unencrypted, page by page, for the bag (which is plaintext inside by
 * design, so standard BagIt tools can check it).
 */
export class SnapshotFile {
  readonly #passphrase: Buffer | null;

  constructor(
    readonly path: string,
    passphrase: Buffer | null,
  ) {
    this.#passphrase = passphrase;
  }

  get encrypted(): boolean {
    return this.#passphrase !== null;
  }

  /** A read-only connection to it. */
  open(): Database {
    const db = new BetterSqlite3(this.path, { readonly: true, fileMustExist: true });
    try {
      if (this.#passphrase !== null) useSqlCipher(db, this.#passphrase, SNAPSHOT_PAGE_SIZE);
      db.pragma('trusted_schema = OFF');
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** A read-write connection, for the writer's own finishing steps. */
  openForWriting(): Database {
    return openCopy({ path: this.path, pageSize: SNAPSHOT_PAGE_SIZE, passphrase: this.#passphrase });
  }

  /** Size of the plaintext database: the same pages, so the same length. */
  plaintextSize(): number {
    return statSync(this.path).size;
  }

  /**
   * The database's bytes as a plain SQLite file. An encrypted snapshot is decrypted page by page
   * (SQLCipher 4's page format, as sqlcipher-page.ts reads it): page 1 gets SQLite's header
   * string back, and each page keeps its reserved tail, which SQLite ignores.
   */
  *plaintext(): Generator<Buffer> {
    const fd = openSync(this.path, 'r');
    try {
      const size = statSync(this.path).size;
      if (this.#passphrase === null) {
        for (let offset = 0; offset < size; offset += SNAPSHOT_PAGE_SIZE * PAGES_PER_PIECE) {
          yield readAt(fd, offset, Math.min(SNAPSHOT_PAGE_SIZE * PAGES_PER_PIECE, size - offset));
        }
        return;
      }
      const keys = derivePageKeys(this.#passphrase, saltOf(readAt(fd, 0, SNAPSHOT_PAGE_SIZE)));
      const pages = size / SNAPSHOT_PAGE_SIZE;
      for (let first = 0; first < pages; first += PAGES_PER_PIECE) {
        const count = Math.min(PAGES_PER_PIECE, pages - first);
        const piece = readAt(fd, first * SNAPSHOT_PAGE_SIZE, count * SNAPSHOT_PAGE_SIZE);
        for (let index = 0; index < count; index += 1) {
          const at = index * SNAPSHOT_PAGE_SIZE;
          const plain = decryptPage(piece.subarray(at, at + SNAPSHOT_PAGE_SIZE), first + index + 1, keys);
          if (plain === null)
            throw new Error(`The bundle snapshot's page ${first + index + 1} cannot be decrypted.`);
          plain.copy(piece, at);
        }
        yield piece;
      }
    } finally {
      closeSync(fd);
    }
  }
}

function readAt(fd: number, offset: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, buffer, done, length - done, offset + done);
    if (read === 0) throw new Error('The bundle snapshot ended early.');
    done += read;
  }
  return buffer;
}
