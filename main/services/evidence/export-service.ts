import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { BreachdeskError } from '../../../shared/ipc/errors';
import type { CaseFile } from '../../casefile/case-file';
import { appendCustodyEntry, getEvidenceItem } from '../../casefile/repos/evidence-repo';
import { readChunks } from '../../evidence/chunk-reader';
import { HashWorker } from '../../evidence/hash-worker';
import { storedChunks } from './stored-chunks';
import { changeWithAudit } from '../audited';
import { outputTarget, writeErrorFor } from '../files/atomic-write';
import type { ServiceContext } from '../context';
import type { Job } from '../jobs';

const CANCELLED = 'Export cancelled; nothing was written.';

/**
 * Writes an item's original bytes to `path`: to a temporary name beside it first, synced, then
 * read back from disk and hashed; only bytes that hash to the recorded SHA-256 are renamed into
 * place. The export is recorded in the item's custody.
 */
export async function exportEvidence(
  file: CaseFile,
  ctx: ServiceContext,
  job: Job,
  id: string,
  path: string,
  overwrite: boolean,
): Promise<{ path: string; size: number; sha256: string }> {
  const found = getEvidenceItem(file.db, id);
  if (found === null) throw new BreachdeskError('NOT_FOUND', 'That evidence item does not exist.');
  const { item, blobId } = found;
  const { target, temporary } = outputTarget(path, overwrite);
  const progress = { doneBytes: 0, totalBytes: item.size * 2, doneItems: 0, totalItems: 1 };
  const hasher = new HashWorker();
  try {
    await writeChunks(file, blobId, item.size, temporary, job, progress, item.name);
    for await (const chunk of readChunks(temporary)) {
      job.throwIfCancelled(CANCELLED);
      await hasher.update(chunk);
      progress.doneBytes += chunk.length;
      job.report({ phase: 'Checking the copy', current: item.name, ...progress });
    }
    const written = await hasher.digest();
    if (written !== item.sha256) {
      throw new BreachdeskError(
        'IO_ERROR',
        `The copy written to ${JSON.stringify(target)} does not match the evidence (SHA-256 ${written}); nothing was saved. Run "Verify evidence".`,
      );
    }
    job.throwIfCancelled(CANCELLED);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw writeErrorFor(error, target);
  } finally {
    await hasher.close();
  }
  changeWithAudit(file, ctx, (db, at) => {
    appendCustodyEntry(db, {
      id: randomUUID(),
      evidenceId: item.id,
      action: 'exported',
      actor: ctx.actor,
      at,
      note: `Exported to ${target}; the copy was read back and its SHA-256 matches.`,
      automatic: true,
    });
    return {
      result: undefined,
      audit: {
        action: 'evidence.exported',
        target: `evidence:${item.id}`,
        payload: { path: target, sha256: item.sha256 },
      },
    };
  });
  return { path: target, size: item.size, sha256: item.sha256 };
}

async function writeChunks(
  file: CaseFile,
  blobId: number,
  size: number,
  temporary: string,
  job: Job,
  progress: { doneBytes: number; totalBytes: number; doneItems: number; totalItems: number },
  name: string,
): Promise<void> {
  const handle = await open(temporary, 'wx', 0o600);
  try {
    for (const chunk of storedChunks(file.db, { id: blobId, size }, name, () =>
      job.throwIfCancelled(CANCELLED),
    )) {
      await handle.write(chunk);
      progress.doneBytes += chunk.length;
      job.report({ phase: 'Writing', current: name, ...progress });
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}
