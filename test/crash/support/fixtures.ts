import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCliOk, sandboxIn, type Sandbox } from './cli';

const MIB = 1024 * 1024;

/** Sizes for the tier: big enough that a kill lands inside a long write, small enough for CI. */
export const EVIDENCE_MIB = 24;

/**
 * A file of `mib` MiB of random bytes (incompressible, like most evidence), made once per test
 * file under `shared`; returns its path and SHA-256.
 */
export function bigFile(shared: string, name: string, mib: number): { path: string; sha256: string } {
  const path = join(shared, name);
  const hash = createHash('sha256');
  if (!existsSync(path)) {
    const parts: Buffer[] = [];
    for (let i = 0; i < mib; i += 1) parts.push(randomBytes(MIB));
    const bytes = Buffer.concat(parts);
    writeFileSync(path, bytes);
    writeFileSync(`${path}.sha256`, hash.update(bytes).digest('hex'));
  }
  return { path, sha256: readFileSync(`${path}.sha256`, 'utf8') };
}

/**
 * Gives the sandbox the builder's signing key (and its trust in it), as a person importing on
 * the computer that exported: bundles the builder signed then verify there.
 */
export function shareKeys(shared: string, sandbox: Sandbox): void {
  cpSync(join(shared, 'builder', 'config'), sandbox.env.BREACHDESK_CONFIG_DIR ?? '', { recursive: true });
}

/** The sandbox that builds the shared inputs (its own config folder and temporary folder). */
export function builder(shared: string): Sandbox {
  return sandboxIn(join(shared, 'builder'));
}

/**
 * A case file made once under `shared` by `build` (through the CLI), copied into `dir` for each
 * run so every kill point starts from the same bytes.
 */
export async function caseFrom(
  shared: string,
  name: string,
  dir: string,
  build: (sandbox: Sandbox, path: string) => Promise<void>,
): Promise<string> {
  const template = join(shared, name);
  if (!existsSync(template)) await build(builder(shared), template);
  mkdirSync(dir, { recursive: true });
  const copy = join(dir, name);
  copyFileSync(template, copy);
  return copy;
}

/** An empty case: `breachdesk init`. */
export async function initCase(sandbox: Sandbox, path: string): Promise<void> {
  await runCliOk(sandbox, ['init', path, '--title', 'Crash test', '--org', 'Crash Test AB']);
}

/** A case holding one big evidence file. */
export async function caseWithEvidence(sandbox: Sandbox, path: string, evidence: string): Promise<void> {
  await initCase(sandbox, path);
  await runCliOk(sandbox, ['evidence', 'add', path, evidence, '--source', 'crash tier']);
}

/**
 * A case with one timeline event and one big evidence file, and a bundle of it signed by the
 * builder's key: the input of the import and merge jobs (made once under `shared`).
 */
export async function sharedBundle(
  shared: string,
): Promise<{ zip: string; evidence: { path: string; sha256: string } }> {
  const evidence = bigFile(shared, 'evidence.bin', EVIDENCE_MIB);
  const zip = join(shared, 'bundle.zip');
  if (!existsSync(zip)) {
    const sandbox = builder(shared);
    const source = join(shared, 'source.bdcase');
    await caseWithEvidence(sandbox, source, evidence.path);
    await runCliOk(sandbox, [
      'event',
      'add',
      source,
      '--at',
      '2020-11-12 18:40',
      '--zone',
      'Europe/Stockholm',
      '--title',
      'Hotfix deployed',
    ]);
    await runCliOk(sandbox, ['bundle', 'export', source, '-o', zip]);
  }
  return { zip, evidence };
}
