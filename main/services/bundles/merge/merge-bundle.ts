import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createHash, randomUUID } from 'node:crypto';
import {
  MERGE_KINDS,
  type BundleMergeResult,
  type BundleVerification,
  type MergeConflict,
  type MergeKind,
} from '../../../../shared/domain/bundle';
import type { EvidenceItem } from '../../../../shared/domain/evidence';
import { BreachdeskError } from '../../../../shared/ipc/errors';
import type { CaseFile } from '../../../casefile/case-file';
import {
  addTextPage,
  allBlobs,
  blobBySha,
  completeBlob,
  discardBlob,
  stageBlob,
  textPagesOf,
  type StoredBlob,
} from '../../../casefile/repos/blob-repo';
import { getCaseRecord } from '../../../casefile/repos/case-repo';
import {
  appendCustodyEntry,
  custodyOf,
  getEvidenceItem,
  listEvidenceWithBlobs,
  putEvidenceItem,
} from '../../../casefile/repos/evidence-repo';
import { ReceivedSnapshot } from '../../../casefile/snapshot/received-snapshot';
import { changeWithAudit } from '../../audited';
import { stampFor, type ServiceContext } from '../../context';
import { indexEvidenceItem } from '../../evidence/evidence-index';
import type { Job } from '../../jobs';
import { chunkWriter } from '../read/chunk-writer';
import { refused, refuseNewerSchema } from '../read/import-bundle';
import { checkBundle, type CheckedBundle } from '../read/verify-bundle';
import type { SigningKeys } from '../signing/signing-keys';
import type { ZipLimits } from '../../../formats/zip/zip-reader';
import { conflictsTable, listConflicts } from '../../../casefile/repos/conflicts-repo';
import { applyTheirs, differingFields, labelOf, RECORD_KINDS, withExistingLinks } from './merge-kinds';
import { decide, sharedHistory } from './shared-history';

const CANCELLED = 'Merge cancelled; nothing was added.';

type Counts = Record<MergeKind, number>;
const zero = (): Counts => Object.fromEntries(MERGE_KINDS.map((k) => [k, 0])) as Counts;

/** Bytes a merge streamed into the case as staged blobs, named by hash only when the merge commits. */
interface StagedBytes {
  blobId: number;
  chunks: number;
  blob: StoredBlob;
}

/**
 * Adds a colleague's bundle to the open case. The bundle is checked completely first; new
 * evidence bytes are then streamed into staged blobs (discarded if anything fails, and by the
 * next open after a crash), and every record lands in one transaction with one audit entry
 * naming the bundle. Records are matched by id: new ones are added, equal ones left alone, and
 * ones both sides changed differently become conflicts for a person to resolve.
 */
export async function mergeBundle(
  file: CaseFile,
  ctx: ServiceContext,
  job: Job,
  signing: SigningKeys,
  zipPath: string,
  limits?: Partial<ZipLimits>,
  bundlePassphrase?: string,
): Promise<BundleMergeResult> {
  const snapshot = new ReceivedSnapshot();
  let checked: CheckedBundle | null = null;
  let theirs: Database | null = null;
  const staged = new Map<string, StagedBytes>();
  try {
    checked = await checkBundle(zipPath, { signing, job, snapshot, limits, bundlePassphrase });
    const { verification } = checked;
    if (!verification.ok) throw refused(verification, 'nothing was merged');
    refuseNewerSchema(verification);
    theirs = snapshot.open();
    await stageNewEvidence(file, ctx, job, checked, theirs, staged);
    job.throwIfCancelled(CANCELLED);
    const result = commitMerge(file, ctx, verification, theirs, staged);
    staged.clear();
    return result;
  } catch (error) {
    if (staged.size > 0) file.transaction((db) => staged.forEach(({ blobId }) => discardBlob(db, blobId)));
    if (job.cancelled) throw new BreachdeskError('CANCELLED', CANCELLED);
    throw error;
  } finally {
    theirs?.close();
    await checked?.archive?.zip.close();
  }
}

