import { randomUUID } from 'node:crypto';
import type { JobProgress } from '../../shared/domain/evidence';
import type { EventSink } from '../ipc/host-deps';
import type { CliHost } from './cli-host';

const MIB = 1024 * 1024;

function line(p: JobProgress): string {
  const percent = p.totalBytes > 0 ? Math.floor((100 * p.doneBytes) / p.totalBytes) : 100;
  const left = p.secondsLeft === null ? '' : `, ${Math.ceil(p.secondsLeft)} s left`;
  if (p.job === 'roster-import') {
    return `${p.phase} ${p.current} ${percent}% (${p.doneItems.toLocaleString('en-US')} rows${left})`;
  }
  return `${p.phase} ${p.current} ${percent}% (${(p.doneBytes / MIB).toFixed(0)} of ${(p.totalBytes / MIB).toFixed(0)} MiB, ${(p.bytesPerSecond / MIB).toFixed(0)} MiB/s${left})`;
}

/**
 * A long job from the command line: progress on stderr when it is a terminal, and Ctrl+C asks
 * the job to stop cleanly (the service then discards what it started) instead of killing it.
 */
export class CliJob {
  readonly id = randomUUID();
  #host: CliHost | null = null;

  readonly events: EventSink = {
    emit: (event, payload) => {
      if (event !== 'job.progress' || !process.stderr.isTTY) return;
      process.stderr.write(
        `\r\u001b[2K${line(payload as JobProgress).slice(0, (process.stderr.columns || 80) - 1)}`,
      );
    },
  };

  readonly #onInterrupt = (): void => {
    process.stderr.write('\nStopping…\n');
    void this.#host?.call('jobs.cancel', { jobId: this.id });
  };

  /** Runs the job's call with Ctrl+C mapped to cancel. */
  async run<T>(host: CliHost, call: (jobId: string) => Promise<T>): Promise<T> {
    this.#host = host;
    process.on('SIGINT', this.#onInterrupt);
    try {
      return await call(this.id);
    } finally {
      process.off('SIGINT', this.#onInterrupt);
      if (process.stderr.isTTY) process.stderr.write('\r\u001b[2K');
    }
  }
}
