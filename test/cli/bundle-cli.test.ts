import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleVerification, SigningInfo } from '../../shared/domain/bundle';
import { editBundle, fileOf, firstEvidencePath, flipByte } from '../helpers/bundle-edit';
import { buildRawZip, stored } from '../helpers/raw-zip';
import { runCliAs, type CliResult } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

/*
 * `breachdesk bundle export|verify|import` and `breachdesk keys` as a user runs them (DESIGN.md §6,
 * issue #7 points 4–6): exit 0 when all is well, 2 for a bundle that fails verification or bad
 * input, one line on stderr naming what is wrong. Each "computer" has its own config folder, so
 * keys never touch the real home.
 */

const tempDir = useTempDir();

let base: string;
/** This computer's and a colleague's config folders (signing key and trusted keys). */
let mine: string;
let colleagues: string;
let demoCase: string;
let bundle: string;

function cli(args: string[], configDir = mine): CliResult {
  return runCliAs(configDir, args);
}

/** Runs and expects an exit code, showing the output when it differs. */
function expectExit(result: CliResult, status: number): CliResult {
  expect({ status: result.status, stderr: result.stderr }).toMatchObject({ status });
  return result;
}

/** Errors are one line on stderr, without a stack trace. */
function expectOneLineError(result: CliResult): void {
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'breachdesk-bundle-cli-'));
  mine = join(base, 'config-mine');
  colleagues = join(base, 'config-colleague');
  demoCase = join(base, 'demo.bdcase');
  expectExit(cli(['demo', demoCase]), 0);
  mkdirSync(join(base, 'out'));
  bundle = join(base, 'out', 'demo.zip');
  const exported = expectExit(cli(['bundle', 'export', demoCase, '-o', bundle]), 0);
  expect(exported.stdout).toContain(bundle);
}, 120_000);

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

