import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { median } from './stats';

/** Prints rows of figures as an aligned table under a title, with notes below it. */
export function printTable(title: string, rows: Record<string, string>[], notes: string[] = []): void {
  const columns = Object.keys(rows[0] ?? {});
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const body = rows.map((row) => line(columns.map((c) => row[c] ?? '')));
  console.log([`\n${title}`, line(columns), ...body, ...notes].join('\n'));
}

/** How much longer `time` is than `base`, in per cent: "+9.9 %". */
export function overhead(time: number, base: number): string {
  const percent = (time / base - 1) * 100;
  return `${percent >= 0 ? '+' : ''}${percent.toFixed(1)} %`;
}

/** Wall and CPU seconds of one measurement. */
export interface Sample {
  wall: number;
  /** User + system time of this process (all its threads), or of a command (by GNU time). */
  cpu: number;
}

/** Measures fn in this process. */
export function measure(fn: () => void): Sample {
  const cpu = process.cpuUsage();
  const start = performance.now();
  fn();
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6 };
}

export const medianWall = (samples: Sample[]) => median(samples.map((sample) => sample.wall));
export const medianCpu = (samples: Sample[]) => median(samples.map((sample) => sample.cpu));

/** "9.02 s (CPU 7.10 s)": the wall time, and the CPU time that programs sharing the cores do not stretch. */
export function wallAndCpu(samples: Sample[]): string {
  return `${medianWall(samples).toFixed(2)} s (CPU ${medianCpu(samples).toFixed(2)} s)`;
}

/** Overhead over `base` in wall time, then in CPU time: "+9.9 % (CPU +4.0 %)". */
export function overheads(samples: Sample[], base: Sample[]): string {
  const wall = overhead(medianWall(samples), medianWall(base));
  return `${wall} (CPU ${overhead(medianCpu(samples), medianCpu(base))})`;
}

/** Other programs on the same cores stretch every wall time: say how busy the machine was. */
export function loadNote(): string {
  const load = loadavg()[0] ?? 0;
  return `(load average over the last minute: ${load.toFixed(1)} on ${availableParallelism()} cores)`;
}

/** The items in turn: as given on even runs, reversed on odd ones, so drift favours none. */
export function inTurn<T>(run: number, items: readonly T[]): T[] {
  return run % 2 === 0 ? [...items] : [...items].reverse();
}
