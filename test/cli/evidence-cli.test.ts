import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { withRawDb } from '../helpers/raw-db';
import { CLI_LAUNCHER, runCli } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const MIB = 1024 * 1024;

function init(dir: string): string {
  const path = join(dir, 'case.bdcase');
  expect(
    runCli(['init', path, '--title', 'Partner API exposure', '--org', 'Sonora Streaming AB', '--plaintext'])
      .status,
  ).toBe(0);
  return path;
}

/** A file of `mib` MiB of random bytes, written in pieces so the test itself stays small. */
async function bigFile(path: string, mib: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  for (let i = 0; i < mib; i += 1) {
    const piece = randomBytes(MIB);
    hash.update(piece);
    if (!out.write(piece)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return hash.digest('hex');
}

describe('breachdesk evidence', () => {
  it('adds, lists and exports evidence; verify re-reads it', () => {
    const dir = tempDir();
    const path = init(dir);
    const log = join(dir, 'access.log');
    writeFileSync(log, 'line one\nline two mentions quokka\n');
    const sha = createHash('sha256').update(readFileSync(log)).digest('hex');

    const added = runCli([
      'evidence',
      'add',
      path,
      log,
      '--source',
      'SIEM',
      '--collected-by',
      'J. Doe',
      '--json',
    ]);
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    const result = JSON.parse(added.stdout) as {
      added: { id: string; sha256: string; source: string; collectedBy: string }[];
    };
    const item = result.added[0]!;
    expect(item).toMatchObject({ sha256: sha, source: 'SIEM', collectedBy: 'J. Doe' });

    const listed = runCli(['evidence', 'list', path]);
    expect(listed.stdout).toBe(`${item.id}  ${String(34).padStart(12)}  ${sha}  access.log\n`);
    const json = JSON.parse(runCli(['evidence', 'list', path, '--json']).stdout) as unknown[];
    expect(json).toHaveLength(1);

    const target = join(dir, 'out.log');
    const exported = runCli(['evidence', 'export', path, item.id, '-o', target]);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain(sha);
    expect(readFileSync(target, 'utf8')).toBe('line one\nline two mentions quokka\n');
    expect(runCli(['evidence', 'export', path, item.id, '-o', target]).status).toBe(2);
    expect(runCli(['evidence', 'export', path, item.id]).status).toBe(1);

    const search = runCli(['search', path, 'quokka']);
    expect(search.stdout).toContain('access.log');

    const verified = runCli(['verify', path]);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toContain('Evidence: ok (1 items, 34 bytes re-read)');
  });

  it('verify exits 2 and names the item when a stored chunk was altered', () => {
    const dir = tempDir();
    const path = init(dir);
    const file = join(dir, 'capture.bin');
    writeFileSync(file, randomBytes(3 * MIB));
    expect(runCli(['evidence', 'add', path, file]).status).toBe(0);
    withRawDb(path, (db) => {
      db.prepare('UPDATE blob_chunks SET bytes = zeroblob(length(bytes)) WHERE seq = 2').run();
    });
    const verified = runCli(['verify', path, '--json']);
    expect(verified.status).toBe(2);
    const report = JSON.parse(verified.stdout) as { ok: boolean; evidence: { failed: { name: string }[] } };
    expect(report.ok).toBe(false);
    expect(report.evidence.failed.map((f) => f.name)).toEqual(['capture.bin']);
  });

  it('a process killed in the middle of an intake leaves no item, and the file verifies', async () => {
    const dir = tempDir();
    const path = init(dir);
    const source = join(dir, 'big.bin');
    await bigFile(source, 768);
    const before = statSync(path).size;
    const child = spawn(process.execPath, [CLI_LAUNCHER, 'evidence', 'add', path, source], {
      stdio: 'ignore',
    });
    // Kill it once chunks are being committed (the case file grows), well before the end.
    const deadline = Date.now() + 60_000;
    while (statSync(path).size < before + 64 * MIB && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(child.exitCode).toBeNull();
    child.kill('SIGKILL');
    await once(child, 'exit');
    expect(statSync(path).size).toBeLessThan(before + 700 * MIB);

    const verified = runCli(['verify', path]);
    expect(verified.stdout).toContain('Evidence: ok (0 items, 0 bytes re-read)');
    expect(verified.status).toBe(0);
    expect(runCli(['evidence', 'list', path]).stdout).toBe('No evidence yet.\n');
    withRawDb(path, (db) => {
      expect(db.prepare('SELECT count(*) AS n FROM blob_chunks').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM blobs').get()).toEqual({ n: 0 });
      const last = db.prepare('SELECT action FROM audit_log ORDER BY seq DESC LIMIT 2').all();
      expect(last).toContainEqual({ action: 'evidence.intake_abandoned' });
    });
  }, 120_000);
});
