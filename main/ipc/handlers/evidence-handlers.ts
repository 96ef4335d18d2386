import {
  addCustodyEntry,
  custodyOfItem,
  listEvidence,
  pendingEvidence,
  requireEvidenceItem,
  updateEvidenceItem,
} from '../../services/evidence/evidence-service';
import { exportEvidence } from '../../services/evidence/export-service';
import { takeInEvidence } from '../../services/evidence/intake-service';
import { previewEvidence } from '../../services/evidence/preview-service';
import { verifyEvidence } from '../../services/evidence/verify-evidence-service';
import { cancelJob, runJob } from '../../services/jobs';
import type { HostDeps } from '../host-deps';
import type { HandlerMap } from './handler';

const file = (deps: HostDeps) => deps.session.require();

function evidenceChanged<T>(deps: HostDeps, result: T): T {
  deps.events.emit('case.contentChanged', { areas: ['evidence'] });
  return result;
}

export const evidenceHandlers = {
  'evidence.list': (_i, d) => listEvidence(file(d)),
  'evidence.get': (i, d) => requireEvidenceItem(file(d), i.id),
  'evidence.add': async (i, d) =>
    evidenceChanged(
      d,
      await runJob(i.jobId, 'intake', d.events, (job) =>
        takeInEvidence(file(d), d.ctx, job, i.paths, i.metadata),
      ),
    ),
  'evidence.update': (i, d) => evidenceChanged(d, updateEvidenceItem(file(d), d.ctx, i.id, i.patch)),
  'evidence.custody': (i, d) => custodyOfItem(file(d), i.id),
  'evidence.addCustody': (i, d) => evidenceChanged(d, addCustodyEntry(file(d), d.ctx, i)),
  'evidence.preview': (i, d) => previewEvidence(file(d), i.id, i.mode, i.page, i.line),
  'evidence.verify': async (i, d) =>
    evidenceChanged(
      d,
      await runJob(i.jobId, 'verify', d.events, (job) => verifyEvidence(file(d), d.ctx, job, i.ids)),
    ),
  'evidence.export': async (i, d) =>
    evidenceChanged(
      d,
      await runJob(i.jobId, 'export', d.events, (job) =>
        exportEvidence(file(d), d.ctx, job, i.id, i.path, i.overwrite),
      ),
    ),
  'evidence.pending': (_i, d) => pendingEvidence(file(d)),
  'jobs.cancel': (i) => ({ cancelled: cancelJob(i.jobId) }),
} satisfies HandlerMap<
  | 'evidence.list'
  | 'evidence.get'
  | 'evidence.add'
  | 'evidence.update'
  | 'evidence.custody'
  | 'evidence.addCustody'
  | 'evidence.preview'
  | 'evidence.verify'
  | 'evidence.export'
  | 'evidence.pending'
  | 'jobs.cancel'
>;
