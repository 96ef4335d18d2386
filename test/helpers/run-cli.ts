import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI_LAUNCHER = fileURLToPath(new URL('../../main/cli/breachdesk.cjs', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `breachdesk ARGS…` as a subprocess on this Node, with a fixed actor name. */
export function runCli(args: string[], nodeBinary = process.execPath): CliResult {
  const result = spawnSync(nodeBinary, [CLI_LAUNCHER, ...args], {
    encoding: 'utf8',
    env: { ...process.env, BREACHDESK_ACTOR: 'cli tester' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
