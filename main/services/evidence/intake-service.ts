import { randomUUID } from 'node:crypto';
import type { EvidenceItem, IntakeMetadata, IntakeResult } from '../../../shared/domain/evidence';
import { BreachdeskError } from '../../../shared/ipc/errors';
import type { CaseFile } from '../../casefile/case-file';
import { appendAuditEntry } from '../../casefile/repos/audit-repo';
import {
  appendChunk,
  blobBySha,
  CHUNK_SIZE,
  completeBlob,
  discardBlob,
  stageBlob,
  type BlobContent,
} from '../../casefile/repos/blob-repo';
import { appendCustodyEntry, findSameItem, putEvidenceItem } from '../../casefile/repos/evidence-repo';
import { eventsTable, partiesTable } from '../../casefile/repos/tables';
import { readChunks } from '../../evidence/chunk-reader';
import { detectContent } from '../../evidence/detect';
import { HashWorker } from '../../evidence/hash-worker';
import type { TextPage } from '../../evidence/text-pager';
import { changeWithAudit } from '../audited';
import { stampFor, type ServiceContext } from '../context';
import type { Job } from '../jobs';
import { indexEvidenceItem } from './evidence-index';
import { TextReader } from './text-reader';
import { walkSources, type SourceFile } from './walk';

/** Chunks are written in transactions of this many (64 MiB of 1 MiB chunks): few commits, short pauses. */
const BATCH_CHUNKS = 64;
/** Text pages make a batch heavier (the search index); commit sooner when there are many. */
const BATCH_TEXT_PAGES = 32;
const SNIFF_BYTES = 64 * 1024;

interface Staged {
  source: SourceFile;
  blobId: number;
  sha256: string;
  size: number;
  chunks: number;
  content: BlobContent;
}

interface Progress {
  doneBytes: number;
  totalBytes: number;
  doneItems: number;
  totalItems: number;
}

const CANCELLED_MESSAGE = 'Intake cancelled; nothing was added.';

/**
 * Takes files and folders into the evidence locker. Every file streams into a staged blob
 * (hashed on a worker while its chunks are written), then one transaction names the blobs by
 * hash, merges duplicates, and adds the items with their custody and audit entries. Until that
 * commit nothing is visible; a cancel or failure discards the staged blobs, and a kill leaves
 * staged blobs that the next open discards. Either way: no half item, no orphan chunk.
 */
export async function takeInEvidence(
  file: CaseFile,
  ctx: ServiceContext,
  job: Job,
  paths: readonly string[],
  metadata: IntakeMetadata,
): Promise<IntakeResult> {
  checkLinks(file, metadata);
  const { files, skipped } = await walkSources(paths);
  const progress: Progress = {
    doneBytes: 0,
    totalBytes: files.reduce((sum, f) => sum + f.size, 0),
    doneItems: 0,
    totalItems: files.length,
  };
  const staged: Staged[] = [];
  // Chunks are shared memory, so hashing may lag a whole batch: it then overlaps the commit.
  const hasher = new HashWorker(2 * BATCH_CHUNKS * CHUNK_SIZE);
  try {
    for (const source of files) {
      job.throwIfCancelled(CANCELLED_MESSAGE);
      await stageFile(file, ctx, job, hasher, source, progress, staged);
      progress.doneItems += 1;
    }
    job.throwIfCancelled(CANCELLED_MESSAGE);
    job.report({ phase: 'Finishing', current: '', ...progress }, true);
    return { ...commitIntake(file, ctx, staged, metadata), skipped };
  } catch (error) {
    discardIntake(file, ctx, staged, error, progress);
    throw error;
  } finally {
    await hasher.close();
  }
}

function checkLinks(file: CaseFile, metadata: IntakeMetadata): void {
  for (const id of metadata.eventIds) {
    if (eventsTable.get(file.db, id) === null)
      throw new BreachdeskError('NOT_FOUND', 'A linked event no longer exists.');
  }
  for (const id of metadata.partyIds) {
    if (partiesTable.get(file.db, id) === null)
      throw new BreachdeskError('NOT_FOUND', 'A linked party no longer exists.');
  }
}

