import { exportBundle } from '../../services/bundles/export/export-bundle';
import { listConflicts } from '../../services/bundles/merge/conflicts-repo';
import { mergeBundle } from '../../services/bundles/merge/merge-bundle';
import { resolveConflict } from '../../services/bundles/merge/resolve-conflict';
import { importBundle } from '../../services/bundles/read/import-bundle';
import { verifyBundleFile } from '../../services/bundles/read/verify-file';
import { runJob } from '../../services/jobs';
import { CONTENT_AREAS } from '../../../shared/ipc/contract';
import type { HostDeps } from '../host-deps';
import type { HandlerMap } from './handler';
import { today } from './today';

const file = (deps: HostDeps) => deps.session.require();

function changed<T>(deps: HostDeps, areas: (typeof CONTENT_AREAS)[number][], result: T): T {
  deps.events.emit('case.contentChanged', { areas });
  return result;
}

export const bundleHandlers = {
  'bundle.export': async ({ jobId, ...request }, d) =>
    changed(
      d,
      ['evidence'],
      await runJob(jobId, 'bundle-export', d.events, (job) =>
        exportBundle(file(d), d.ctx, job, d.signing, request, today(d)),
      ),
    ),
  'bundle.verify': (i, d) =>
    runJob(i.jobId, 'bundle-verify', d.events, (job) => verifyBundleFile(i.path, d.signing, job)),
  'bundle.import': (i, d) =>
    runJob(i.jobId, 'bundle-import', d.events, (job) =>
      importBundle(i.path, { target: i.target, overwrite: i.overwrite }, d.ctx, job, d.signing),
    ),
  'bundle.merge': async (i, d) =>
    changed(
      d,
      [...CONTENT_AREAS],
      await runJob(i.jobId, 'bundle-merge', d.events, (job) =>
        mergeBundle(file(d), d.ctx, job, d.signing, i.path),
      ),
    ),
  'bundle.conflicts': (i, d) => listConflicts(file(d).db, i.includeResolved),
  'bundle.resolveConflict': (i, d) =>
    changed(d, [...CONTENT_AREAS], resolveConflict(file(d), d.ctx, i.id, i.choice)),
  'signing.info': (_i, d) => d.signing.info(),
  'signing.ensureKey': (_i, d) => (d.signing.ensureKey(), d.signing.info()),
  'signing.trust': (i, d) => d.signing.trust(i.publicKey, i.label),
  'signing.untrust': (i, d) => d.signing.untrust(i.fingerprint),
} satisfies HandlerMap<
  | 'bundle.export'
  | 'bundle.verify'
  | 'bundle.import'
  | 'bundle.merge'
  | 'bundle.conflicts'
  | 'bundle.resolveConflict'
  | 'signing.info'
  | 'signing.ensureKey'
  | 'signing.trust'
  | 'signing.untrust'
>;
