import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();

interface Board {
  rows: unknown[];
  factsNeeded: { fact: string; field: string; rules: { ruleId: string }[] }[];
  pending: { ruleId: string; deadline: { due: string | null } }[];
}

describe('breachdesk obligations on a blank case', () => {
  it('prints the facts needed first, and the Art. 33 clock pending once awareness and the establishment are known', () => {
    const path = join(tempDir(), 'blank.bdcase');
    expect(runCli(['init', path, '--title', 'Blank', '--org', 'Org', '--plaintext']).status).toBe(0);

    const text = runCli(['obligations', path]);
    expect(text.status).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines[2]).toMatch(/^Facts needed \(5\): until they are recorded, nothing below is final\.$/);
    expect(text.stdout).toContain('Awareness time (Facts; field facts.awareAt)');
    expect(text.stdout).toContain(
      'People affected, by jurisdiction (People & data; field people.populations)',
    );
    expect(text.stdout.indexOf('Facts needed')).toBeLessThan(text.stdout.indexOf('Not owed'));

    const blank = JSON.parse(runCli(['obligations', path, '--json']).stdout) as Board;
    expect(blank.factsNeeded.map((f) => f.fact)).toEqual([
      'awareAt',
      'establishment',
      'populations',
      'dataElements',
      'discoveredAt',
    ]);
    expect(blank.pending).toEqual([]);

    const patch = {
      patch: {
        awareAt: { utc: '2026-03-04T15:00:00.000Z', zone: 'Europe/Stockholm' },
        organisation: { establishment: 'SE' },
      },
    };
    expect(runCli(['api', path, 'facts.update', JSON.stringify(patch)]).status).toBe(0);
    const aware = JSON.parse(runCli(['obligations', path, '--json']).stdout) as Board;
    expect(aware.factsNeeded.map((f) => f.fact)).not.toContain('awareAt');
    expect(aware.factsNeeded.map((f) => f.fact)).not.toContain('establishment');
    expect(aware.pending).toEqual([
      expect.objectContaining({
        ruleId: 'gdpr-art33-lead-authority',
        deadline: expect.objectContaining({ due: '2026-03-07T15:00:00.000Z' }) as unknown,
      }),
    ]);
    expect(runCli(['obligations', path]).stdout).toContain(
      'Pending: Notify the lead supervisory authority (GDPR Art. 33) → Integritetsskyddsmyndigheten (IMY), Sweden: would be due 2026-03-07 16:00 Europe/Stockholm',
    );
  });
});
