import BetterSqlite3, { type Database } from 'better-sqlite3';
import { CACHE_KIB, PAGE_SIZE } from '../../../casefile/constants';
import { chunkWriter } from './chunk-writer';
import type { FileSink, PayloadSink } from './verify-bundle';

/**
 * Puts evidence bytes back into a case snapshot being imported, as they stream past the checker.
 * The snapshot is a temporary file that is deleted if anything fails, so it is loaded without a
 * rollback journal and synced once at the end.
 */
export class EvidenceLoader implements PayloadSink {
  #db: Database | null = null;
  /** Blob ids that received their bytes. */
  readonly loaded = new Set<number>();

  constructor(private readonly snapshotPath: string) {}

  /** Opened on the first evidence file: the snapshot entry comes first in Breachdesk's bundles. */
  private database(): Database {
    if (this.#db === null) {
      const db = new BetterSqlite3(this.snapshotPath, { fileMustExist: true });
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
      this.#db = db;
    }
    return this.#db;
  }

  open(path: string, sha256: string | null, size: number): Promise<FileSink | null> {
    if (!path.startsWith('data/evidence/') || sha256 === null) return Promise.resolve(null);
    const blob = this.blobFor(sha256, size);
    if (blob === null) return Promise.resolve(null);
    return Promise.resolve(this.sinkFor(blob));
  }

  /** The snapshot's blob with this hash and size that has no bytes yet; null if none (or already loaded). */
  blobFor(sha256: string, size: number): number | null {
    let db: Database;
    try {
      db = this.database();
    } catch {
      return null; // no snapshot yet: the importer loads this file in a second pass
    }
    const row = db
      .prepare(
        'SELECT id FROM blobs WHERE sha256 = ? AND size = ? AND NOT EXISTS (SELECT 1 FROM blob_chunks WHERE blob_id = blobs.id)',
      )
      .get(sha256, size) as { id: number } | undefined;
    return row === undefined || this.loaded.has(row.id) ? null : row.id;
  }

  sinkFor(blobId: number): FileSink {
    const writer = chunkWriter(this.database(), blobId);
    return {
      write: (chunk) => writer.write(chunk),
      close: () => {
        writer.close();
        this.loaded.add(blobId);
      },
    };
  }

  /** Blobs of the snapshot that should have bytes but got none (the bundle lacked their file). */
  missingBlobs(): { sha256: string; size: number }[] {
    return this.database()
      .prepare(
        'SELECT sha256, size FROM blobs WHERE sha256 IS NOT NULL AND size > 0 AND NOT EXISTS (SELECT 1 FROM blob_chunks WHERE blob_id = blobs.id)',
      )
      .all() as { sha256: string; size: number }[];
  }

  /** The open snapshot, for the importer's final writes. */
  get db(): Database {
    return this.database();
  }

  /** Turns journaling back on and closes; the caller syncs the file. */
  close(): void {
    if (this.#db === null) return;
    this.#db.pragma('journal_mode = DELETE');
    this.#db.close();
    this.#db = null;
  }
}
