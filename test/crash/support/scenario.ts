/**
 * The crash tier (DESIGN.md §8 and §9): every long write survives `kill -9` at any moment.
 *
 * Each `test/crash/*.crash.test.ts` file is one job family run through the built CLI in a
 * subprocess: evidence add, bundle export, bundle import (new case) and merge (--into), facts
 * import and the events/populations CSV imports (`breachdesk api`), verify, the schema upgrade
 * on open (with its VACUUM INTO backup), init and demo, evidence export and letter render,
 * case encrypt and rekey, bundles sealed in an age envelope, and a signed rule pack's install. The cases are encrypted (the
 * default), and no-plaintext.crash.test.ts checks that nothing of them is left in clear.
 *
 * For each job: one uninterrupted baseline run (measured only to place the time-chosen points),
 * then one test per kill point, each in its own temporary folder with a fixed BREACHDESK_ACTOR,
 * its own BREACHDESK_CONFIG_DIR and its own TMPDIR. Kill points are chosen by time (20%, 50%,
 * 85% and one random fraction of the baseline) and by observed progress, polled on every
 * event-loop turn and bounded: the case's `-journal` turning hot, the case file growing, a
 * temporary file appearing (or half written) beside the target or in the temporary folder, the
 * target appearing. A point the job outran checks a completed run instead. Timings are never
 * asserted.
 *
 * After the kill: an independent SQLite finds the file as left sound (oracle.ts),
 * `breachdesk verify` exits 0, no journal stays beside the case, the job's own promise holds (an
 * item or an import is whole or absent, an output at its name is complete), the next run of the
 * command completes, and no unexpected, partial or temporary file is left in the folder or in
 * the temporary folder.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { useSharedTempDir, useTempDir } from '../../helpers/temp-dir';
import { runCli, runCliOk, sandboxIn, startCli, type CliOutcome, type Sandbox } from './cli';
import type { KillPoint } from './kill-points';
import { filesUnder, unexpectedFiles } from './leftovers';
import { integrityCheck } from './oracle';

/** One run of a job, set up in its own sandbox and ready to start. */
export interface Prepared {
  sandbox: Sandbox;
  /** The command line of the long write. */
  args: string[];
  /** Case files that must open, pass `breachdesk verify` and SQLite's integrity check afterwards (when present). */
  cases: string[];
  /** Paths (relative to the sandbox) the job may add beyond the files there before it. */
  allowed: RegExp[];
  /** What this job promises after a kill (or a completed run): e.g. the item is whole or absent. */
  check: (killed: boolean) => Promise<void>;
  /**
   * The next run of the same command, to completion (null when there is none to make, e.g. its
   * target now exists): it must clean what a killed run left.
   */
  rerun?: () => string[] | null;
}

export interface CrashJob<P extends Prepared> {
  /** Sets up one run in `sandbox`; `shared` holds inputs built once for the whole file. */
  prepare: (sandbox: Sandbox, shared: string) => Promise<P>;
  /** The kill points, by name: chosen by time (fractions of `baselineMs`) and by progress. */
  points: Record<string, (prepared: P, baselineMs: number) => KillPoint>;
}

/** A time fraction drawn once per file (named in the test title, so a failure can be rerun). */
export const RANDOM_FRACTION = Math.round((0.1 + Math.random() * 0.8) * 100) / 100;

/**
 * The tests of one job: an uninterrupted baseline run (measured, to place the time-chosen kill
 * points), then one test per kill point that starts the job, kills it with SIGKILL at that
 * point, and checks everything DESIGN.md §8 promises about the state it left.
 */
export function crashSuite<P extends Prepared>(job: CrashJob<P>): void {
  const tempDir = useTempDir();
  const sharedDir = useSharedTempDir();
  let baselineMs = 0;
  const outcomes: string[] = [];

  beforeAll(async () => {
    const shared = join(sharedDir(), 'shared');
    mkdirSync(shared, { recursive: true });
    const prepared = await job.prepare(sandboxIn(join(sharedDir(), 'baseline')), shared);
    const started = Date.now();
    const result = await runCli(prepared.sandbox, prepared.args);
    baselineMs = Date.now() - started;
    expect(result.status, result.stderr).toBe(0);
  }, 300_000);

  for (const [name, point] of Object.entries(job.points)) {
    it(`killed ${name}`, async () => {
      const sandbox = sandboxIn(tempDir());
      const prepared = await job.prepare(sandbox, join(sharedDir(), 'shared'));
      const before = filesUnder(sandbox.dir);
      const reached = point(prepared, baselineMs);
      const run = startCli(sandbox, prepared.args);
      const startedAt = Date.now();
      if (await reached(run, startedAt)) run.child.kill('SIGKILL');
      const outcome = await run.outcome;
      const killed = outcome.signal === 'SIGKILL';
      outcomes.push(`${name}: ${killed ? 'killed mid-run' : 'completed first'}`);
      await checkAfter(prepared, outcome, before, tempDir());
    });
  }

  afterAll(() => {
    // Most points must land while the job runs; one that the job outran just checks a complete run.
    process.stdout.write(`crash ${expect.getState().testPath ?? ''}\n  ${outcomes.join('\n  ')}\n`);
    if (outcomes.length > 0) expect(outcomes.some((line) => line.endsWith('killed mid-run'))).toBe(true);
  });
}

async function checkAfter(
  p: Prepared,
  outcome: CliOutcome,
  before: string[],
  scratch: string,
): Promise<void> {
  const killed = outcome.signal === 'SIGKILL';
  if (!killed) expect(outcome.status, outcome.stderr).toBe(0);
  for (const path of p.cases.filter((c) => existsSync(c))) {
    // The file as the kill left it, judged by SQLite alone (on a copy, its journal replayed).
    expect(integrityCheck(path, scratch), path).toBe('ok');
    // Then the next start: opening it recovers, and everything verifies.
    const verified = await runCli(p.sandbox, ['verify', path, '--json']);
    expect(verified.status, verified.stderr + verified.stdout).toBe(0);
    // Opening removes even a cold journal (zeroed after a commit) that the killed process left.
    expect(existsSync(`${path}-journal`), `${path}-journal after verify`).toBe(false);
    expect(integrityCheck(path, scratch), path).toBe('ok');
  }
  await p.check(killed);
  const rerun = p.rerun?.() ?? null;
  if (rerun !== null) await runCliOk(p.sandbox, rerun);
  const stray = unexpectedFiles(p.sandbox.dir, before, [...p.allowed, /^config\//]);
  expect(stray).toEqual([]);
  expect(readdirSync(p.sandbox.tmp), 'the temporary folder').toEqual([]);
}
