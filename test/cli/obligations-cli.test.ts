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
    expect(text.stdout).toContain('Notify California residents (California law before 1 Jan 2026)');
    expect(text.stdout).toMatch(/Not owed \(\d+\):/);
    expect(text.stdout).toMatch(/Notify the Washington Attorney General: .*120/);

    const later = JSON.parse(runCli(['obligations', path, '--as-of', '2026-02-01', '--json']).stdout) as {
      asOf: string;
      rows: { ruleId: string; obligation: unknown }[];
    };
    expect(later.asOf).toBe('2026-02-01');
    expect(later.rows.map((r) => r.ruleId)).toContain('us-ca-individuals-2026');
    // The earlier text's notice has a drafted letter (status "drafting"): kept, no longer owed.
    expect(later.rows.find((r) => r.ruleId === 'us-ca-individuals-until-2025')?.obligation).toBeNull();

    const bad = runCli(['obligations', path, '--as-of', '12/11/2020']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/YYYY-MM-DD/);
  });

  it('shows a notice that waits for the risk decision as "decision needed" with the suggestion, and ⚠ on unverified rules not owed', () => {
    const path = join(tempDir(), 'demo.bdcase');
    expect(runCli(['demo', path]).status).toBe(0);

    const before = JSON.parse(runCli(['obligations', path, '--json']).stdout) as Board;
    expect(before.decisionNeeded.map((d) => [d.ruleId, d.decision.kind, d.decision.suggestion])).toEqual([
      ['gdpr-art34-data-subjects', 'gdpr_risk', null],
    ]);
    expect(before.notTriggered.map((n) => n.ruleId)).not.toContain('gdpr-art34-data-subjects');
    expect(before.notTriggered.find((n) => n.ruleId === 'us-wa-ag')?.verification).toBe('unverified');
    expect(
      before.notTriggered.every((n) => n.verification === 'verified' || n.verification === 'unverified'),
    ).toBe(true);
    const art33 = before.rows.find((r) => r.ruleId === 'gdpr-art33-lead-authority');
    expect(art33?.obligation?.openDecision?.kind).toBe('gdpr_risk');

    // A saved draft: financial data, fully identifiable: SE = 3 × 1 = 3, high, suggesting a high risk.
    const draft = {
      enisa: {
        dpc: { category: 'financial', score: 3, rationale: 'Bank account numbers' },
        ei: { value: 1, rationale: 'Full names' },
        cb: { confidentiality: 0, integrity: 0, availability: 0, malicious: 0, rationale: '' },
      },
      factors: {},
      decision: null,
    };
    expect(runCli(['api', path, 'assessments.save', JSON.stringify(draft)]).status).toBe(0);

    const json = JSON.parse(runCli(['obligations', path, '--json']).stdout) as Board;
    expect(json.decisionNeeded[0]?.decision.suggestion).toBe('high');

    const text = runCli(['obligations', path]);
    expect(text.status).toBe(0);
    const [owed = '', rest = ''] = text.stdout.split(/^Decision needed \(1\):$/m);
    const [waiting = '', notOwed = ''] = rest.split(/^Not owed \(\d+\):$/m);
    expect(owed).toContain('Decision needed: What is the risk to the people affected');
    expect(waiting).toContain('Communicate');
    expect(waiting).toMatch(/Art\. 34/);
    expect(waiting).toContain('Suggested: a high risk (severity calculator, not confirmed).');
    expect(notOwed).not.toMatch(/\(GDPR Art\. 34\)/);
    expect(notOwed).toMatch(/Notify the Washington Attorney General: .*120.*⚠ to be verified/);
  });
});

type Board = {
  rows: { ruleId: string; obligation: { openDecision: { kind: string } | null } | null }[];
  decisionNeeded: { ruleId: string; decision: { kind: string; suggestion: string | null } }[];
  notTriggered: { ruleId: string; verification: string }[];
};
