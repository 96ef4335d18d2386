import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleExportResult, BundleVerification, SigningInfo } from '../../shared/domain/bundle';
import { CLI_LAUNCHER, runCliAs, type CliResult } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

/*
 * `breachdesk bundle export --encrypt-to | --encrypt-passphrase-file` and `bundle verify|import`
 * of the .zip.age they write, as a user runs them (issue 16 item 6): the final name is said,
 * --bundle-passphrase-file or a no-echo prompt on a terminal opens a passphrase envelope, this
 * computer's age identity opens one sealed to it, and every refusal is one line with exit 2.
 */

const PASSPHRASE = 'juniper-cobalt-lattice-42';
const tempDir = useTempDir();

let base: string;
/** Three computers' config folders: this one, a colleague's and a stranger's. */
let mine: string;
let colleagues: string;
let strangers: string;
let caseFile: string;
let passphraseFile: string;

function cli(args: string[], configDir = mine): CliResult {
  return runCliAs(configDir, args);
}

function expectExit(result: CliResult, status: number): CliResult {
  expect({ status: result.status, stderr: result.stderr }).toMatchObject({ status });
  return result;
}

function expectOneLineError(result: CliResult, words: string | RegExp): void {
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).toMatch(words);
}

function recipientOf(configDir: string): string {
  const info = JSON.parse(expectExit(cli(['keys', 'create', '--json'], configDir), 0).stdout) as SigningInfo;
  return info.ageRecipient ?? '';
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'breachdesk-envelope-cli-'));
  mine = join(base, 'config-mine');
  colleagues = join(base, 'config-colleague');
  strangers = join(base, 'config-stranger');
  caseFile = join(base, 'case.bdcase');
  expectExit(cli(['init', caseFile, '--title', 'Partner API exposure', '--org', 'Sonora']), 0);
  passphraseFile = join(base, 'passphrase.txt');
  writeFileSync(passphraseFile, `${PASSPHRASE}\nsecond line, ignored\n`);
}, 60_000);

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

