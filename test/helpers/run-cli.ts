import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI_LAUNCHER = fileURLToPath(new URL('../../main/cli/breachdesk.cjs', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `breachdesk ARGS…` as a subprocess on this Node, with a fixed actor name. */
export function runCli(
  args: string[],
  nodeBinary = process.execPath,
  env: NodeJS.ProcessEnv = {},
): CliResult {
  const result = spawnSync(nodeBinary, [CLI_LAUNCHER, ...args], {
    encoding: 'utf8',
    env: { ...withoutPassphrase(process.env), BREACHDESK_ACTOR: 'cli tester', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A passphrase in the test runner's own environment must not leak into the runs it checks. */
function withoutPassphrase(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.BREACHDESK_PASSPHRASE;
  return copy;
}

/** The passphrase of the cases CLI tests write through imports (the default: encrypted). */
export const CLI_TEST_PASSPHRASE = 'passphrase of the imported cases';

/**
 * Runs the CLI as one installation: its own config folder (signing key, trusted keys, age
 * identity), with CLI_TEST_PASSPHRASE for the case files it opens and writes.
 */
export function runCliAs(configDir: string, args: string[]): CliResult {
  return runCli(args, process.execPath, {
    BREACHDESK_CONFIG_DIR: configDir,
    BREACHDESK_PASSPHRASE: CLI_TEST_PASSPHRASE,
  });
}
