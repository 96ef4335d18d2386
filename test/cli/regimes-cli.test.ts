import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const SEC = 'us-sec-8k-item-105';
const NIS2 = 'nis2-art23-csirt';

interface Board {
  rows: {
    ruleId: string;
    obligation: {
      deadline: { due: string | null; reckoning: string | null };
      stages: { id: string; sentAt: string | null }[];
    } | null;
    stageStatuses: Record<string, { channel: string }>;
  }[];
  decisionNeeded: { ruleId: string; decision: { regimeDecision: string | null } }[];
  notTriggered: { ruleId: string; reason: string }[];
}

function boardOf(path: string, asOf: string): Board {
  const run = runCli(['obligations', path, '--as-of', asOf, '--json']);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Board;
}

describe('breachdesk facts organisation / facts decide / obligations status', () => {
  it('brings the SEC and NIS2 reports into the case from roles, establishment and dated decisions', () => {
    const path = join(tempDir(), 'demo.bdcase');
    expect(runCli(['demo', path]).status).toBe(0);

    const badRole = runCli(['facts', 'organisation', path, '--roles', 'sec_registrant,nis3']);
    expect(badRole.status).toBe(2);
    expect(badRole.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^breachdesk: Unknown regulated role nis3: use nis2_essential, /) as unknown,
    ]);
    const before = boardOf(path, '2026-12-01');
    expect(before.notTriggered.find((n) => n.ruleId === SEC)?.reason).toMatch(/an SEC registrant/);

    const set = runCli([
      'facts',
      'organisation',
      path,
      '--roles',
      'sec_registrant,nis2_essential',
      '--established-in',
      'de',
    ]);
    expect(set.status, set.stderr).toBe(0);
    expect(set.stdout).toContain('Countries of establishment: SE, DE');
    expect(
      boardOf(path, '2026-12-01').decisionNeeded.find((d) => d.ruleId === SEC)?.decision.regimeDecision,
    ).toBe('sec_materiality');

    const noTime = runCli(['facts', 'decide', path, 'sec_materiality', '--answer', 'yes']);
    expect(noTime.status).toBe(1);
    expect(noTime.stderr).toMatch(/--at and --zone are required/);
    const unknown = runCli(['facts', 'decide', path, 'sec_immateriality', '--answer', 'yes']);
    expect(unknown.status).toBe(2);
    const decided = runCli([
      'facts',
      'decide',
      path,
      'sec_materiality',
      '--answer',
      'yes',
      '--at',
      '2026-11-25 16:00',
      '--zone',
      'America/New_York',
      '--basis',
      'Disclosure committee',
    ]);
    expect(decided.status, decided.stderr).toBe(0);
    expect(decided.stdout).toContain('sec_materiality: yes on 2026-11-25 16:00 America/New_York');
    const sec = boardOf(path, '2026-12-01').rows.find((r) => r.ruleId === SEC)?.obligation?.deadline;
    // Four US business days after Wednesday 25 November 2026, skipping Thanksgiving: 2 December.
    expect(sec?.due).toBe('2026-12-02T21:00:00.000Z');
    expect(sec?.reckoning).toMatch(
      /after the materiality determination on 2026-11-25, skipping Thanksgiving/,
    );

    expect(
      runCli([
        'facts',
        'decide',
        path,
        'nis2_significant',
        '--answer',
        'yes',
        '--at',
        '2020-11-12 18:00',
        '--zone',
        'Europe/Berlin',
      ]).status,
    ).toBe(0);
    const human = runCli(['obligations', path, '--as-of', '2026-12-01']);
    expect(human.stdout).toMatch(/Stage 1 Early warning \(early-warning\): due /);
    const sent = runCli([
      'obligations',
      'status',
      path,
      NIS2,
      '--stage',
      'early-warning',
      '--status',
      'sent',
      '--sent-at',
      '2020-11-13 09:00',
      '--zone',
      'Europe/Berlin',
      '--channel',
      'CSIRT portal',
    ]);
    expect(sent.status, sent.stderr).toBe(0);
    expect(sent.stdout).toBe(`Recorded ${NIS2}/early-warning: sent (sent 2020-11-13T08:00:00.000Z).\n`);
    const row = boardOf(path, '2026-12-01').rows.find((r) => r.ruleId === NIS2);
    expect(row?.stageStatuses['early-warning']?.channel).toBe('CSIRT portal');
    expect(row?.obligation?.stages[0]?.sentAt).toBe('2020-11-13T08:00:00.000Z');
    const noStage = runCli(['obligations', 'status', path, NIS2, '--stage', 'middle', '--status', 'todo']);
    expect(noStage.status).not.toBe(0);
    expect(noStage.stderr).toMatch(/has no stage called "middle"/);

    const cleared = runCli(['facts', 'decide', path, 'sec_materiality', '--clear', '--json']);
    expect(JSON.parse(cleared.stdout)).not.toHaveProperty('sec_materiality');
  });
});
