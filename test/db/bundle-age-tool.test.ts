import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFile } from '../../main/casefile/case-file';
import { importBundle } from '../../main/services/bundles/read/import-bundle';
import type { SigningKeys } from '../../main/services/bundles/signing/signing-keys';
import { exportTo, keysIn } from '../helpers/bundles';
import { makeCase, testContext } from '../helpers/cases';
import { intake, newJob, writeEvidenceFile } from '../helpers/evidence';
import { useSharedTempDir } from '../helpers/temp-dir';

/*
 * The independent oracle for the bundle envelope (issue 16 item 6): Debian's age command (the Go
 * reference implementation) opens what Breachdesk seals, Info-ZIP's unzip checks the zip inside,
 * and Breachdesk imports what age seals. age reads a passphrase only from a terminal, so it is
 * typed through script(1), which gives it one.
 */

const PASSPHRASE = 'quartz-meadow-harbour-71';
const sharedDir = useSharedTempDir();
const ctx = testContext();
let dir: string;
let file: CaseFile;
let keys: SigningKeys;

beforeAll(async () => {
  dir = sharedDir();
  keys = keysIn(dir);
  file = makeCase(dir);
  await intake(file, ctx, [writeEvidenceFile(dir, 'notes.txt', 'Seen on the partner API.\n')]);
}, 60_000);

afterAll(() => file.close());

/** age run at a terminal: `typed` is what a person types at its prompts. */
function ageAtTerminal(args: string[], typed: string): void {
  const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;
  execFileSync('script', ['-qec', ['age', ...args].map(quote).join(' '), '/dev/null'], {
    input: typed,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
}

/** Info-ZIP's own test of every entry's CRC. */
function unzipTest(zip: string): string {
  return execFileSync('unzip', ['-t', zip], { encoding: 'utf8' });
}

describe('age (the command line) opens what Breachdesk seals', () => {
  it('to recipients: an age-keygen key, and this installation\u2019s identity file as it is', async () => {
    const keyFile = join(dir, 'colleague-key.txt');
    execFileSync('age-keygen', ['-o', keyFile], { stdio: 'ignore' });
    const theirs = /^# public key: (age1\S+)$/m.exec(readFileSync(keyFile, 'utf8'))?.[1] ?? '';
    const { path } = await exportTo(file, ctx, keys, join(dir, 'to-recipients.zip'), {
      envelope: { kind: 'recipients', recipients: [theirs, await keys.age.ensure()] },
    });
    const byThem = join(dir, 'by-colleague.zip');
    execFileSync('age', ['-d', '-i', keyFile, '-o', byThem, path]);
    expect(unzipTest(byThem)).toContain('No errors detected');
    const byUs = join(dir, 'by-installation.zip');
    execFileSync('age', ['-d', '-i', join(dir, 'config', 'age-identity.txt'), '-o', byUs, path]);
    expect(readFileSync(byUs).equals(readFileSync(byThem))).toBe(true);
    // Someone else's key opens nothing.
    const strangerKey = join(dir, 'stranger-key.txt');
    execFileSync('age-keygen', ['-o', strangerKey], { stdio: 'ignore' });
    expect(() =>
      execFileSync('age', ['-d', '-i', strangerKey, '-o', join(dir, 'x.zip'), path], { stdio: 'ignore' }),
    ).toThrow();
  });

  it('to a passphrase, typed at age\u2019s prompt', { timeout: 60_000 }, async () => {
    const { path } = await exportTo(file, ctx, keys, join(dir, 'to-passphrase.zip'), {
      envelope: { kind: 'passphrase', passphrase: PASSPHRASE },
    });
    const out = join(dir, 'by-passphrase.zip');
    ageAtTerminal(['-d', '-o', out, path], `${PASSPHRASE}\n`);
    expect(unzipTest(out)).toContain('No errors detected');
    expect(() => ageAtTerminal(['-d', '-o', join(dir, 'wrong.zip'), path], 'not it\n')).toThrow();
  });
});

describe('Breachdesk opens what age seals', () => {
  let plain: string;
  beforeAll(async () => {
    plain = (await exportTo(file, ctx, keys, join(dir, 'plain.zip'))).path;
  }, 60_000);

  it('age -r with this installation\u2019s recipient', { timeout: 60_000 }, async () => {
    const sealed = join(dir, 'by-age-r.zip.age');
    execFileSync('age', ['-r', await keys.age.ensure(), '-o', sealed, plain]);
    const result = await importBundle(
      sealed,
      { target: join(dir, 'from-age-r.bdcase'), overwrite: false, passphrase: null },
      ctx,
      newJob('bundle-import'),
      keys,
    );
    expect(result.verification).toMatchObject({ ok: true, envelope: 'recipients' });
  });

  it('age -p with a passphrase typed twice', { timeout: 60_000 }, async () => {
    const sealed = join(dir, 'by-age-p.zip.age');
    ageAtTerminal(['-p', '-o', sealed, plain], `${PASSPHRASE}\n${PASSPHRASE}\n`);
    const result = await importBundle(
      sealed,
      {
        target: join(dir, 'from-age-p.bdcase'),
        overwrite: false,
        bundlePassphrase: PASSPHRASE,
        passphrase: null,
      },
      ctx,
      newJob('bundle-import'),
      keys,
    );
    expect(result.verification).toMatchObject({ ok: true, envelope: 'passphrase' });
  });
});
