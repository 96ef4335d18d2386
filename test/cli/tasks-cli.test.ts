import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const ART_33 = 'gdpr-art33-lead-authority';

interface Listed {
  task: { title: string; status: string; obligationRuleId: string | null };
  notice: { ruleId: string; title: string; status: string } | null;
}

function demo(): string {
  const path = join(tempDir(), 'demo.bdcase');
  expect(runCli(['demo', path]).status).toBe(0);
  return path;
}

describe('breachdesk tasks', () => {
  it('is listed with its help and examples', () => {
    const overall = runCli(['--help']);
    for (const command of ['tasks list', 'tasks add']) {
      expect(overall.stdout).toContain(`  ${command}`);
      const help = runCli([...command.split(' '), '--help']);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: breachdesk ${command} `));
      expect(help.stdout).toContain('--obligation RULE_ID');
    }
    expect(runCli(['tasks', 'list', 'x.bdcase', '--obligation', ' ']).status).toBe(1);
  });

  it('adds a task linked to an obligation, lists it with the notice status, and refuses an unknown rule', () => {
    const path = demo();
    const added = runCli([
      'tasks',
      'add',
      path,
      'File the Art. 33 notice in the IMY e-service',
      '--owner',
      'DPO',
      '--due',
      '2020-11-19',
      '--obligation',
      ART_33,
      '--json',
    ]);
    expect(added.status).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      obligationRuleId: ART_33,
      status: 'open',
      owner: 'DPO',
    });

    const listed = JSON.parse(
      runCli(['tasks', 'list', path, '--obligation', ART_33, '--json']).stdout,
    ) as Listed[];
    expect(listed.map((l) => l.task.title)).toEqual([
      'Notify the lead supervisory authority (IMY) under Art. 33',
      'File the Art. 33 notice in the IMY e-service',
    ]);
    for (const { notice } of listed) {
      expect(notice?.ruleId).toBe(ART_33);
      expect(notice?.status).not.toBe('sent');
    }

    const human = runCli(['tasks', 'list', path]);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(
      /File the Art\. 33 notice in the IMY e-service \(DPO, due 2020-11-19\)\n\s+for the notice: Notify the lead supervisory authority \(GDPR Art\. 33\) \[gdpr-art33-lead-authority\]: notice (to do|drafting)/,
    );
    expect(human.stdout).toMatch(/Post-incident review of partner-sync release checks/);

    const unknown = runCli(['tasks', 'add', path, 'Nothing', '--obligation', 'no-such-rule']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toContain('There is no obligation with rule id no-such-rule in the rule pack');

    // The api takes the link too.
    const viaApi = runCli([
      'api',
      path,
      'tasks.create',
      JSON.stringify({ title: 'Send the CA AG sample', obligationRuleId: 'us-ca-ag-sample-until-2025' }),
    ]);
    expect(viaApi.status).toBe(0);
    expect(JSON.parse(viaApi.stdout)).toMatchObject({ obligationRuleId: 'us-ca-ag-sample-until-2025' });
    expect(runCli(['api', path, 'tasks.create', '{"title":"x","obligationRuleId":"nope"}']).status).toBe(2);
  });
});
