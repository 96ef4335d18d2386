import type { JobProgress } from '../../shared/domain/evidence';
import { BreachdeskError } from '../../shared/ipc/errors';
import type { EventSink } from './events';

type JobKind = JobProgress['job'];
export type ProgressUpdate = Omit<JobProgress, 'jobId' | 'job' | 'bytesPerSecond' | 'secondsLeft'>;

/** Progress events go out at most this often; a person cannot read faster. */
const PROGRESS_INTERVAL_MS = 200;

/** A long job (intake, verify, export): its cancel signal and its throttled progress reports. */
export class Job {
  readonly #controller = new AbortController();
  readonly #started = performance.now();
  #lastSent = -Infinity;

  constructor(
    readonly id: string,
    readonly kind: JobKind,
    private readonly events: EventSink,
    private readonly intervalMs = PROGRESS_INTERVAL_MS,
  ) {}

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get cancelled(): boolean {
    return this.#controller.signal.aborted;
  }

  cancel(): void {
    this.#controller.abort();
  }

  /** Throws CANCELLED once a person has asked to stop; long loops call this between steps. */
  throwIfCancelled(message: string): void {
    if (this.cancelled) throw new BreachdeskError('CANCELLED', message);
  }

  report(update: ProgressUpdate, force = false): void {
    const now = performance.now();
    if (!force && now - this.#lastSent < this.intervalMs) return;
    this.#lastSent = now;
    const seconds = (now - this.#started) / 1000;
    const bytesPerSecond = seconds > 0 ? update.doneBytes / seconds : 0;
    const known = seconds >= 0.5 && bytesPerSecond > 0;
    this.events.emit('job.progress', {
      jobId: this.id,
      job: this.kind,
      ...update,
      bytesPerSecond,
      secondsLeft: known ? Math.max(0, (update.totalBytes - update.doneBytes) / bytesPerSecond) : null,
    });
  }
}

const running = new Map<string, Job>();

/** Runs a long job under a caller-chosen id, so the caller can follow and cancel it. */
export async function runJob<T>(
  jobId: string,
  kind: JobKind,
  events: EventSink,
  work: (job: Job) => Promise<T>,
): Promise<T> {
  if (running.has(jobId))
    throw new BreachdeskError('ALREADY_EXISTS', 'A job with this id is already running.');
  const job = new Job(jobId, kind, events);
  running.set(jobId, job);
  try {
    return await work(job);
  } finally {
    running.delete(jobId);
  }
}

/** Asks a running job to stop; false when no such job runs (it may have just finished). */
export function cancelJob(jobId: string): boolean {
  const job = running.get(jobId);
  if (job === undefined) return false;
  job.cancel();
  return true;
}
