import type { Database } from 'better-sqlite3-multiple-ciphers';
import { blobAwaitingBytes, blobsAwaitingBytes } from '../../../casefile/snapshot/blobs-awaiting-bytes';
import { finishLoading } from '../../../casefile/snapshot/snapshot-checks';
import type { ReceivedSnapshot } from '../../../casefile/snapshot/received-snapshot';
import { chunkWriter } from './chunk-writer';
import type { FileSink, PayloadSink } from './verify-bundle';

/** Puts evidence bytes back into a case snapshot being imported, as they stream past the checker. */
export class EvidenceLoader implements PayloadSink {
  #db: Database | null = null;
  /** Blob ids that received their bytes. */
  readonly loaded = new Set<number>();

  /**
   * Loads into the new case file at `path`, written from the received snapshot (encrypted with
   * `passphrase`, or plaintext when it is null) once the snapshot has arrived.
   */
  constructor(
    private readonly snapshot: ReceivedSnapshot,
    private readonly path: string,
    private readonly passphrase: Buffer | null,
  ) {}

  /** Written on the first evidence file: the snapshot entry comes first in Breachdesk's bundles. */
  private database(): Database {
    if (this.#db === null) {
      if (!this.snapshot.received) throw new Error('The bundle snapshot has not arrived yet.');
      this.#db = this.snapshot.writeCaseFile(this.path, this.passphrase);
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
    const id = blobAwaitingBytes(db, sha256, size);
    return id === null || this.loaded.has(id) ? null : id;
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
    return blobsAwaitingBytes(this.database());
  }

  /** The open snapshot, for the importer's final writes. */
  get db(): Database {
    return this.database();
  }

  /** Turns journaling back on and closes; the caller syncs the file. */
  close(): void {
    if (this.#db === null) return;
    finishLoading(this.#db);
    this.#db = null;
  }
}
