import { CASE_FILE_EXTENSION } from '../../../../shared/domain/case-file';
import { createHash, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type {
  BundleEnvelope,
  BundleExportOptions,
  BundleExportResult,
} from '../../../../shared/domain/bundle';
import type { EvidenceItem } from '../../../../shared/domain/evidence';
import { LETTER_FORMATS } from '../../../../shared/domain/letters';
import { BreachdeskError } from '../../../../shared/ipc/errors';
import { APP_VERSION } from '../../../app-version';
import type { CaseFile } from '../../../casefile/case-file';
import { iterateAuditEntries } from '../../../casefile/repos/audit-repo';
import { allBlobs, type StoredBlob } from '../../../casefile/repos/blob-repo';
import { getCaseRecord } from '../../../casefile/repos/case-repo';
import { appendCustodyEntry, listEvidenceWithBlobs } from '../../../casefile/repos/evidence-repo';
import { getFacts } from '../../../casefile/repos/facts-repo';
import { listLetters } from '../../../casefile/repos/letters-repo';
import type { SnapshotFile } from '../../../casefile/snapshot/snapshot-file';
import { writeSnapshot } from '../../../casefile/snapshot/write-snapshot';
import { changeWithAudit } from '../../audited';
import { storedChunks } from '../../evidence/stored-chunks';
import { stampFor, type ServiceContext } from '../../context';
import { outputTarget, writeErrorFor } from '../../files/atomic-write';
import { freshTemporary } from '../../files/temporaries';
import type { Job } from '../../jobs';
import { renderInput, renderLetterBytes } from '../../letters/render-service';
import { BAGIT_TXT, formatBagInfo, formatManifest, payloadOxum } from '../../../formats/bagit/bag-text';
import type { SigningKeys } from '../signing/signing-keys';
import { signDetached } from '../signing/signing-keys';
import { openZip } from '../../../formats/zip/zip-reader';
import { ZipWriter } from '../../../formats/zip/zip-writer';
import { SealedScratch } from '../../../formats/scratch/sealed-scratch';
import { ageSealFor, sealedBundlePath, sealInto } from '../envelope/seal-envelope';
import {
  AUDIT_LOG_PATH,
  bagName,
  CASE_JSON_PATH,
  evidencePath,
  INDEX_PATH,
  letterPath,
  PAYLOAD_MANIFEST,
  SIGNATURE_FILE,
  SNAPSHOT_PATH,
  TAG_MANIFEST,
} from './bag-layout';
import { bagInfoEntries } from './bag-info';
import { buildCaseJson } from './case-json';
import { buildIndexModel } from './index-model';
import { renderBundleIndex } from '../index-html';
import type { PayloadFile } from './payload';

const CANCELLED = 'Bundle export cancelled; nothing was written.';

export interface BundleExportRequest extends BundleExportOptions {
  path: string;
  overwrite: boolean;
  /** Seal the zip in an age envelope, written as NAME.zip.age. */
  envelope?: BundleEnvelope;
}

/**
 * Writes the open case as a zip holding one signed BagIt bag. Every payload file's SHA-256 is
 * known before the zip is started (evidence hashes come from intake; generated files are small),
 * so the tag files go first and the evidence streams straight from the case file into the zip.
 * The zip is written under a temporary name and renamed only when complete. With an envelope the
 * zip goes to a scratch file encrypted under a key held in memory, and from there through age into
 * the temporary name: its plaintext never reaches the disk.
 */
export async function exportBundle(
  file: CaseFile,
  ctx: ServiceContext,
  job: Job,
  signing: SigningKeys,
  request: BundleExportRequest,
  today: string,
): Promise<BundleExportResult> {
  // A recipient that is not one is refused before any work is done.
  const seal = request.envelope === undefined ? null : ageSealFor(request.envelope);
  const { target, temporary } = outputTarget(
    seal === null ? request.path : sealedBundlePath(request.path),
    request.overwrite,
  );
  // Named after the target so the next export to it can remove one a killed run left.
  const snapshotPath = freshTemporary(
    dirname(target),
    `.${basename(target)}`,
    `snapshot${CASE_FILE_EXTENSION}`,
  );
  const bundleId = randomUUID();
  const exportedAt = stampFor(ctx).at;
  const key = signing.ensureKey();
  // Created like the signing key, so colleagues can seal bundles to this installation from now on.
  await signing.age.ensure();
  let zip: ZipWriter | null = null;
  let scratch: SealedScratch | null = null;
  try {
    job.report(
      {
        phase: 'Copying the case',
        current: 'case file',
        doneBytes: 0,
        totalBytes: 0,
        doneItems: 0,
        totalItems: 0,
      },
      true,
    );
    const snapshot = writeSnapshot(file, snapshotPath, {
      includePrivileged: request.includePrivileged,
      includeRoster: request.includeRoster,
    });
    job.throwIfCancelled(CANCELLED);
    const evidence = evidenceFiles(file, snapshot.snapshot, request.includeEvidence, job);
    const letters = await letterFiles(file, today, job);
    const generated = await generatedFiles(file, snapshot.snapshot, {
      bundleId,
      exportedAt,
      exportedBy: ctx.actor,
      includePrivileged: request.includePrivileged,
      includeEvidence: request.includeEvidence,
      evidence,
      letters,
      signerFingerprint: key.fingerprint,
      today,
    });
    const payload = [...generated.files, ...letters.files, ...evidence.files];
    const oxum = payloadOxum(
      payload.reduce((sum, f) => sum + f.size, 0),
      payload.length,
    );
    const record = getCaseRecord(file.db);
    const bagInfo = formatBagInfo(
      bagInfoEntries({
        record,
        facts: getFacts(file.db),
        baggingDate: exportedAt.slice(0, 10),
        oxum,
        payloadBytes: payload.reduce((sum, f) => sum + f.size, 0),
        bundleId,
        schemaVersion: file.schemaVersion,
        audit: generated.audit,
        signer: key,
        includeEvidence: request.includeEvidence,
        includePrivileged: request.includePrivileged,
        includeRoster: request.includeRoster,
        software: `Breachdesk ${APP_VERSION}`,
      }),
    );
    const manifest = formatManifest(payload.map((f) => ({ path: f.path, digest: f.sha256 })));
    const tagFiles = [
      textFile('bagit.txt', BAGIT_TXT),
      textFile('bag-info.txt', bagInfo),
      textFile(PAYLOAD_MANIFEST, manifest),
    ];
    const tagManifest = formatManifest(tagFiles.map((f) => ({ path: f.path, digest: f.sha256 })));
    const signature = signDetached(key, Buffer.from(tagManifest, 'utf8'));
    const files = [
      ...tagFiles,
      textFile(TAG_MANIFEST, tagManifest),
      textFile(SIGNATURE_FILE, signature),
      ...payload,
    ];

    const root = bagName(record.title, exportedAt.slice(0, 10));
    const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
    const progress = { doneBytes: 0, totalBytes, doneItems: 0, totalItems: files.length };
    if (seal !== null) {
      scratch = await SealedScratch.create(freshTemporary(dirname(target), `.${basename(target)}`, 'sealed'));
    }
    zip = scratch === null ? await ZipWriter.create(temporary) : ZipWriter.onto(scratch);
    for (const entry of files) {
      job.throwIfCancelled(CANCELLED);
      await zip.addFile(
        `${root}/${entry.path}`,
        entry.size,
        counted(entry.bytes(), progress, job, entry.path),
        {
          modified: new Date(exportedAt),
          signal: job.signal,
        },
      );
      progress.doneItems += 1;
    }
    const written = await zip.finish();
    zip = null;
    job.throwIfCancelled(CANCELLED);
    // The central directory is read back through the same checks an import applies.
    await (await openZip(scratch?.borrowed() ?? temporary)).close();
    const bytes =
      scratch === null || seal === null
        ? written.bytes
        : await sealInto(scratch, temporary, seal, (doneBytes) => {
            job.throwIfCancelled(CANCELLED);
            job.report({
              phase: 'Encrypting the bundle',
              current: basename(target),
              doneBytes,
              totalBytes: written.bytes,
              doneItems: files.length,
              totalItems: files.length,
            });
          });
    await rename(temporary, target);
    recordExport(file, ctx, {
      bundleId,
      target,
      bytes,
      oxum,
      fingerprint: key.fingerprint,
      auditHead: generated.audit.head,
      evidenceIds: evidence.files.flatMap((f) => f.evidenceIds),
      options: request,
      withheld: snapshot.withheld,
      envelope:
        seal === null
          ? { kind: 'none' }
          : 'passphrase' in seal
            ? { kind: 'passphrase' }
            : { kind: 'recipients', recipients: [...seal.recipients] },
    });
    return {
      path: target,
      bundleId,
      bytes,
      payloadFiles: payload.length,
      payloadBytes: payload.reduce((sum, f) => sum + f.size, 0),
      evidenceFiles: evidence.files.length,
      letterFiles: letters.files.length,
      signerFingerprint: key.fingerprint,
      auditHead: generated.audit.head,
      envelope: request.envelope?.kind ?? 'none',
    };
  } catch (error) {
    await zip?.abort();
    await rm(temporary, { force: true });
    if (job.cancelled) throw new BreachdeskError('CANCELLED', CANCELLED);
    throw writeErrorFor(error, target);
  } finally {
    await scratch?.close();
    rmSync(snapshotPath, { force: true });
  }
}

function textFile(path: string, text: string): PayloadFile {
  const bytes = Buffer.from(text, 'utf8');
  return { path, size: bytes.length, sha256: sha256(bytes), bytes: () => bytes, evidenceIds: [] };
}

/** The snapshot can hold a large search index: hashed as a stream, not read whole. */
async function hashChunks(chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** One bag file per distinct evidence blob, named after the first item holding it. */
function evidenceFiles(
  file: CaseFile,
  written: SnapshotFile,
  include: boolean,
  job: Job,
): { files: PayloadFile[]; paths: Map<string, string | null> } {
  // The snapshot says which items the bundle holds (an intake finishing meanwhile is not in it);
  // blob ids are the case file's own, so the bytes are read from the case file.
  const snapshot = written.open();
  let items: { item: EvidenceItem; blobId: number }[];
  let stored: StoredBlob[];
  try {
    items = listEvidenceWithBlobs(snapshot);
    stored = allBlobs(snapshot);
  } finally {
    snapshot.close();
  }
  const paths = new Map<string, string | null>();
  if (!include) {
    for (const { item } of items) paths.set(item.id, null);
    return { files: [], paths };
  }
  const blobs = new Map(stored.map((blob) => [blob.id, blob]));
  const byBlob = new Map<number, PayloadFile & { evidenceIds: string[] }>();
  for (const { item, blobId } of items) {
    let entry = byBlob.get(blobId);
    if (entry === undefined) {
      const blob = blobs.get(blobId);
      if (blob === undefined || blob.sha256 === null) {
        throw new BreachdeskError(
          'CASE_CORRUPT',
          `The bytes of ${item.name} are missing from the case file; run "Verify evidence".`,
        );
      }
      const path = evidencePath(byBlob.size + 1, item.name);
      entry = {
        path,
        size: blob.size,
        sha256: blob.sha256,
        bytes: () => storedChunks(file.db, blob, item.name, () => job.throwIfCancelled(CANCELLED)),
        evidenceIds: [],
      };
      byBlob.set(blobId, entry);
    }
    entry.evidenceIds.push(item.id);
    paths.set(item.id, entry.path);
  }
  return { files: [...byBlob.values()], paths };
}

/** Each letter in PDF, DOCX and HTML, rendered now from the version that is the letter. */
async function letterFiles(
  file: CaseFile,
  today: string,
  job: Job,
): Promise<{
  files: PayloadFile[];
  paths: Map<string, { format: 'pdf' | 'docx' | 'html'; path: string }[]>;
}> {
  const files: PayloadFile[] = [];
  const paths = new Map<string, { format: 'pdf' | 'docx' | 'html'; path: string }[]>();
  const letters = listLetters(file.db);
  for (const [index, letter] of letters.entries()) {
    const input = renderInput(file, letter.id, undefined, today);
    const rendered: { format: 'pdf' | 'docx' | 'html'; path: string }[] = [];
    for (const format of LETTER_FORMATS) {
      job.throwIfCancelled(CANCELLED);
      job.report({
        phase: 'Rendering letters',
        current: letter.title,
        doneBytes: 0,
        totalBytes: 0,
        doneItems: index,
        totalItems: letters.length,
      });
      const bytes = await renderLetterBytes(input, format);
      const path = letterPath(index + 1, letter.title, format);
      files.push({ path, size: bytes.length, sha256: sha256(bytes), bytes: () => bytes, evidenceIds: [] });
      rendered.push({ format, path });
    }
    paths.set(letter.id, rendered);
  }
  return { files, paths };
}

interface GeneratedContext {
  bundleId: string;
  exportedAt: string;
  exportedBy: string;
  includePrivileged: boolean;
  includeEvidence: boolean;
  evidence: { paths: Map<string, string | null> };
  letters: { paths: Map<string, { format: 'pdf' | 'docx' | 'html'; path: string }[]> };
  signerFingerprint: string;
  today: string;
}

/** The snapshot, case.json, the audit log and index.html, all read from the snapshot. */
async function generatedFiles(
  file: CaseFile,
  written: SnapshotFile,
  context: GeneratedContext,
): Promise<{ files: PayloadFile[]; audit: { entries: number; head: string } }> {
  const snapshotDb = written.open();
  try {
    const lines: string[] = [];
    let head = '0'.repeat(64);
    for (const entry of iterateAuditEntries(snapshotDb)) {
      lines.push(JSON.stringify(entry));
      head = entry.hash;
    }
    const audit = { entries: lines.length, head };
    const auditLog = lines.length === 0 ? '' : `${lines.join('\n')}\n`;
    const relative = (path: string | null) => (path === null ? null : path.replace(/^data\//, ''));
    const caseJson = buildCaseJson(snapshotDb, {
      bundleId: context.bundleId,
      exportedAt: context.exportedAt,
      exportedBy: context.exportedBy,
      includesPrivilegedNotes: context.includePrivileged,
      audit,
      evidencePaths: new Map([...context.evidence.paths].map(([id, path]) => [id, relative(path)])),
      letterPaths: new Map(
        [...context.letters.paths].map(([id, files]) => [
          id,
          files.map((f) => ({ format: f.format, path: relative(f.path) ?? f.path })),
        ]),
      ),
    });
    const index = renderBundleIndex(
      buildIndexModel(file, snapshotDb, {
        today: context.today,
        evidencePaths: context.evidence.paths,
        letterPaths: context.letters.paths,
        bundle: {
          bundleId: context.bundleId,
          exportedAt: context.exportedAt,
          exportedBy: context.exportedBy,
          signerFingerprint: context.signerFingerprint,
          auditHead: audit.head,
          auditEntries: audit.entries,
          includesEvidence: context.includeEvidence,
          includesPrivilegedNotes: context.includePrivileged,
          software: `Breachdesk ${APP_VERSION}`,
        },
      }),
    );
    return {
      audit,
      files: [
        {
          path: SNAPSHOT_PATH,
          // Plaintext in the bag (of an encrypted case, decrypted as it streams past).
          size: written.plaintextSize(),
          sha256: await hashChunks(written.plaintext()),
          bytes: () => written.plaintext(),
          evidenceIds: [],
        },
        textFile(CASE_JSON_PATH, caseJson),
        textFile(AUDIT_LOG_PATH, auditLog),
        textFile(INDEX_PATH, index),
      ],
    };
  } finally {
    snapshotDb.close();
  }
}

/** Counts bytes into the job's progress as the zip takes them. */
async function* counted(
  source: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  progress: { doneBytes: number; totalBytes: number; doneItems: number; totalItems: number },
  job: Job,
  current: string,
): AsyncGenerator<Uint8Array> {
  const chunks = source instanceof Uint8Array ? [source] : source;
  for await (const chunk of chunks) {
    progress.doneBytes += chunk.length;
    job.report({ phase: 'Writing the bundle', current, ...progress });
    yield chunk;
  }
}

interface ExportRecord {
  bundleId: string;
  target: string;
  bytes: number;
  oxum: string;
  fingerprint: string;
  auditHead: string;
  evidenceIds: string[];
  options: BundleExportOptions;
  withheld: number;
  /** The age envelope's kind and, when sealed to recipients, their public keys (never a passphrase). */
  envelope: { kind: 'none' | 'passphrase' } | { kind: 'recipients'; recipients: string[] };
}

/** One audit entry for the export and a custody entry for every item whose bytes left in it. */
function recordExport(file: CaseFile, ctx: ServiceContext, record: ExportRecord): void {
  changeWithAudit(file, ctx, (db, at) => {
    for (const evidenceId of record.evidenceIds) {
      appendCustodyEntry(db, {
        id: randomUUID(),
        evidenceId,
        action: 'exported',
        actor: ctx.actor,
        at,
        note: `Included in case bundle ${record.bundleId} (${record.target}), signed ${record.fingerprint}.`,
        automatic: true,
      });
    }
    return {
      result: undefined,
      audit: {
        action: 'bundle.exported',
        target: `bundle:${record.bundleId}`,
        payload: {
          path: record.target,
          bytes: record.bytes,
          payloadOxum: record.oxum,
          signerFingerprint: record.fingerprint,
          auditHead: record.auditHead,
          includeEvidence: record.options.includeEvidence,
          includePrivileged: record.options.includePrivileged,
          includeRoster: record.options.includeRoster,
          withheldAuditEntries: record.withheld,
          envelope: record.envelope.kind,
          ...(record.envelope.kind === 'recipients' ? { sealedTo: record.envelope.recipients } : {}),
        },
      },
    };
  });
}