describe('breachdesk bundle export --encrypt-passphrase-file, verify and import', () => {
  let sealed = '';
  beforeAll(() => {
    const out = join(base, 'out');
    mkdirSync(out);
    const exported = expectExit(
      cli([
        'bundle',
        'export',
        caseFile,
        '-o',
        join(out, 'case.zip'),
        '--encrypt-passphrase-file',
        passphraseFile,
      ]),
      0,
    );
    sealed = join(out, 'case.zip.age');
    expect(exported.stdout).toMatch(new RegExp(`Bundle\\s+${sealed.replaceAll('.', '\\.')}\\n`));
    expect(exported.stdout).toMatch(/Encrypted\s+age envelope, to a passphrase \(scrypt\)/);
    expect(readdirSync(out)).toEqual(['case.zip.age']);
  }, 60_000);

  it(
    'verifies with --bundle-passphrase-file, and says how to give one when it is missing',
    { timeout: 60_000 },
    () => {
      const verified = expectExit(
        cli(['bundle', 'verify', sealed, '--bundle-passphrase-file', passphraseFile]),
        0,
      );
      expect(verified.stdout).toMatch(/Result\s+VERIFIED/);
      expect(verified.stdout).toMatch(/Envelope\s+age envelope, to a passphrase \(scrypt\), opened/);
      const json = JSON.parse(
        expectExit(cli(['bundle', 'verify', sealed, '--bundle-passphrase-file', passphraseFile, '--json']), 0)
          .stdout,
      ) as BundleVerification;
      expect(json).toMatchObject({ ok: true, envelope: 'passphrase', path: sealed });

      // No terminal here, so nobody can be asked.
      expectOneLineError(
        expectExit(cli(['bundle', 'verify', sealed]), 2),
        'This bundle is encrypted with a passphrase; give it with --bundle-passphrase-file FILE (its first line), or run the command at a terminal to be asked for it.',
      );
      const wrong = join(base, 'wrong.txt');
      writeFileSync(wrong, 'not the passphrase\n');
      expectOneLineError(
        expectExit(cli(['bundle', 'verify', sealed, '--bundle-passphrase-file', wrong]), 2),
        /^breachdesk: The passphrase does not open this bundle\.$/m,
      );
      // The case file's own passphrase option is another thing entirely.
      expectExit(cli(['bundle', 'verify', sealed, '--passphrase-file', passphraseFile]), 2);
    },
  );

  it('asks for the passphrase without echo on a terminal', { timeout: 60_000 }, async () => {
    const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;
    const command = [process.execPath, CLI_LAUNCHER, 'bundle', 'verify', sealed].map(quote).join(' ');
    // script(1) gives the command a terminal; the passphrase is typed once the prompt is shown.
    const terminal = spawn('script', ['-qec', command, '/dev/null'], {
      env: { ...process.env, BREACHDESK_CONFIG_DIR: mine },
    });
    let shown = '';
    terminal.stdout.setEncoding('utf8').on('data', (text: string) => {
      shown += text;
      if (text.includes('Passphrase of the bundle')) terminal.stdin.write(`${PASSPHRASE}\r`);
    });
    const status = await new Promise<number | null>((resolve) => terminal.on('close', resolve));
    expect(status).toBe(0);
    expect(shown).toMatch(/Result\s+VERIFIED/);
    expect(shown).not.toContain(PASSPHRASE);
  });

  it('imports with the passphrase; without it, writes nothing', { timeout: 60_000 }, () => {
    const dir = tempDir();
    const target = join(dir, 'copy.bdcase');
    expectOneLineError(
      expectExit(cli(['bundle', 'import', sealed, '-o', target]), 2),
      /--bundle-passphrase-file/,
    );
    expect(readdirSync(dir)).toEqual([]);
    const imported = expectExit(
      cli(['bundle', 'import', sealed, '-o', target, '--bundle-passphrase-file', passphraseFile]),
      0,
    );
    expect(imported.stdout).toContain(target);
    expect(readdirSync(dir)).toEqual(['copy.bdcase']);
    const merged = expectExit(
      cli([
        'bundle',
        'import',
        sealed,
        '--into',
        target,
        '--bundle-passphrase-file',
        passphraseFile,
        '--json',
      ]),
      0,
    );
    expect(JSON.parse(merged.stdout)).toMatchObject({ conflicts: [] });
  });

  it('writes what the age tool opens with the same passphrase', { timeout: 60_000 }, () => {
    const dir = tempDir();
    const zip = join(dir, 'case.zip');
    execFileSync('script', ['-qec', `age -d -o '${zip}' '${sealed}'`, '/dev/null'], {
      input: `${PASSPHRASE}\n`,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    expect(execFileSync('unzip', ['-t', zip], { encoding: 'utf8' })).toContain('No errors detected');
  });
});

describe('breachdesk bundle export --encrypt-to, and keys list', () => {
  it('shows this computer\u2019s age recipient once "keys create" made it', { timeout: 60_000 }, () => {
    const recipient = recipientOf(mine);
    expect(recipient).toMatch(/^age1[02-9ac-hj-np-z]{58}$/);
    expect(expectExit(cli(['keys', 'list']), 0).stdout).toContain(
      `Age recipient (colleagues seal bundles to it with --encrypt-to): ${recipient}`,
    );
    expect(readFileSync(join(mine, 'age-identity.txt'), 'utf8')).toContain(
      `# public key: ${recipient}\nAGE-SECRET-KEY-1`,
    );
  });

  it(
    'seals to several recipients: each opens it, a stranger is told it is not for them',
    { timeout: 120_000 },
    () => {
      const dir = tempDir();
      const exported = JSON.parse(
        expectExit(
          cli([
            'bundle',
            'export',
            caseFile,
            '-o',
            join(dir, 'shared.zip'),
            '--encrypt-to',
            recipientOf(mine),
            '--encrypt-to',
            recipientOf(colleagues),
            '--json',
          ]),
          0,
        ).stdout,
      ) as BundleExportResult;
      expect(exported).toMatchObject({ path: join(dir, 'shared.zip.age'), envelope: 'recipients' });
      expectExit(cli(['bundle', 'verify', exported.path]), 0);
      // The colleague opens it with their own identity; they have not trusted the signer yet.
      const theirs = expectExit(cli(['bundle', 'verify', exported.path], colleagues), 2);
      expect(theirs.stdout).toMatch(/Envelope\s+age envelope, to recipients \(X25519\), opened/);
      expect(theirs.stdout).toContain('untrusted key');
      recipientOf(strangers);
      expectOneLineError(
        expectExit(cli(['bundle', 'verify', exported.path], strangers), 2),
        /This bundle is not encrypted to this installation’s age key/,
      );
      const out = join(dir, 'out');
      mkdirSync(out);
      expectExit(cli(['bundle', 'import', exported.path, '-o', join(out, 'x.bdcase')], strangers), 2);
      expect(readdirSync(out)).toEqual([]);
    },
  );

  it('refuses a recipient that is not one, and both kinds of envelope at once', { timeout: 60_000 }, () => {
    const dir = tempDir();
    const target = join(dir, 'x.zip');
    expectOneLineError(
      expectExit(cli(['bundle', 'export', caseFile, '-o', target, '--encrypt-to', 'age1typo']), 2),
      /"age1typo" is not an age recipient/,
    );
    expectOneLineError(
      expectExit(
        cli([
          'bundle',
          'export',
          caseFile,
          '-o',
          target,
          '--encrypt-to',
          recipientOf(mine),
          '--encrypt-passphrase-file',
          passphraseFile,
        ]),
        1,
      ),
      /either to recipients \(--encrypt-to\) or to a passphrase/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});