/** Streams the bytes of evidence this case does not hold yet, checking each against its hash again. */
async function stageNewEvidence(
  file: CaseFile,
  ctx: ServiceContext,
  job: Job,
  checked: CheckedBundle,
  theirs: Database,
  staged: Map<string, StagedBytes>,
): Promise<void> {
  const archive = checked.archive;
  if (archive === null) return;
  const pathBySha = new Map<string, string>();
  for (const [path, sha] of checked.payload) if (path.startsWith('data/evidence/')) pathBySha.set(sha, path);
  const blobs = new Map(allBlobs(theirs).map((blob) => [blob.id, blob]));
  for (const { item, blobId } of listEvidenceWithBlobs(theirs)) {
    const blob = blobs.get(blobId);
    const path = pathBySha.get(item.sha256);
    const entry = path === undefined ? undefined : archive.entries.get(path);
    if (blob === undefined || entry === undefined || staged.has(item.sha256)) continue;
    if (getEvidenceItem(file.db, item.id) !== null || blobBySha(file.db, item.sha256) !== null) continue;
    const ourBlob = file.transaction((db) => stageBlob(db, stampFor(ctx).at));
    staged.set(item.sha256, { blobId: ourBlob, chunks: 0, blob });
    const writer = chunkWriter(file.db, ourBlob);
    const hash = createHash('sha256');
    for await (const chunk of archive.zip.readEntry(entry, { signal: job.signal })) {
      hash.update(chunk);
      writer.write(chunk);
      job.report({
        phase: 'Adding evidence',
        current: item.name,
        doneBytes: 0,
        totalBytes: 0,
        doneItems: staged.size,
        totalItems: 0,
      });
    }
    const chunks = writer.close();
    if (hash.digest('hex') !== item.sha256) {
      throw new BreachdeskError(
        'INVALID_INPUT',
        `${path ?? item.name} changed while it was being merged; nothing was added.`,
      );
    }
    staged.set(item.sha256, { blobId: ourBlob, chunks, blob });
  }
}

function commitMerge(
  file: CaseFile,
  ctx: ServiceContext,
  verification: BundleVerification,
  theirs: Database,
  staged: ReadonlyMap<string, StagedBytes>,
): BundleMergeResult {
  const bundleId = verification.bag.bundleId ?? randomUUID();
  const added = zero();
  const updated = zero();
  const unchanged = zero();
  const addedIds: Record<string, string[]> = {};
  const updatedIds: Record<string, string[]> = {};
  const history = sharedHistory(file.db, theirs);
  const conflicts: MergeConflict[] = [];
  let deduplicated = 0;
  let custodyEntriesAdded = 0;
  let withoutBytes = 0;
  changeWithAudit(file, ctx, (db, at) => {
    // Resolved conflicts too: a version of theirs someone already decided on is not asked again.
    const known = listConflicts(db, true);
    const noteConflict = (
      kind: MergeKind,
      ours: Record<string, unknown>,
      their: Record<string, unknown>,
      fields: string[],
    ) => {
      const recordId = String(their.id);
      const same = known.find(
        (c) =>
          c.kind === kind && c.recordId === recordId && JSON.stringify(c.theirs) === JSON.stringify(their),
      );
      if (same !== undefined) return;
      const conflict: MergeConflict = {
        id: randomUUID(),
        bundleId,
        kind,
        recordId,
        // The name this case knows the record by, unless it is gone here.
        label: labelOf(Object.keys(ours).length > 0 ? ours : their),
        fields,
        ours,
        theirs: their,
        status: 'open',
        createdAt: at,
        resolvedAt: null,
        resolvedBy: null,
      };
      conflictsTable.put(db, conflict);
      conflicts.push(conflict);
    };
    const wasAdded = (kind: MergeKind, id: string) => {
      added[kind] += 1;
      (addedIds[kind] ??= []).push(id);
    };
    const wasUpdated = (kind: MergeKind, id: string) => {
      updated[kind] += 1;
      (updatedIds[kind] ??= []).push(id);
    };

    for (const { kind, spec } of RECORD_KINDS) {
      for (const record of spec.table.all(theirs)) {
        const target = `${kind}:${record.id}`;
        const ours = spec.table.get(db, record.id);
        if (ours === null) {
          // Gone here: deleted since the copies parted (keep it deleted unless they edited it too).
          const deletedHere = history.shared && history.changedHere.has(target);
          if (!deletedHere) {
            applyTheirs(db, kind, record);
            wasAdded(kind, record.id);
          } else if (history.changedThere.has(target)) {
            noteConflict(kind, {}, record, differingFields(kind, {}, record));
          } else {
            unchanged[kind] += 1;
          }
          continue;
        }
        const fields = differingFields(kind, ours, record);
        const decision = fields.length === 0 ? 'keep-ours' : decide(history, target);
        if (decision === 'keep-ours') unchanged[kind] += 1;
        else if (decision === 'take-theirs') {
          applyTheirs(db, kind, record);
          wasUpdated(kind, record.id);
        } else noteConflict(kind, ours, record, fields);
      }
    }

    const theirBlobs = new Map(allBlobs(theirs).map((blob) => [blob.id, blob]));
    for (const { item, blobId: theirBlobId } of listEvidenceWithBlobs(theirs)) {
      const ours = getEvidenceItem(db, item.id);
      if (ours !== null) {
        const fields = differingFields('evidence', ours.item, item);
        const decision = fields.length === 0 ? 'keep-ours' : decide(history, `evidence:${item.id}`);
        if (decision === 'keep-ours') unchanged.evidence += 1;
        else if (decision === 'take-theirs') {
          applyTheirs(db, 'evidence', item);
          wasUpdated('evidence', item.id);
        } else noteConflict('evidence', ours.item, item, fields);
        custodyEntriesAdded += copyCustody(db, theirs, item.id);
        continue;
      }
      const blobId = blobFor(db, item, staged, theirBlobs.get(theirBlobId), theirs, theirBlobId);
      if (blobId === null) {
        withoutBytes += 1;
        continue;
      }
      if (blobId.deduplicated) deduplicated += 1;
      const linked = withExistingLinks(db, item);
      putEvidenceItem(db, linked, blobId.id);
      indexEvidenceItem(db, linked);
      custodyEntriesAdded += copyCustody(db, theirs, item.id);
      appendCustodyEntry(db, {
        id: randomUUID(),
        evidenceId: item.id,
        action: 'received',
        actor: ctx.actor,
        at,
        note: `Merged from case bundle ${bundleId} signed ${verification.signature.fingerprint ?? '?'}${blobId.deduplicated ? '; the case already held these bytes (same SHA-256)' : '; its SHA-256 was checked'}.`,
        automatic: true,
      });
      wasAdded('evidence', item.id);
    }

    return {
      result: undefined,
      audit: {
        action: 'bundle.merged',
        target: `bundle:${bundleId}`,
        payload: {
          source: verification.path,
          sourceCaseId: verification.bag.caseId,
          signerFingerprint: verification.signature.fingerprint,
          signer: verification.signature.signer,
          sharedHistory: history.shared,
          splitAuditSeq: history.splitSeq,
          added: addedIds,
          updated: updatedIds,
          unchanged,
          deduplicated,
          evidenceWithoutBytes: withoutBytes,
          custodyEntriesAdded,
          conflicts: conflicts.map((c) => ({
            id: c.id,
            kind: c.kind,
            recordId: c.recordId,
            fields: c.fields,
          })),
        },
      },
    };
  });
  return {
    bundleId,
    sourceCaseId: verification.bag.caseId ?? getCaseRecord(theirs).id,
    added,
    updated,
    unchanged,
    evidenceWithoutBytes: withoutBytes,
    sharedHistory: history.shared,
    deduplicated,
    custodyEntriesAdded,
    conflicts,
    verification,
  };
}

