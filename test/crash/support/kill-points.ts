import type { RunningCli } from './cli';
import { join } from 'node:path';
import { journalIsHot, largestMatching, namesMatching, pollUntil, sizeOf } from './poll';

/**
 * When to send SIGKILL: resolves true at that moment, or false when the run ended before it
 * (the run then completed, which the checks accept as one more outcome).
 */
export type KillPoint = (run: RunningCli, startedAt: number) => Promise<boolean>;

/**
 * A point chosen by time: this fraction of an uninterrupted run's measured duration. The time
 * only chooses the moment; nothing about timing is asserted.
 */
export function afterFraction(fraction: number, baselineMs: number): KillPoint {
  return async (run, startedAt) => {
    // A timer, not a busy poll: the moment needs no finer grain, and the child needs the CPU.
    const delay = Math.max(0, startedAt + fraction * baselineMs - Date.now());
    await new Promise<void>((resolve) => setTimeout(resolve, delay));
    return !run.ended();
  };
}

/** A point chosen by observed progress: the first moment `condition` holds. */
export function when(condition: () => boolean): KillPoint {
  return (run) => pollUntil(condition, run.ended);
}

/** The moment a change to the case is cut off mid-commit: its rollback journal is hot. */
export function journalHot(casePath: string): KillPoint {
  return when(() => journalIsHot(casePath));
}

/** Once the file has grown by this many bytes from its size when the point is first polled. */
export function grownBy(path: string, bytes: number): KillPoint {
  let start: number | null = null;
  return when(() => {
    const size = sizeOf(path);
    start ??= Math.max(0, size);
    return size >= start + bytes;
  });
}

/** Once a file named like `pattern` in `dir` exists with at least `bytes` in it. */
export function fileAppears(dir: string, pattern: RegExp, bytes = 0): KillPoint {
  return when(() => largestMatching(dir, pattern) >= bytes);
}

/** The usual time-chosen points of a job: early, middle, late, and one drawn at random. */
export function timePoints<P>(
  random: number,
): Record<string, (prepared: P, baselineMs: number) => KillPoint> {
  return {
    'at 20% of an uninterrupted run': (_p, ms) => afterFraction(0.2, ms),
    'at 50% of an uninterrupted run': (_p, ms) => afterFraction(0.5, ms),
    'at 85% of an uninterrupted run': (_p, ms) => afterFraction(0.85, ms),
    [`at ${Math.round(random * 100)}% (random) of an uninterrupted run`]: (_p, ms) =>
      afterFraction(random, ms),
  };
}

/** The moment a case file being created under a temporary name has a hot journal. */
export function creationJournalHot(dir: string): KillPoint {
  return when(() => namesMatching(dir, /\.creating$/).some((name) => journalIsHot(join(dir, name))));
}
