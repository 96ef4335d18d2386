import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import type { BundleImportResult, BundleVerification } from '../../../../shared/domain/bundle';
import { BreachdeskError } from '../../../../shared/ipc/errors';
import { openCaseFile } from '../../../casefile/case-file';
import { LATEST_SCHEMA_VERSION } from '../../../casefile/migrations';
import { appendAuditEntry } from '../../../casefile/repos/audit-repo';
import { getCaseRecord } from '../../../casefile/repos/case-repo';
import { appendCustodyEntry, listEvidenceItems } from '../../../casefile/repos/evidence-repo';
import { stampFor, type ServiceContext } from '../../context';
import { outputTarget, writeErrorFor } from '../../files/atomic-write';
import type { Job } from '../../jobs';
import type { SigningKeys } from '../signing/signing-keys';
import type { ZipLimits } from '../../../formats/zip/zip-reader';
import { EvidenceLoader } from './evidence-loader';
import { ReceivedSnapshot } from '../../../casefile/snapshot/received-snapshot';
import { checkBundle, type CheckedBundle } from './verify-bundle';

const CANCELLED = 'Bundle import cancelled; nothing was written.';

/**
 * Writes a bundle out as a new case file. The bundle is checked completely while it is read
 * (each file once): the snapshot (held in memory) is written as a new case file under a temporary
 * name beside the target, encrypted with the given passphrase, and the evidence bytes go into it
 * as they stream past; it is renamed into place only when every check passed, deleted otherwise.
 */
export async function importBundle(
  zipPath: string,
  request: {
    target: string;
    overwrite: boolean;
    bundlePassphrase?: string | undefined;
    /** The new case file's passphrase; null only by the explicit choice of a plaintext file. */
    passphrase: Buffer | null;
  },
  ctx: ServiceContext,
  job: Job,
  signing: SigningKeys,
  limits?: Partial<ZipLimits>,
): Promise<BundleImportResult> {
  const { target, temporary } = outputTarget(request.target, request.overwrite);
  const snapshot = new ReceivedSnapshot();
  const loader = new EvidenceLoader(snapshot, temporary, request.passphrase);
  let checked: CheckedBundle | null = null;
  try {
    checked = await checkBundle(zipPath, {
      signing,
      job,
      snapshot,
      sink: loader,
      limits,
      bundlePassphrase: request.bundlePassphrase,
    });
    const { verification } = checked;
    if (!verification.ok) throw refused(verification);
    job.throwIfCancelled(CANCELLED);
    refuseNewerSchema(verification);
    const missing = loader.missingBlobs();
    if (verification.bag.includesEvidence === true && missing.length > 0) {
      throw new BreachdeskError(
        'INVALID_INPUT',
        `The bundle says it includes evidence but ${missing.length} file(s) are not in it (SHA-256 ${missing[0]?.sha256.slice(0, 12)}…); nothing was imported.`,
      );
    }
    const { caseId, title, evidenceFiles, evidenceBytes } = recordImport(loader, verification, ctx);
    loader.close();
    await syncFile(temporary);
    // An older schema is brought up to date the usual way (with its own audit entries).
    if ((verification.bag.schemaVersion ?? LATEST_SCHEMA_VERSION) < LATEST_SCHEMA_VERSION) {
      openCaseFile(temporary, stampFor(ctx), request.passphrase).close();
    }
    job.throwIfCancelled(CANCELLED);
    await rename(temporary, target);
    return {
      path: target,
      bundleId: verification.bag.bundleId ?? '',
      caseId,
      title,
      evidenceFiles,
      evidenceBytes,
      verification,
    };
  } catch (error) {
    loader.close();
    await rm(temporary, { force: true });
    if (job.cancelled) throw new BreachdeskError('CANCELLED', CANCELLED);
    throw writeErrorFor(error, target);
  } finally {
    await checked?.archive?.zip.close();
  }
}

/** One sentence naming the failing files, for the command line and the app's error line. */
export function refused(verification: BundleVerification, outcome = 'nothing was imported'): BreachdeskError {
  const shown = verification.problems
    .slice(0, 3)
    .map((p) => (p.path === null ? p.message : `${p.path}: ${p.message}`));
  const more = verification.problems.length > 3 ? ` (and ${verification.problems.length - 3} more)` : '';
  return new BreachdeskError(
    'INVALID_INPUT',
    `The bundle failed verification, ${outcome}. ${shown.join(' ')}${more}`,
  );
}

export function refuseNewerSchema(verification: BundleVerification): void {
  const version = verification.bag.schemaVersion;
  if (version !== null && version > LATEST_SCHEMA_VERSION) {
    throw new BreachdeskError(
      'NEWER_SCHEMA',
      `The bundle was made by a newer Breachdesk (case schema ${version}; this one reads up to ${LATEST_SCHEMA_VERSION}); update Breachdesk to import it.`,
    );
  }
}

/** The import in the new case's own audit log, and a custody entry for every item received. */
function recordImport(
  loader: EvidenceLoader,
  verification: BundleVerification,
  ctx: ServiceContext,
): { caseId: string; title: string; evidenceFiles: number; evidenceBytes: number } {
  const { db } = loader;
  const stamp = stampFor(ctx);
  const record = getCaseRecord(db);
  const items = listEvidenceItems(db);
  const missing = new Set(loader.missingBlobs().map((blob) => blob.sha256));
  const loaded = items.filter((item) => !missing.has(item.sha256));
  db.transaction(() => {
    for (const item of items) {
      appendCustodyEntry(db, {
        id: randomUUID(),
        evidenceId: item.id,
        action: 'received',
        actor: ctx.actor,
        at: stamp.at,
        note: loaded.includes(item)
          ? `Received in case bundle ${verification.bag.bundleId ?? '?'} signed ${verification.signature.fingerprint ?? '?'}; its SHA-256 was checked on import.`
          : `Listed in case bundle ${verification.bag.bundleId ?? '?'}, which was exported without evidence bytes.`,
        automatic: true,
      });
    }
    appendAuditEntry(db, {
      ...stamp,
      action: 'bundle.imported',
      target: `bundle:${verification.bag.bundleId ?? 'unknown'}`,
      payload: {
        source: verification.path,
        signerFingerprint: verification.signature.fingerprint,
        signer: verification.signature.signer,
        auditHead: verification.audit.head,
        files: verification.checked.files,
        bytes: verification.checked.bytes,
      },
    });
  })();
  return {
    caseId: record.id,
    title: record.title,
    evidenceFiles: loader.loaded.size,
    evidenceBytes: loaded.reduce((sum, item) => sum + item.size, 0),
  };
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
