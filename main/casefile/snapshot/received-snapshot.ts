import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { BreachdeskError } from '../../../shared/ipc/errors';
import { CACHE_KIB, PAGE_SIZE } from '../constants';
import { copyDatabase, openCopy, replayTriggers, type CopyTarget } from './copy-database';
import { readSchema } from './schema-objects';

/** The largest snapshot held in memory; a case's snapshot carries no evidence bytes. */
export const MAX_RECEIVED_SNAPSHOT_BYTES = 2 * 1024 ** 3;

/**
 * The case snapshot of a bundle being verified, merged or imported. It is held in memory, never
 * written to disk as it came (a plaintext copy of the case in a temporary folder is exactly what
 * must not exist): verify and merge read it as an in-memory database, and an import copies it
 * into the new case file, which SQLite encrypts as it writes when the case has a passphrase.
 */
export class ReceivedSnapshot {
  #chunks: Buffer[] = [];
  #bytes = 0;
  #image: Buffer | null = null;

  /** Takes the snapshot's bytes as the bag's reader streams them. */
  write(chunk: Buffer): void {
    this.#bytes += chunk.length;
    if (this.#bytes > MAX_RECEIVED_SNAPSHOT_BYTES) {
      throw new BreachdeskError(
        'UNSUPPORTED',
        "The bundle's case snapshot is larger than 2 GiB, more than this version reads.",
      );
    }
    this.#chunks.push(Buffer.from(chunk));
  }

  finish(): void {
    this.#image = Buffer.concat(this.#chunks, this.#bytes);
    this.#chunks = [];
  }

  get received(): boolean {
    return this.#image !== null;
  }

  /**
   * An in-memory database of it. It came from outside: no code its schema defines runs
   * (trusted_schema off), and damaged pages are caught as they are read.
   */
  open(): Database {
    if (this.#image === null) throw new Error('The bundle snapshot has not been received.');
    const db = new BetterSqlite3(this.#image);
    try {
      db.pragma('trusted_schema = OFF');
      db.pragma('cell_size_check = ON');
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /**
   * Writes it as the case file at `path` (a temporary the caller renames into place), with the
   * case page size and, given a passphrase, encrypted. Returns a connection for loading the
   * evidence bytes: no journal (the file is deleted if anything fails) until finishLoading.
   */
  writeCaseFile(path: string, passphrase: Buffer | null): Database {
    const source = this.open();
    const target: CopyTarget = { path, pageSize: PAGE_SIZE, passphrase };
    try {
      const schema = readSchema(source);
      const tables = schema.filter((object) => object.type === 'table' && !object.virtual).map((t) => t.name);
      copyDatabase(source, schema, source.pragma('user_version', { simple: true }) as number, target, tables);
      const db = openCopy(target);
      try {
        replayTriggers(db, schema);
        db.pragma('trusted_schema = OFF');
        db.pragma('journal_mode = OFF');
        db.pragma('synchronous = OFF');
        db.pragma(`cache_size = -${CACHE_KIB}`);
        return db;
      } catch (error) {
        db.close();
        throw error;
      }
    } finally {
      source.close();
    }
  }
}
