import type { Database } from 'better-sqlite3-multiple-ciphers';
import { appendChunk, CHUNK_SIZE } from '../../../casefile/repos/blob-repo';

/** Chunks written per transaction: large enough that commits do not dominate. */
const CHUNKS_PER_COMMIT = 64;

export interface ChunkWriter {
  write(bytes: Buffer): void;
  /** Writes what is left; returns how many chunks the blob has. */
  close(): number;
}

/**
 * Stores a stream of any-sized pieces as a blob's fixed 1 MiB chunks, in committed batches.
 * Whole chunks are taken as views of the incoming buffers; only pieces that straddle a chunk
 * boundary are copied.
 */
export function chunkWriter(db: Database, blobId: number): ChunkWriter {
  let seq = 0;
  let batch: Uint8Array[] = [];
  let partial: Buffer | null = null;
  let partialLength = 0;
  const flush = () => {
    const chunks = batch;
    batch = [];
    db.transaction(() => {
      for (const chunk of chunks) appendChunk(db, blobId, seq++, chunk);
    })();
  };
  const push = (chunk: Uint8Array) => {
    batch.push(chunk);
    if (batch.length >= CHUNKS_PER_COMMIT) flush();
  };
  return {
    write(bytes) {
      let offset = 0;
      while (offset < bytes.length) {
        if (partial === null && bytes.length - offset >= CHUNK_SIZE) {
          push(bytes.subarray(offset, offset + CHUNK_SIZE));
          offset += CHUNK_SIZE;
          continue;
        }
        partial ??= Buffer.allocUnsafe(CHUNK_SIZE);
        const n = Math.min(CHUNK_SIZE - partialLength, bytes.length - offset);
        bytes.copy(partial, partialLength, offset, offset + n);
        partialLength += n;
        offset += n;
        if (partialLength === CHUNK_SIZE) {
          push(partial);
          partial = null;
          partialLength = 0;
        }
      }
    },
    close() {
      if (partial !== null) push(partial.subarray(0, partialLength));
      partial = null;
      if (batch.length > 0) flush();
      return seq;
    },
  };
}
