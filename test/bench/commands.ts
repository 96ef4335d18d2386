import { execFileSync, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const MIB = 1024 * 1024;
export const CLI = fileURLToPath(new URL('../../dist/node/cli.cjs', import.meta.url));

/**
 * Writes everything dirty to disk first, so one measurement does not pay for the write-back of
 * what the previous one (or the test's own file generation) left in the page cache.
 */
export function settle(): void {
  execFileSync('sync');
}

/**
 * `breachdesk init` of a bench case: plaintext (the explicit choice the CLI asks for), or
 * encrypted with the first line of `passphraseFile`.
 */
export function initCase(path: string, env: NodeJS.ProcessEnv = process.env, passphraseFile?: string): void {
  const key = passphraseFile === undefined ? ['--plaintext'] : ['--passphrase-file', passphraseFile];
  execFileSync(process.execPath, [CLI, 'init', path, '--title', 'Bench', '--org', 'Bench', ...key], { env });
}

/**
 * Wall seconds, peak RSS (MiB) and CPU seconds (user + system, all threads) of a command, by GNU
 * time. CPU time says what the work cost when other programs share the cores and stretch the wall time.
 */
export function timed(
  command: string[],
  env: NodeJS.ProcessEnv = process.env,
): { seconds: number; peakMiB: number; cpuSeconds: number } {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', ...command], { encoding: 'utf8', env });
  if (result.status !== 0) throw new Error(result.stderr);
  const [seconds, kib, user, system] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { seconds: seconds!, peakMiB: kib! / 1024, cpuSeconds: user! + system! };
}

/** Writes `mib` pieces of 1 MiB, each made by `piece(i)`. */
export async function writeFile(path: string, mib: number, piece: (i: number) => Buffer): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < mib; i += 1) if (!out.write(piece(i))) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** Incompressible-looking 1 MiB pieces, different for every i, cheap to make. */
export function pseudoRandomPiece(seed: Buffer): (i: number) => Buffer {
  return (i) => {
    for (let j = 0; j < MIB; j += 4)
      seed.writeUInt32LE((Math.imul(i + 1, 2654435761) ^ Math.imul(j, 40503)) >>> 0, j);
    return seed;
  };
}

export function mbps(bytes: number, seconds: number): number {
  return bytes / 1e6 / seconds;
}
