import { create } from 'zustand';
import type { JobProgress } from '../../../../../shared/domain/evidence';
import type { ChannelInput } from '../../../../../shared/ipc/contract';
import type { RosterImportResult } from '../../../../../shared/ipc/roster-contract';
import { call, codeOf, messageOf, onEvent } from '../../../api/client';
import { newJobId } from '../../../jobs/job-id';
import type { JobEnd } from '../../../jobs/job-types';
import { resetOnCaseChange, trackSave } from '../../../lib/track-save';

export type RosterImportInput = Omit<ChannelInput<'roster.import'>, 'jobId'>;

export interface RunningImport {
  id: string;
  progress: JobProgress | null;
  cancelling: boolean;
}

interface RosterImportState {
  running: RunningImport | null;
  /** Streams a dataset in, following its progress; never rejects. */
  run: (input: RosterImportInput) => Promise<JobEnd<RosterImportResult>>;
  /** Resolves null, or the sentence saying why the cancel request failed. */
  cancel: () => Promise<string | null>;
}

const BUSY = 'A dataset is already being imported; wait for it or cancel it first.';

/**
 * The roster's own job lane: one import at a time. It follows the shared job runner's shape
 * (jobs/job-store) but lives here because the roster is the only user of the 'roster-import' job.
 */
export const useRosterImportJob = create<RosterImportState>()((set, get) => ({
  running: null,

  async run(input) {
    if (get().running !== null) return { kind: 'busy', message: BUSY };
    const id = newJobId();
    set({ running: { id, progress: null, cancelling: false } });
    const off = onEvent('job.progress', (progress) => {
      if (progress.jobId !== id) return;
      set((state) => (state.running?.id === id ? { running: { ...state.running, progress } } : state));
    });
    try {
      const value = await trackSave(() => call('roster.import', { ...input, jobId: id }));
      return { kind: 'done', value };
    } catch (error) {
      const code = codeOf(error);
      return code === 'CANCELLED'
        ? { kind: 'cancelled' }
        : { kind: 'failed', code, message: messageOf(error) };
    } finally {
      off();
      set((state) => (state.running?.id === id ? { running: null } : state));
    }
  },

  async cancel() {
    const job = get().running;
    if (job === null || job.cancelling) return null;
    set({ running: { ...job, cancelling: true } });
    try {
      await call('jobs.cancel', { jobId: job.id });
      return null;
    } catch (error) {
      set((state) =>
        state.running?.id === job.id ? { running: { ...state.running, cancelling: false } } : state,
      );
      return messageOf(error);
    }
  },
}));

// Another case opened: main may still finish the old import, but this window no longer shows it.
resetOnCaseChange(() => useRosterImportJob.setState({ running: null }));
