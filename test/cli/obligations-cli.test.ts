import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();

describe('breachdesk obligations', () => {
  it('lists what the demo case owes under the law of the discovery date, and why other rules do not apply', () => {
    const path = join(tempDir(), 'demo.bdcase');
    expect(runCli(['demo', path]).status).toBe(0);

    const text = runCli(['obligations', path]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^Law as of 2020-11-12 \(rule pack breachdesk-us-eu /);
    expect(text.stdout).toContain(
      'Notify the lead supervisory authority (GDPR Art. 33) → Integritetsskyddsmyndigheten (IMY)',
    );
    expect(text.stdout).toContain('due 2020-11-19 09:30 Europe/Stockholm');
    expect(text.stdout).toContain('Notify California residents (before 2026)');
    expect(text.stdout).toMatch(/Not owed \(\d+\):/);
    expect(text.stdout).toMatch(/Notify the Washington Attorney General: .*120/);

    const later = JSON.parse(runCli(['obligations', path, '--as-of', '2026-02-01', '--json']).stdout) as {
      asOf: string;
      rows: { ruleId: string }[];
    };
    expect(later.asOf).toBe('2026-02-01');
    expect(later.rows.map((r) => r.ruleId)).toContain('us-ca-individuals-2026');
    expect(later.rows.map((r) => r.ruleId)).not.toContain('us-ca-individuals-until-2025');

    const bad = runCli(['obligations', path, '--as-of', '12/11/2020']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/YYYY-MM-DD/);
  });
});
