import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { CHUNK_SIZE, EVIDENCE_KINDS, TEXT_STATES } from '../../../shared/domain/evidence';
import { statement } from '../statements';

export { CHUNK_SIZE };

/** What the bytes are and how their text was read; shared by every item holding them. */
const blobContentSchema = z.object({
  mediaType: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  encoding: z.string().nullable(),
  text: z.object({
    state: z.enum(TEXT_STATES),
    lines: z.number().int().nonnegative(),
    pages: z.number().int().nonnegative(),
    note: z.string(),
  }),
});
export type BlobContent = z.output<typeof blobContentSchema>;

export interface StoredBlob {
  id: number;
  sha256: string;
  size: number;
  chunks: number;
  content: BlobContent;
}

interface BlobRow {
  id: number;
  sha256: string | null;
  size: number;
  chunks: number;
  content: string | null;
}

function storedBlob(row: BlobRow | undefined): StoredBlob | null {
  if (row === undefined || row.sha256 === null || row.content === null) return null;
  return {
    id: row.id,
    sha256: row.sha256,
    size: row.size,
    chunks: row.chunks,
    content: blobContentSchema.parse(JSON.parse(row.content)),
  };
}

/** Starts a staged blob (no hash yet) for an intake to stream into. */
export function stageBlob(db: Database, at: string): number {
  return Number(statement(db, 'INSERT INTO blobs (staged_at) VALUES (@at)').run({ at }).lastInsertRowid);
}

export function appendChunk(db: Database, blobId: number, seq: number, bytes: Uint8Array): void {
  statement(db, 'INSERT INTO blob_chunks (blob_id, seq, bytes) VALUES (@blobId, @seq, @bytes)').run({
    blobId,
    seq,
    bytes,
  });
}

/** Names a staged blob by its hash: from now on it is content-addressed. */
export function completeBlob(
  db: Database,
  blobId: number,
  blob: { sha256: string; size: number; chunks: number; content: BlobContent },
): void {
  statement(
    db,
    `UPDATE blobs SET sha256 = @sha256, size = @size, chunks = @chunks, content = @content
     WHERE id = @blobId AND sha256 IS NULL`,
  ).run({ blobId, ...blob, content: JSON.stringify(blob.content) });
}

/** Removes a blob with its chunks and text pages (and, by trigger, their search rows). */
export function discardBlob(db: Database, blobId: number): void {
  statement(db, 'DELETE FROM blobs WHERE id = @blobId').run({ blobId });
}

/** Staged blobs left behind by an intake that never finished (killed or crashed). */
export function stagedBlobIds(db: Database): number[] {
  return (statement(db, 'SELECT id FROM blobs WHERE sha256 IS NULL').all() as { id: number }[]).map(
    (r) => r.id,
  );
}

export function blobBySha(db: Database, sha256: string): StoredBlob | null {
  return storedBlob(
    statement(db, 'SELECT id, sha256, size, chunks, content FROM blobs WHERE sha256 = @sha256').get({
      sha256,
    }) as BlobRow | undefined,
  );
}

export function blobById(db: Database, blobId: number): StoredBlob | null {
  return storedBlob(
    statement(db, 'SELECT id, sha256, size, chunks, content FROM blobs WHERE id = @blobId').get({
      blobId,
    }) as BlobRow | undefined,
  );
}

export function allBlobs(db: Database): StoredBlob[] {
  const rows = statement(
    db,
    'SELECT id, sha256, size, chunks, content FROM blobs WHERE sha256 IS NOT NULL ORDER BY id',
  ).all() as BlobRow[];
  return rows.map(storedBlob).filter((b): b is StoredBlob => b !== null);
}

/** One chunk's bytes, or null when the row is missing. */
export function readChunk(db: Database, blobId: number, seq: number): Buffer | null {
  const row = statement(db, 'SELECT bytes FROM blob_chunks WHERE blob_id = @blobId AND seq = @seq').get({
    blobId,
    seq,
  }) as { bytes: Buffer } | undefined;
  return row?.bytes ?? null;
}

/** Bytes [start, end) of a blob, read from the chunks that hold them. */
export function readRange(
  db: Database,
  blob: Pick<StoredBlob, 'id' | 'size'>,
  start: number,
  end: number,
): Buffer {
  const from = Math.max(0, start);
  const to = Math.min(blob.size, end);
  if (to <= from) return Buffer.alloc(0);
  const parts: Buffer[] = [];
  for (let seq = Math.floor(from / CHUNK_SIZE); seq * CHUNK_SIZE < to; seq += 1) {
    const chunk = readChunk(db, blob.id, seq) ?? Buffer.alloc(0);
    const base = seq * CHUNK_SIZE;
    parts.push(chunk.subarray(Math.max(0, from - base), Math.min(chunk.length, to - base)));
  }
  return Buffer.concat(parts);
}

export interface TextPageRow {
  page: number;
  firstLine: number;
  lineCount: number;
  byteStart: number | null;
  byteEnd: number | null;
}

/** Records one page of a blob's text; its words go in the search index as item `blob:ID:PAGE`. */
export function addTextPage(db: Database, blobId: number, page: TextPageRow, indexedText: string): void {
  const searchRowid = Number(
    statement(
      db,
      `INSERT INTO search_items (kind, item_id, title, body) VALUES ('evidence-text', @itemId, '', @body)`,
    ).run({ itemId: `blob:${blobId}:${page.page}`, body: indexedText }).lastInsertRowid,
  );
  statement(
    db,
    `INSERT INTO blob_text_pages (blob_id, page, first_line, line_count, byte_start, byte_end, search_rowid)
     VALUES (@blobId, @page, @firstLine, @lineCount, @byteStart, @byteEnd, @searchRowid)`,
  ).run({ blobId, ...page, searchRowid });
}

export function textPage(
  db: Database,
  blobId: number,
  page: number,
): (TextPageRow & { text: string }) | null {
  const row = statement(
    db,
    `SELECT p.page, p.first_line AS firstLine, p.line_count AS lineCount, p.byte_start AS byteStart,
            p.byte_end AS byteEnd, s.body AS text
     FROM blob_text_pages AS p JOIN search_items AS s ON s.rowid = p.search_rowid
     WHERE p.blob_id = @blobId AND p.page = @page`,
  ).get({ blobId, page }) as (TextPageRow & { text: string }) | undefined;
  return row ?? null;
}

/** The page holding a 1-based line of a blob's text. */
export function pageOfLine(db: Database, blobId: number, line: number): number | null {
  const row = statement(
    db,
    `SELECT page FROM blob_text_pages WHERE blob_id = @blobId AND first_line <= @line
     ORDER BY page DESC LIMIT 1`,
  ).get({ blobId, line }) as { page: number } | undefined;
  return row?.page ?? null;
}

/** Every text page of a blob with its indexed text, in order: what a merge copies across. */
export function textPagesOf(db: Database, blobId: number): { page: TextPageRow; text: string }[] {
  const rows = statement(
    db,
    `SELECT p.page, p.first_line, p.line_count, p.byte_start, p.byte_end, s.body
     FROM blob_text_pages p JOIN search_items s ON s.rowid = p.search_rowid
     WHERE p.blob_id = @blobId ORDER BY p.page`,
  ).all({ blobId }) as {
    page: number;
    first_line: number;
    line_count: number;
    byte_start: number | null;
    byte_end: number | null;
    body: string;
  }[];
  return rows.map((row) => ({
    page: {
      page: row.page,
      firstLine: row.first_line,
      lineCount: row.line_count,
      byteStart: row.byte_start,
      byteEnd: row.byte_end,
    },
    text: row.body,
  }));
}
