import { create } from 'zustand';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { call, codeOf, messageOf, onEvent } from '../api/client';
import { trackSave } from '../lib/track-save';
import { newJobId } from './job-id';
import { JOB_LANES, type JobLane } from './job-lanes';
import type { JobChannel, JobRequest, JobResult, RunningJob } from './job-types';

interface JobState {
  /** The job running in each lane; a lane with none is absent. */
  running: Partial<Record<JobLane, RunningJob>>;
  /**
   * Starts a job on its channel with a fresh job id, follows its `job.progress` events while the
   * call runs, and resolves how it ended. It never rejects.
   */
  run: <C extends JobChannel>(request: JobRequest<C>) => Promise<JobResult<C>>;
  /**
   * Asks main to stop the lane's job, once: it shows as cancelling until it ends. Resolves null,
   * or the sentence saying why the request failed (the job then shows as running again).
   */
  cancel: (lane: JobLane) => Promise<string | null>;
  /** Forgets the lane's job (another case was opened): main may still finish it, unseen. */
  release: (lane: JobLane) => void;
}

/** The one runner of every long job (evidence, bundles, and whatever comes with a lane). */
export const useJobStore = create<JobState>()((set, get) => {
  function update(lane: JobLane, id: string, change: Partial<RunningJob>): void {
    set((state) => {
      const job = state.running[lane];
      return job?.id === id ? { running: { ...state.running, [lane]: { ...job, ...change } } } : state;
    });
  }

  function clear(lane: JobLane, id: string): void {
    set((state) => {
      if (state.running[lane]?.id !== id) return state;
      const running = { ...state.running };
      delete running[lane];
      return { running };
    });
  }

  return {
    running: {},

    async run<C extends JobChannel>(request: JobRequest<C>): Promise<JobResult<C>> {
      const { lane, kind, label, channel, writes = false } = request;
      if (get().running[lane] !== undefined) return { kind: 'busy', message: JOB_LANES[lane].busy };
      const id = newJobId();
      set((state) => ({
        running: { ...state.running, [lane]: { id, kind, label, progress: null, cancelling: false } },
      }));
      request.started?.();
      const off = onEvent('job.progress', (progress) => {
        if (progress.jobId === id) update(lane, id, { progress });
      });
      // The contract cannot see that adding the job id completes the input; the channel checks it.
      const input = { ...request.input, jobId: id } as ChannelInput<C>;
      try {
        const value = await (writes ? trackSave(() => call(channel, input)) : call(channel, input));
        return { kind: 'done', value };
      } catch (error) {
        const code = codeOf(error);
        return code === 'CANCELLED'
          ? { kind: 'cancelled' }
          : { kind: 'failed', code, message: messageOf(error) };
      } finally {
        off();
        clear(lane, id);
      }
    },

    async cancel(lane) {
      const job = get().running[lane];
      if (job === undefined || job.cancelling) return null;
      update(lane, job.id, { cancelling: true });
      try {
        await call('jobs.cancel', { jobId: job.id });
        return null;
      } catch (error) {
        if (get().running[lane]?.id !== job.id) return null;
        update(lane, job.id, { cancelling: false });
        return messageOf(error);
      }
    },

    release(lane) {
      const job = get().running[lane];
      if (job !== undefined) clear(lane, job.id);
    },
  };
});

/** The job running in a lane, or null: for components and the stores that own the lane. */
export function useRunningJob(lane: JobLane): RunningJob | null {
  return useJobStore((state) => state.running[lane] ?? null);
}