/** The blob for a new item: bytes the case already holds (deduplicated) or the ones just staged. */
function blobFor(
  db: Database,
  item: EvidenceItem,
  staged: ReadonlyMap<string, StagedBytes>,
  theirBlob: StoredBlob | undefined,
  theirs: Database,
  theirBlobId: number,
): { id: number; deduplicated: boolean } | null {
  const existing = blobBySha(db, item.sha256);
  if (existing !== null) {
    const justStaged = [...staged.values()].some((s) => s.blobId === existing.id);
    return { id: existing.id, deduplicated: !justStaged };
  }
  const bytes = staged.get(item.sha256);
  if (bytes === undefined || theirBlob === undefined) return null;
  completeBlob(db, bytes.blobId, {
    sha256: item.sha256,
    size: theirBlob.size,
    chunks: bytes.chunks,
    content: theirBlob.content,
  });
  // The text was read and indexed on the colleague's machine; it comes across page by page.
  for (const { page, text } of textPagesOf(theirs, theirBlobId)) addTextPage(db, bytes.blobId, page, text);
  return { id: bytes.blobId, deduplicated: false };
}

/** Appends the colleague's custody entries this case does not have yet (custody is append-only). */
function copyCustody(db: Database, theirs: Database, evidenceId: string): number {
  const known = new Set(custodyOf(db, evidenceId).map((entry) => entry.id));
  let count = 0;
  for (const entry of custodyOf(theirs, evidenceId)) {
    if (known.has(entry.id)) continue;
    appendCustodyEntry(db, entry);
    count += 1;
  }
  return count;
}
