import {
  ensureInstallationKeys,
  exportCaseBundle,
  importCaseBundle,
  mergeCaseBundle,
  mergeConflicts,
  settleMergeConflict,
  verifyCaseBundle,
} from '../../services/bundles/bundle-service';
import type { HandlerMap } from './handler';
import { today } from './today';

export const bundleHandlers = {
  'bundle.export': ({ jobId, ...request }, d) => exportCaseBundle(d, jobId, request, today(d)),
  'bundle.verify': (i, d) => verifyCaseBundle(d, i.jobId, i),
  'bundle.import': (i, d) => importCaseBundle(d, i.jobId, i),
  'bundle.merge': (i, d) => mergeCaseBundle(d, i.jobId, i),
  'bundle.conflicts': (i, d) => mergeConflicts(d, i.includeResolved),
  'bundle.resolveConflict': (i, d) => settleMergeConflict(d, i.id, i.choice),
  'signing.info': (_i, d) => d.signing.info(),
  'signing.ensureKey': (_i, d) => ensureInstallationKeys(d),
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