async function stageFile(
  file: CaseFile,
  ctx: ServiceContext,
  job: Job,
  hasher: HashWorker,
  source: SourceFile,
  progress: Progress,
  staged: Staged[],
): Promise<void> {
  const { db } = file;
  const blobId = stageBlob(db, stampFor(ctx).at);
  // Registered at once, so a failure from here on discards this blob too.
  const entry: Staged = {
    source,
    blobId,
    sha256: '',
    size: 0,
    chunks: 0,
    content: {
      mediaType: '',
      kind: 'binary',
      encoding: null,
      text: { state: 'none', lines: 0, pages: 0, note: '' },
    },
  };
  staged.push(entry);
  let reader: TextReader | null = null;
  let chunks: Buffer[] = [];
  // Buffers of stored chunks go back to the reader: a 4 GiB file reuses the same few dozen.
  const spare: Buffer[] = [];
  let pages: TextPage[] = [];
  const flush = async (): Promise<void> => {
    const [batch, batchPages, first] = [chunks, pages, entry.chunks];
    chunks = [];
    pages = [];
    db.transaction(() => {
      batch.forEach((chunk, i) => appendChunk(db, blobId, first + i, chunk));
      reader?.write(db, blobId, batchPages);
    })();
    entry.chunks += batch.length;
    // The worker reads shared chunk memory in place: only once it is done may the reader refill it.
    await hasher.drained();
    for (const chunk of batch) if (chunk.length === CHUNK_SIZE) spare.push(chunk);
  };
  for await (const chunk of readable(source, spare)) {
    job.throwIfCancelled(CANCELLED_MESSAGE);
    if (reader === null) {
      const detected = await detectContent(chunk.subarray(0, SNIFF_BYTES), source.name);
      entry.content = { ...detected, text: entry.content.text };
      reader = new TextReader(detected.kind, detected.encoding);
    }
    await hasher.update(chunk);
    chunks.push(chunk);
    pages.push(...reader.push(chunk));
    entry.size += chunk.length;
    progress.doneBytes += chunk.length;
    if (chunks.length >= BATCH_CHUNKS || pages.length >= BATCH_TEXT_PAGES) await flush();
    job.report({ phase: 'Storing', current: source.name, ...progress });
  }
  reader ??= new TextReader('binary', null);
  if (entry.size === 0)
    entry.content = { ...(await detectContent(Buffer.alloc(0), source.name)), text: entry.content.text };
  pages.push(...reader.end());
  await flush();
  entry.sha256 = await hasher.digest();
  if (reader.needsExtraction) {
    job.report({ phase: 'Reading text', current: source.name, ...progress }, true);
    entry.content.text = await reader.extract(db, { id: blobId, size: entry.size });
  } else {
    entry.content.text = reader.state();
  }
  // The file is still the bytes we read? If it grew or shrank while we read it, say so.
  if (entry.size !== source.size) progress.totalBytes += entry.size - source.size;
}

/** The file's chunks, with read errors said in a sentence that names the file. */
async function* readable(source: SourceFile, spare: Buffer[]): AsyncGenerator<Buffer> {
  try {
    yield* readChunks(source.path, spare);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new BreachdeskError('IO_ERROR', `${JSON.stringify(source.path)} could not be read (${code}).`);
  }
}

function commitIntake(
  file: CaseFile,
  ctx: ServiceContext,
  staged: readonly Staged[],
  metadata: IntakeMetadata,
): Omit<IntakeResult, 'skipped'> {
  return changeWithAudit(file, ctx, (db, at) => {
    const added: EvidenceItem[] = [];
    const alreadyPresent: IntakeResult['alreadyPresent'] = [];
    for (const entry of staged) {
      const existing = blobBySha(db, entry.sha256);
      let blobId = entry.blobId;
      let content = entry.content;
      if (existing === null) {
        completeBlob(db, entry.blobId, entry);
      } else {
        // Identical bytes are stored once: keep the blob we have and drop the new copy.
        discardBlob(db, entry.blobId);
        blobId = existing.id;
        content = existing.content;
        const same = findSameItem(db, blobId, entry.source.name, entry.source.path);
        if (same !== null) {
          alreadyPresent.push({ path: entry.source.path, id: same });
          continue;
        }
      }
      const item: EvidenceItem = {
        id: randomUUID(),
        name: entry.source.name,
        originalPath: entry.source.path,
        size: entry.size,
        sha256: entry.sha256,
        ...content,
        fileTimes: { modified: entry.source.modified, created: entry.source.created },
        addedAt: at,
        addedBy: ctx.actor,
        ...metadata,
      };
      putEvidenceItem(db, item, blobId);
      indexEvidenceItem(db, item);
      recordIntakeCustody(db, item, metadata);
      appendAuditEntry(db, {
        at,
        actor: ctx.actor,
        action: 'evidence.added',
        target: `evidence:${item.id}`,
        payload: {
          name: item.name,
          originalPath: item.originalPath,
          size: item.size,
          sha256: item.sha256,
          storedOnce: existing !== null,
        },
      });
      added.push(item);
    }
    return { result: { added, alreadyPresent }, audit: null };
  });
}

function recordIntakeCustody(db: CaseFile['db'], item: EvidenceItem, metadata: IntakeMetadata): void {
  if (metadata.collectedBy !== '' || metadata.collectedAt !== null) {
    appendCustodyEntry(db, {
      id: randomUUID(),
      evidenceId: item.id,
      action: 'collected',
      actor: metadata.collectedBy === '' ? 'unrecorded' : metadata.collectedBy,
      at: metadata.collectedAt?.utc ?? item.addedAt,
      note:
        metadata.source === '' ? 'As recorded at intake.' : `From ${metadata.source}, as recorded at intake.`,
      automatic: true,
    });
  }
  appendCustodyEntry(db, {
    id: randomUUID(),
    evidenceId: item.id,
    action: 'received',
    actor: item.addedBy,
    at: item.addedAt,
    note: `Taken into the case file from ${item.originalPath}; SHA-256 ${item.sha256}.`,
    automatic: true,
  });
}

/** Removes every staged blob of a stopped intake and records why it stopped. */
function discardIntake(
  file: CaseFile,
  ctx: ServiceContext,
  staged: readonly Staged[],
  error: unknown,
  progress: Progress,
): void {
  const cancelled = error instanceof BreachdeskError && error.code === 'CANCELLED';
  try {
    changeWithAudit(file, ctx, (db) => {
      for (const entry of staged) discardBlob(db, entry.blobId);
      return {
        result: undefined,
        audit: {
          action: cancelled ? 'evidence.intake_cancelled' : 'evidence.intake_failed',
          target: 'evidence',
          payload: {
            files: progress.totalItems,
            filesRead: progress.doneItems,
            bytesRead: progress.doneBytes,
            reason: error instanceof Error ? error.message : String(error),
          },
        },
      };
    });
  } catch {
    // The file may have been closed under us; the next open discards staged blobs anyway.
  }
}
