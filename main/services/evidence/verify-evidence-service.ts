import { randomUUID } from 'node:crypto';
import type { EvidenceItem, EvidenceVerification } from '../../../shared/domain/evidence';
import { BreachdeskError } from '../../../shared/ipc/errors';
import type { CaseFile } from '../../casefile/case-file';
import { blobById, CHUNK_SIZE, readChunk, type StoredBlob } from '../../casefile/repos/blob-repo';
import {
  appendCustodyEntry,
  getEvidenceItem,
  listEvidenceWithBlobs,
} from '../../casefile/repos/evidence-repo';
import { HashWorker } from '../../evidence/hash-worker';
import { changeWithAudit } from '../audited';
import type { ServiceContext } from '../context';
import type { Job } from '../jobs';

interface Checked {
  blob: StoredBlob;
  items: EvidenceItem[];
  problem: string | null;
}

/**
 * Re-reads every stored chunk of the items' blobs and recomputes each blob's SHA-256; each item
 * gets a "verified" custody entry saying what was found, and the run gets one audit entry.
 */
export async function verifyEvidence(
  file: CaseFile,
  ctx: ServiceContext,
  job: Job,
  ids: readonly string[] | undefined,
): Promise<EvidenceVerification> {
  const checks = blobsToCheck(file, ids);
  const totalBytes = checks.reduce((sum, c) => sum + c.blob.size, 0);
  const progress = { doneBytes: 0, totalBytes, doneItems: 0, totalItems: checks.length };
  const hasher = new HashWorker();
  try {
    for (const check of checks) {
      job.throwIfCancelled('Verification cancelled; nothing was recorded.');
      check.problem = await checkBlob(file, check, hasher, job, progress);
      progress.doneItems += 1;
    }
  } finally {
    await hasher.close();
  }
  job.report({ phase: 'Recording', current: '', ...progress }, true);
  return recordVerification(file, ctx, checks, totalBytes);
}

function blobsToCheck(file: CaseFile, ids: readonly string[] | undefined): Checked[] {
  const items =
    ids === undefined
      ? listEvidenceWithBlobs(file.db)
      : ids.map((id) => {
          const found = getEvidenceItem(file.db, id);
          if (found === null) throw new BreachdeskError('NOT_FOUND', 'That evidence item does not exist.');
          return found;
        });
  const byBlob = new Map<number, Checked>();
  for (const { item, blobId } of items) {
    let check = byBlob.get(blobId);
    if (check === undefined) {
      const blob = blobById(file.db, blobId);
      if (blob === null)
        throw new BreachdeskError('CASE_CORRUPT', `The stored bytes of ${item.name} are missing.`);
      check = { blob, items: [], problem: null };
      byBlob.set(blobId, check);
    }
    check.items.push(item);
  }
  return [...byBlob.values()];
}

async function checkBlob(
  file: CaseFile,
  { blob, items }: Checked,
  hasher: HashWorker,
  job: Job,
  progress: { doneBytes: number; totalBytes: number; doneItems: number; totalItems: number },
): Promise<string | null> {
  const name = items.map((item) => item.name).join(', ');
  const expectedChunks = Math.ceil(blob.size / CHUNK_SIZE);
  let problem: string | null = null;
  for (let seq = 0; seq < expectedChunks; seq += 1) {
    const chunk = readChunk(file.db, blob.id, seq);
    const expectedLength = Math.min(CHUNK_SIZE, blob.size - seq * CHUNK_SIZE);
    if (chunk === null) {
      problem ??= `chunk ${seq + 1} of ${expectedChunks} (bytes from ${seq * CHUNK_SIZE}) is missing`;
      continue;
    }
    if (chunk.length !== expectedLength) {
      problem ??= `chunk ${seq + 1} of ${expectedChunks} holds ${chunk.length} bytes instead of ${expectedLength}`;
    }
    await hasher.updateCopy(chunk);
    progress.doneBytes += Math.min(chunk.length, expectedLength);
    if (seq % 8 === 7) {
      job.throwIfCancelled('Verification cancelled; nothing was recorded.');
      job.report({ phase: 'Verifying', current: name, ...progress });
    }
  }
  const actual = await hasher.digest();
  if (problem !== null) return problem;
  return actual === blob.sha256
    ? null
    : `its bytes hash to ${actual}, not the ${blob.sha256} recorded at intake`;
}

function recordVerification(
  file: CaseFile,
  ctx: ServiceContext,
  checks: readonly Checked[],
  bytes: number,
): EvidenceVerification {
  return changeWithAudit(file, ctx, (db, at) => {
    const failed: EvidenceVerification['failed'] = [];
    for (const check of checks) {
      for (const item of check.items) {
        if (check.problem !== null) {
          failed.push({ id: item.id, name: item.name, sha256: item.sha256, problem: check.problem });
        }
        appendCustodyEntry(db, {
          id: randomUUID(),
          evidenceId: item.id,
          action: 'verified',
          actor: ctx.actor,
          at,
          note:
            check.problem === null
              ? `Integrity verified: all ${check.blob.size} bytes re-read, SHA-256 matches.`
              : `INTEGRITY CHECK FAILED: ${check.problem}.`,
          automatic: true,
        });
      }
    }
    const items = checks.reduce((sum, c) => sum + c.items.length, 0);
    const result: EvidenceVerification = {
      ok: failed.length === 0,
      items,
      blobs: checks.length,
      bytes,
      failed,
      at,
    };
    return {
      result,
      audit:
        items === 0
          ? null
          : {
              action: 'evidence.verified',
              target: 'evidence',
              payload: {
                ok: result.ok,
                items,
                blobs: checks.length,
                bytes,
                failed: failed.map(({ id, name, problem }) => ({ id, name, problem })),
              },
            },
    };
  });
}
