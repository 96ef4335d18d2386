import { performance } from 'node:perf_hooks';

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

export function median(values: number[]): number {
  return quantile(values, 0.5);
}

/** Wall times in milliseconds of `runs` runs of fn. */
export function timesMs(runs: number, fn: (run: number) => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn(i);
    times.push(performance.now() - start);
  }
  return times;
}

/** Median wall time in milliseconds over `runs` runs of fn. */
export function medianMs(runs: number, fn: () => void): number {
  return median(timesMs(runs, fn));
}

export function describeTimes(times: number[]): string {
  return `median ${median(times).toFixed(2)} ms, p95 ${quantile(times, 0.95).toFixed(2)} ms`;
}
