import type { Database } from 'better-sqlite3-multiple-ciphers';
import { statement } from '../statements';

// A snapshot arrives with its blob rows but without their chunks (the bag carries the bytes as
// original files); these find the blobs an import still has to fill.

/** The blob with this hash and size that has no bytes yet; null if none. */
export function blobAwaitingBytes(db: Database, sha256: string, size: number): number | null {
  const row = statement(
    db,
    `SELECT id FROM blobs WHERE sha256 = @sha256 AND size = @size
     AND NOT EXISTS (SELECT 1 FROM blob_chunks WHERE blob_id = blobs.id)`,
  ).get({ sha256, size }) as { id: number } | undefined;
  return row?.id ?? null;
}

/** Blobs that should have bytes but have none. */
export function blobsAwaitingBytes(db: Database): { sha256: string; size: number }[] {
  return statement(
    db,
    `SELECT sha256, size FROM blobs WHERE sha256 IS NOT NULL AND size > 0
     AND NOT EXISTS (SELECT 1 FROM blob_chunks WHERE blob_id = blobs.id)`,
  ).all() as { sha256: string; size: number }[];
}
