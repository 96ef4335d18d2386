import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LAUNCHER = fileURLToPath(new URL('../../../main/cli/breachdesk.cjs', import.meta.url));

/** The passphrase of every case file the crash tier writes. */
export const CRASH_PASSPHRASE = 'crash tier passphrase';

/** One test's world: its folder, and the environment every CLI run in it gets. */
export interface Sandbox {
  dir: string;
  /** The subprocesses' os.tmpdir(), so what they leave there is seen (and only theirs). */
  tmp: string;
  env: NodeJS.ProcessEnv;
}

export function sandboxIn(dir: string): Sandbox {
  const tmp = join(dir, 'tmp');
  const config = join(dir, 'config');
  mkdirSync(tmp, { recursive: true });
  mkdirSync(config, { recursive: true });
  return {
    dir,
    tmp,
    env: {
      ...process.env,
      BREACHDESK_ACTOR: 'crash tester',
      BREACHDESK_CONFIG_DIR: config,
      // Every case the tier makes is encrypted, as real ones are by default.
      BREACHDESK_PASSPHRASE: CRASH_PASSPHRASE,
      TMPDIR: tmp,
      TMP: tmp,
      TEMP: tmp,
    },
  };
}

export interface CliOutcome {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A CLI run in progress, to be killed or waited for. */
export interface RunningCli {
  child: ChildProcess;
  /** Whether the process has ended (by itself or killed). */
  ended: () => boolean;
  outcome: Promise<CliOutcome>;
}

export function startCli(sandbox: Sandbox, args: readonly string[]): RunningCli {
  const child = spawn(process.execPath, [LAUNCHER, ...args], {
    env: sandbox.env,
    cwd: sandbox.dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let ended = false;
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const outcome = new Promise<CliOutcome>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => {
      ended = true;
      resolve({ status, signal, stdout, stderr });
    });
  });
  // 'exit' comes before the pipes close: the polls stop as soon as the process is gone.
  child.on('exit', () => (ended = true));
  return { child, ended: () => ended, outcome };
}

/** Runs the CLI to its end. */
export function runCli(sandbox: Sandbox, args: readonly string[]): Promise<CliOutcome> {
  return startCli(sandbox, args).outcome;
}

/** Runs the CLI and fails with its stderr unless it exits 0. */
export async function runCliOk(sandbox: Sandbox, args: readonly string[]): Promise<CliOutcome> {
  const result = await runCli(sandbox, args);
  if (result.status !== 0) {
    throw new Error(`breachdesk ${args.join(' ')} exited ${String(result.status)}: ${result.stderr}`);
  }
  return result;
}
