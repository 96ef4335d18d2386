import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import { runCli } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();

/** A jurisdiction whose shipped rules have a risk-of-harm test (the pack's US rules grow). */
const HARM_STATE = DEFAULT_RULE_PACK.rules.find((r) => r.trigger.harm !== null)?.jurisdiction;

interface Listing {
  recorded: { jurisdiction: string; finding: string; basis: string; decidedBy: string }[];
  open: { jurisdiction: string; kind: string }[];
}

function demo(): string {
  const path = join(tempDir(), 'demo.bdcase');
  expect(runCli(['demo', path]).status).toBe(0);
  return path;
}

describe('breachdesk harm', () => {
  it('refuses a finding, a basis or a jurisdiction it cannot use, each in one line', () => {
    const path = demo();
    const noFinding = runCli(['harm', 'set', path, 'US-TX', '--basis', 'x']);
    expect(noFinding.status).toBe(1);
    expect(noFinding.stderr).toMatch(/--finding must be "likely" or "not-likely"/);
    const noBasis = runCli(['harm', 'set', path, 'US-TX', '--finding', 'likely']);
    expect(noBasis.status).toBe(1);
    expect(noBasis.stderr).toMatch(/--basis or --basis-file is required/);
    const blank = runCli(['harm', 'set', path, 'US-TX', '--finding', 'likely', '--basis', '   ']);
    expect(blank.status).toBe(2);
    const california = runCli([
      'harm',
      'set',
      path,
      'US-CA',
      '--finding',
      'not-likely',
      '--basis',
      'Hashed.',
    ]);
    expect(california.status).toBe(2);
    expect(california.stderr.trim().split('\n')).toHaveLength(1);
    expect(california.stderr).toContain(
      'No rule for California (US) has a risk-of-harm test, so there is no harm decision to record there.',
    );
    const clear = runCli(['harm', 'clear', path, 'US-CA']);
    expect(clear.status).toBe(2);
    expect(clear.stderr).toContain('No harm decision is recorded for California (US).');
    const listing = JSON.parse(runCli(['harm', 'list', path, '--json']).stdout) as Listing;
    expect(listing.recorded).toEqual([]);
  });

  it('opens an encrypted case with --passphrase-file like the other commands', () => {
    const dir = tempDir();
    const path = join(dir, 'enc.bdcase');
    const pass = join(dir, 'pass.txt');
    writeFileSync(pass, 'correct horse battery staple\n');
    expect(runCli(['init', path, '--title', 'T', '--org', 'O', '--passphrase-file', pass]).status).toBe(0);
    expect(runCli(['harm', 'list', path]).status).toBe(3);
    const listed = runCli(['harm', 'list', path, '--passphrase-file', pass]);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain('Harm decisions recorded (0):');
  });

  it.skipIf(HARM_STATE === undefined)(
    'records, lists, changes and clears a decision; obligations follows',
    () => {
      const state = HARM_STATE ?? '';
      const path = demo();
      const people = JSON.stringify({ jurisdiction: state, count: 500, exact: true });
      expect(runCli(['api', path, 'populations.set', people]).status).toBe(0);
      const open = JSON.parse(runCli(['harm', 'list', path, '--json']).stdout) as Listing;
      expect(open.open.map((d) => d.jurisdiction)).toContain(state);

      const basisFile = join(tempDir(), 'basis.txt');
      writeFileSync(basisFile, 'Passwords were salted bcrypt.\nNo misuse in 30 days of monitoring.\n');
      const set = runCli(['harm', 'set', path, state, '--finding', 'not-likely', '--basis-file', basisFile]);
      expect(set.status).toBe(0);
      expect(set.stdout).toBe(`Recorded for ${state}: no reasonable likelihood of harm: do not notify.\n`);
      const listing = JSON.parse(runCli(['harm', 'list', path, '--json']).stdout) as Listing;
      expect(listing.recorded).toEqual([
        expect.objectContaining({
          jurisdiction: state,
          finding: 'harm_not_likely',
          basis: 'Passwords were salted bcrypt.\nNo misuse in 30 days of monitoring.',
          decidedBy: 'cli tester',
        }),
      ]);
      expect(listing.open.map((d) => d.jurisdiction)).not.toContain(state);
      const text = runCli(['harm', 'list', path]).stdout;
      expect(text).toContain(`  ${state}: no reasonable likelihood of harm: do not notify (decided `);
      expect(text).toContain('    No misuse in 30 days of monitoring.');
      expect(runCli(['obligations', path]).stdout).toContain('harm is not likely');

      const changed = runCli([
        'harm',
        'set',
        path,
        state,
        '--finding',
        'likely',
        '--basis',
        'Misuse seen.',
        '--json',
      ]);
      expect(JSON.parse(changed.stdout)).toMatchObject({ jurisdiction: state, finding: 'harm_likely' });
      expect(runCli(['harm', 'clear', path, state]).stdout).toBe(`Cleared the harm decision for ${state}.\n`);
      const after = JSON.parse(runCli(['harm', 'list', path, '--json']).stdout) as Listing;
      expect(after.recorded).toEqual([]);
      expect(after.open.map((d) => d.jurisdiction)).toContain(state);
      const audit = JSON.parse(runCli(['api', path, 'audit.list', '{"limit":3}']).stdout) as {
        entries: { action: string }[];
      };
      expect(audit.entries.map((e) => e.action)).toEqual([
        'harm.cleared',
        'harm.determined',
        'harm.determined',
      ]);
    },
  );
});
