import type {
  BundleExportResult,
  BundleImportResult,
  BundleMergeResult,
  BundleVerification,
  MergeConflict,
  SigningInfo,
} from '../../../shared/domain/bundle';
import { CONTENT_AREAS } from '../../../shared/ipc/contract';
import { listConflicts } from '../../casefile/repos/conflicts-repo';
import { runJob } from '../jobs';
import type { WorkspaceDeps } from '../workspace-deps';
import { exportBundle, type BundleExportRequest } from './export/export-bundle';
import { mergeBundle } from './merge/merge-bundle';
import { resolveConflict } from './merge/resolve-conflict';
import { importBundle } from './read/import-bundle';
import { refuseRememberingWithout } from '../workspace';
import { verifyBundleFile } from './read/verify-file';

// The bundle use cases as a host calls them: each long one runs as a job the host can follow
// and cancel, and each one that changes the open case says which parts of it changed.

type ContentArea = (typeof CONTENT_AREAS)[number];

function contentChanged(deps: WorkspaceDeps, areas: ContentArea[]): void {
  deps.events.emit('case.contentChanged', { areas });
}

/** Exports the open case; its evidence gains a custody entry for leaving in the bundle. */
export async function exportCaseBundle(
  deps: WorkspaceDeps,
  jobId: string,
  request: BundleExportRequest,
  today: string,
): Promise<BundleExportResult> {
  const result = await runJob(jobId, 'bundle-export', deps.events, (job) =>
    exportBundle(deps.session.require(), deps.ctx, job, deps.signing, request, today),
  );
  contentChanged(deps, ['evidence']);
  return result;
}

/** Checks a bundle against this installation's trusted keys; needs no open case. */
export function verifyCaseBundle(
  deps: WorkspaceDeps,
  jobId: string,
  request: { path: string; bundlePassphrase?: string },
): Promise<BundleVerification> {
  return runJob(jobId, 'bundle-verify', deps.events, (job) =>
    verifyBundleFile(request.path, deps.signing, job, undefined, request.bundlePassphrase),
  );
}

/** Writes a bundle out as a new case file; the open case, if any, is not touched. */
export function importCaseBundle(
  deps: WorkspaceDeps,
  jobId: string,
  request: {
    path: string;
    target: string;
    overwrite: boolean;
    bundlePassphrase?: string | undefined;
    passphrase?: string | undefined;
    plaintext: boolean;
    remember: boolean;
  },
): Promise<BundleImportResult> {
  if (request.remember) refuseRememberingWithout(deps);
  const passphrase = request.plaintext ? null : Buffer.from(request.passphrase ?? '', 'utf8');
  return runJob(jobId, 'bundle-import', deps.events, async (job) => {
    const result = await importBundle(
      request.path,
      {
        target: request.target,
        overwrite: request.overwrite,
        bundlePassphrase: request.bundlePassphrase,
        passphrase,
      },
      deps.ctx,
      job,
      deps.signing,
    );
    if (passphrase !== null && request.remember) deps.passphrases?.remember(result.path, passphrase);
    return result;
  });
}

/** Adds a colleague's bundle to the open case; any record may change. */
export async function mergeCaseBundle(
  deps: WorkspaceDeps,
  jobId: string,
  request: { path: string; bundlePassphrase?: string },
): Promise<BundleMergeResult> {
  const result = await runJob(jobId, 'bundle-merge', deps.events, (job) =>
    mergeBundle(
      deps.session.require(),
      deps.ctx,
      job,
      deps.signing,
      request.path,
      undefined,
      request.bundlePassphrase,
    ),
  );
  contentChanged(deps, [...CONTENT_AREAS]);
  return result;
}

/** The signing keys and this installation's age recipient, creating both if they do not exist yet. */
export async function ensureInstallationKeys(deps: WorkspaceDeps): Promise<SigningInfo> {
  deps.signing.ensureKey();
  await deps.signing.age.ensure();
  return deps.signing.info();
}

export function mergeConflicts(deps: WorkspaceDeps, includeResolved: boolean): MergeConflict[] {
  return listConflicts(deps.session.require().db, includeResolved);
}

/** Settles one conflict; the record it concerns may change, whatever its kind. */
export function settleMergeConflict(
  deps: WorkspaceDeps,
  id: string,
  choice: 'ours' | 'theirs',
): MergeConflict {
  const resolved = resolveConflict(deps.session.require(), deps.ctx, id, choice);
  contentChanged(deps, [...CONTENT_AREAS]);
  return resolved;
}
