import type { JobProgress } from '../../../shared/domain/evidence';
import type { ChannelName } from '../../../shared/ipc/channel-names';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { ErrorCode } from '../../../shared/ipc/errors';
import type { JobLane } from './job-lanes';

/** What a job is, as main names it in its `job.progress` events. */
type JobKind = JobProgress['job'];

/** The channels that run a long job: their input carries the job id the progress events name. */
export type JobChannel = {
  [C in ChannelName]: ChannelInput<C> extends { jobId: string } ? C : never;
}[ChannelName];

/** A long job to start: which channel with which input (the runner adds the job id). */
export interface JobRequest<C extends JobChannel> {
  lane: JobLane;
  kind: JobKind;
  /** What the progress panel says it is doing: "Adding 3 paths", "Exporting the case bundle". */
  label: string;
  channel: C;
  input: Omit<ChannelInput<C>, 'jobId'>;
  /** The job writes to the open case, so the top bar shows "Saving…" while it runs. */
  writes?: boolean;
  /** Called as the job starts (not when its lane is busy): the owner clears the last job's end. */
  started?: () => void;
}

/** The long job running now in a lane: what it is, and its latest progress event. */
export interface RunningJob {
  id: string;
  kind: JobKind;
  label: string;
  progress: JobProgress | null;
  cancelling: boolean;
}

/** How a long job ended: its value, a cancel, its failure, or not started because its lane was busy. */
export type JobEnd<T> =
  | { kind: 'done'; value: T }
  | { kind: 'cancelled' }
  | { kind: 'failed'; code: ErrorCode | null; message: string }
  | { kind: 'busy'; message: string };

export type JobResult<C extends JobChannel> = JobEnd<ChannelOutput<C>>;