describe('breachdesk bundle', () => {
  it('verifies the exported bundle: "VERIFIED", and --json parses', { timeout: 60_000 }, () => {
    const verified = expectExit(cli(['bundle', 'verify', bundle]), 0);
    expect(verified.stdout).toMatch(/Result\s+VERIFIED/);
    expect(verified.stdout).toMatch(/Signature\s+valid/);
    const json = JSON.parse(
      expectExit(cli(['bundle', 'verify', bundle, '--json']), 0).stdout,
    ) as BundleVerification;
    expect(json).toMatchObject({
      ok: true,
      problems: [],
      signature: { status: 'valid' },
      audit: { status: 'ok' },
    });
  });

  it('imports it as a new case that opens, and merges it into one', { timeout: 60_000 }, () => {
    const dir = tempDir();
    const copy = join(dir, 'copy.bdcase');
    const imported = expectExit(cli(['bundle', 'import', bundle, '-o', copy]), 0);
    expect(imported.stdout).toContain(copy);
    expect(readFileSync(copy).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    const original = JSON.parse(expectExit(cli(['show', demoCase, '--json']), 0).stdout) as {
      record: { id: string; title: string };
    };
    const shown = expectExit(cli(['show', copy]), 0);
    expect(shown.stdout).toContain(original.record.title);
    const shownJson = JSON.parse(expectExit(cli(['show', copy, '--json']), 0).stdout) as {
      record: { id: string };
    };
    expect(shownJson.record.id).toBe(original.record.id);
    // Importing onto an existing file is refused without --force.
    expectOneLineError(expectExit(cli(['bundle', 'import', bundle, '-o', copy]), 2));

    const merged = expectExit(cli(['bundle', 'import', bundle, '--into', copy, '--json']), 0);
    const result = JSON.parse(merged.stdout) as { added: Record<string, number>; conflicts: unknown[] };
    expect(result.added).toEqual({ event: 0, party: 0, task: 0, note: 0, evidence: 0 });
    expect(result.conflicts).toEqual([]);
    // Usage errors: both targets, or none.
    expect(cli(['bundle', 'import', bundle, '--into', copy, '-o', join(dir, 'x.bdcase')]).status).toBe(1);
    expect(cli(['bundle', 'import', bundle]).status).toBe(1);
  });

  it(
    'a damaged bundle: verify exits 2 naming the file, import exits 2 and writes nothing',
    { timeout: 60_000 },
    async () => {
      const dir = tempDir();
      let damagedFile = '';
      const damaged = await editBundle(bundle, join(dir, 'damaged.zip'), (b) => {
        damagedFile = firstEvidencePath(b);
        b.files.set(damagedFile, flipByte(fileOf(b, damagedFile)));
      });
      const verified = expectExit(cli(['bundle', 'verify', damaged]), 2);
      expect(verified.stdout).toMatch(/Result\s+FAILED \(1 problem\)/);
      expect(verified.stdout).toContain(`checksum  ${damagedFile}`);
      const json = JSON.parse(
        expectExit(cli(['bundle', 'verify', damaged, '--json']), 2).stdout,
      ) as BundleVerification;
      expect(json.problems).toEqual([expect.objectContaining({ code: 'checksum', path: damagedFile })]);

      const out = join(dir, 'out');
      mkdirSync(out);
      const imported = expectExit(cli(['bundle', 'import', damaged, '-o', join(out, 'new.bdcase')]), 2);
      expectOneLineError(imported);
      expect(imported.stderr).toContain(damagedFile);
      expect(readdirSync(out)).toEqual([]);
    },
  );

  it('a hostile zip: verify and import exit 2 naming the entry, nothing written', { timeout: 60_000 }, () => {
    const dir = tempDir();
    const hostile = join(dir, 'hostile.zip');
    writeFileSync(
      hostile,
      buildRawZip([stored('bag/bagit.txt', 'x'), stored('bag/../../evil.txt', 'pwned')]),
    );
    const verified = expectExit(cli(['bundle', 'verify', hostile]), 2);
    expect(verified.stdout).toContain('bag/../../evil.txt');
    const out = join(dir, 'out');
    mkdirSync(out);
    const imported = expectExit(cli(['bundle', 'import', hostile, '-o', join(out, 'new.bdcase')]), 2);
    expectOneLineError(imported);
    expect(imported.stderr).toContain('"bag/../../evil.txt"');
    expect(readdirSync(out)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['hostile.zip', 'out']);
  });
});

describe('breachdesk keys', () => {
  it('lists this computer’s key and the trusted keys', { timeout: 60_000 }, () => {
    const listed = expectExit(cli(['keys', 'list']), 0);
    expect(listed.stdout).toMatch(/^This computer: SHA256:/);
    expect(listed.stdout).toContain('Trusted keys:');
    expect(listed.stdout).toContain('(this computer)');
    const info = JSON.parse(expectExit(cli(['keys', 'list', '--json']), 0).stdout) as SigningInfo;
    expect(info.own).not.toBeNull();
    expect(info.trusted.map((k) => k.own)).toEqual([true]);
  });

  it('refuses to trust something that is not a public key (exit 2)', { timeout: 60_000 }, () => {
    for (const bad of ['not-a-key', 'AAAA', `${'A'.repeat(43)}`]) {
      const trusted = expectExit(cli(['keys', 'trust', bad, '--label', 'Nobody']), 2);
      expectOneLineError(trusted);
      expect(trusted.stderr).toMatch(/not an Ed25519 public key/i);
    }
    const info = JSON.parse(expectExit(cli(['keys', 'list', '--json']), 0).stdout) as SigningInfo;
    expect(info.trusted).toHaveLength(1);
  });

  it(
    'an unknown signer fails verify and import (exit 2) until "keys trust", then both pass',
    { timeout: 120_000 },
    () => {
      const dir = tempDir();
      // The colleague exports the same case on their computer, with their own key.
      const theirs = join(dir, 'colleague.zip');
      expectExit(cli(['bundle', 'export', demoCase, '-o', theirs], colleagues), 0);
      const colleague = JSON.parse(
        expectExit(cli(['keys', 'list', '--json'], colleagues), 0).stdout,
      ) as SigningInfo;
      const publicKey = colleague.own?.publicKey ?? '';
      expect(publicKey).not.toBe('');

      const refused = expectExit(cli(['bundle', 'verify', theirs]), 2);
      expect(refused.stdout).toContain('untrusted key');
      expect(refused.stdout).toContain(colleague.own?.fingerprint ?? '?');
      const out = join(dir, 'out');
      mkdirSync(out);
      const target = join(out, 'theirs.bdcase');
      expectOneLineError(expectExit(cli(['bundle', 'import', theirs, '-o', target]), 2));
      expect(readdirSync(out)).toEqual([]);

      const trusted = expectExit(cli(['keys', 'trust', publicKey, '--label', 'A. Colleague']), 0);
      expect(trusted.stdout).toContain('A. Colleague');
      const verified = expectExit(cli(['bundle', 'verify', theirs]), 0);
      expect(verified.stdout).toMatch(/Signature\s+valid, signed by A\. Colleague/);
      expectExit(cli(['bundle', 'import', theirs, '-o', target]), 0);
      expect(readdirSync(out)).toEqual(['theirs.bdcase']);
      expectExit(cli(['show', target]), 0);
    },
  );
});
