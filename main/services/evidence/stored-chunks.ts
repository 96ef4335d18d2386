import type { Database } from 'better-sqlite3-multiple-ciphers';
import { BreachdeskError } from '../../../shared/ipc/errors';
import { CHUNK_SIZE, readChunk } from '../../casefile/repos/blob-repo';

/**
 * A stored item's bytes, chunk by chunk, for copying out of the case file. `beforeEach` runs
 * before every chunk (a job's cancel check); a missing chunk means the file is damaged.
 */
export function* storedChunks(
  db: Database,
  blob: { id: number; size: number },
  name: string,
  beforeEach: () => void,
): Generator<Buffer> {
  const chunks = Math.ceil(blob.size / CHUNK_SIZE);
  for (let seq = 0; seq < chunks; seq += 1) {
    beforeEach();
    const chunk = readChunk(db, blob.id, seq);
    if (chunk === null) {
      throw new BreachdeskError(
        'CASE_CORRUPT',
        `Part of ${name} is missing from the case file; run "Verify evidence".`,
      );
    }
    yield chunk;
  }
}
