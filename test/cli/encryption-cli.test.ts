import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesOf, withRawDb } from '../helpers/raw-db';
import { CLI_LAUNCHER, runCli } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const PASS = 'tr0ub4dor & 3 horses';

function passFile(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, `${text}\nsecond line is ignored\n`);
  return path;
}

function expectOneLine(result: { status: number | null; stderr: string }, status: number, message: RegExp) {
  expect(result.status).toBe(status);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(message);
}

const isPlain = (path: string) => bytesOf(path).subarray(0, 16).toString('latin1') === 'SQLite format 3\0';

describe('breachdesk with encrypted case files', () => {
  it('init refuses without a passphrase source unless --plaintext, and says how', () => {
    const dir = tempDir();
    const path = join(dir, 'c.bdcase');
    expectOneLine(
      runCli(['init', path, '--title', 'T', '--org', 'O']),
      1,
      /give --passphrase-file PATH \(or set BREACHDESK_PASSPHRASE\), or --plaintext/,
    );
    expect(readdirSync(dir)).toEqual([]);
    const pass = passFile(dir, 'pass.txt', PASS);
    expectOneLine(
      runCli(['init', path, '--title', 'T', '--org', 'O', '--plaintext', '--passphrase-file', pass]),
      1,
      /either a passphrase or --plaintext, not both/,
    );
    const plain = runCli(['init', path, '--title', 'T', '--org', 'O', '--plaintext']);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/NOT encrypted/);
    expect(isPlain(path)).toBe(true);
  });

  it('encrypts with --passphrase-file (its first line) or BREACHDESK_PASSPHRASE; wrong or missing: exit 3, file unchanged', () => {
    const dir = tempDir();
    const path = join(dir, 'c.bdcase');
    const pass = passFile(dir, 'pass.txt', PASS);
    const created = runCli([
      'init',
      path,
      '--title',
      'Secret title',
      '--org',
      'O',
      '--passphrase-file',
      pass,
    ]);
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/, encrypted\)/);
    expect(isPlain(path)).toBe(false);
    expect(bytesOf(path).includes('Secret title')).toBe(false);

    expect(JSON.parse(runCli(['show', path, '--json', '--passphrase-file', pass]).stdout)).toMatchObject({
      encrypted: true,
      record: { title: 'Secret title' },
    });
    expect(runCli(['show', path], process.execPath, { BREACHDESK_PASSPHRASE: PASS }).status).toBe(0);

    const before = bytesOf(path);
    expectOneLine(runCli(['show', path]), 3, /is encrypted .*its passphrase is needed to open it\.$/m);
    const wrong = passFile(dir, 'wrong.txt', 'not it');
    expectOneLine(
      runCli(['show', path, '--passphrase-file', wrong]),
      3,
      /: the passphrase does not open this case file\.$/m,
    );
    expectOneLine(
      runCli(['verify', path], process.execPath, { BREACHDESK_PASSPHRASE: 'nope' }),
      3,
      /does not open/,
    );
    expect(bytesOf(path).equals(before)).toBe(true);
    expectOneLine(runCli(['show', path, '--passphrase-file', join(dir, 'absent')]), 1, /cannot be read/);
  });

  it('case encrypt, rekey and decrypt: in place or to a new file, audited, old passphrase refused after rekey', () => {
    const dir = tempDir();
    const path = join(dir, 'c.bdcase');
    const pass = passFile(dir, 'pass.txt', PASS);
    const next = passFile(dir, 'next.txt', 'an entirely new passphrase');
    expect(runCli(['init', path, '--title', 'T', '--org', 'O', '--plaintext']).status).toBe(0);

    const encrypted = runCli(['case', 'encrypt', path, '--passphrase-file', pass]);
    expect(encrypted.status).toBe(0);
    expect(encrypted.stdout).toMatch(/still readable: delete them/);
    expect(isPlain(path)).toBe(false);
    expectOneLine(runCli(['case', 'encrypt', path, '--passphrase-file', pass]), 2, /already encrypted/);

    expect(
      runCli(['case', 'rekey', path, '--passphrase-file', pass, '--new-passphrase-file', next]).status,
    ).toBe(0);
    expectOneLine(runCli(['show', path, '--passphrase-file', pass]), 3, /does not open/);
    expect(runCli(['show', path, '--passphrase-file', next]).status).toBe(0);

    const plain = join(dir, 'plain.bdcase');
    const decrypted = runCli(['case', 'decrypt', path, '-o', plain, '--passphrase-file', next]);
    expect(decrypted.status).toBe(0);
    expect(decrypted.stderr).toMatch(/warning: .* is NOT encrypted/);
    expect(isPlain(plain)).toBe(true);
    expect(isPlain(path)).toBe(false);
    const actions = withRawDb(plain, (db) =>
      (db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map(
        (r) => r.action,
      ),
    );
    expect(actions).toEqual(['case.created', 'casefile.encrypted', 'casefile.rekeyed', 'casefile.decrypted']);
    const shown = JSON.parse(runCli(['show', path, '--json', '--passphrase-file', next]).stdout) as {
      auditEntries: number;
    };
    expect(shown.auditEntries).toBe(4);
    expectOneLine(
      runCli(['case', 'decrypt', path, '-o', plain, '--passphrase-file', next]),
      2,
      /already exists/,
    );
    expect(readdirSync(dir).sort()).toEqual(['c.bdcase', 'next.txt', 'pass.txt', 'plain.bdcase']);
  });

  it('asks on a terminal without echoing, twice for a new case', async () => {
    const dir = tempDir();
    const path = join(dir, 'c.bdcase');
    const command = [process.execPath, CLI_LAUNCHER, 'init', path, '--title', 'T', '--org', 'O']
      .map((part) => `'${part.replace(/'/g, "'\\''")}'`)
      .join(' ');
    const output = await inTerminal(command, [PASS, PASS]);
    expect(output).toContain('Passphrase for the new case file:');
    expect(output).toContain('Type it again:');
    expect(output).toMatch(/Created .* encrypted\)/);
    expect(output).not.toContain(PASS);
    expect(existsSync(path)).toBe(true);
    expect(runCli(['show', path], process.execPath, { BREACHDESK_PASSPHRASE: PASS }).status).toBe(0);
  });
});

/**
 * Runs a command in a pseudo-terminal (util-linux `script`), typing each answer once the
 * terminal shows a prompt, and returns everything the terminal displayed.
 */
function inTerminal(command: string, answers: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let answered = 0;
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      output += text;
      const prompted = (output.match(/(Passphrase for the new case file|Type it again): /g) ?? []).length;
      while (answered < Math.min(prompted, answers.length)) {
        child.stdin.write(`${answers[answered] ?? ''}\r`);
        answered += 1;
      }
    });
    child.on('error', reject);
    child.on('close', () => resolve(output));
  });
}
