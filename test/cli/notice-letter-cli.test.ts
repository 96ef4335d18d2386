import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateById } from '../../shared/letters/templates';
import { runCli } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();

interface Row {
  ruleId: string;
  status: { status: string } | null;
  template: { id: string; title: string; generic: boolean } | null;
  templateUnavailable: string | null;
  letterState: { state: string; letterId: string | null; version: number | null };
  letters: { id: string; status: string; version: number }[];
  sources: { key: string; title: string; url: string }[];
}

function rows(path: string): Row[] {
  const out = runCli(['obligations', path, '--json']);
  expect(out.status).toBe(0);
  return (JSON.parse(out.stdout) as { rows: Row[] }).rows;
}

describe('breachdesk letter draft --obligation and obligations --json (issue 18)', () => {
  it('drafts from the notice’s template without --template; the board gives each row its template and letter state', () => {
    const path = join(tempDir(), 'demo.bdcase');
    expect(runCli(['demo', path]).status).toBe(0);

    const before = rows(path).find((r) => r.ruleId === 'us-tx-ag-until-2023');
    expect(before?.template).toEqual({
      id: 'us-ag-generic',
      title: templateById('us-ag-generic')?.title,
      generic: true,
    });
    expect(before?.letterState).toEqual({ state: 'none', letterId: null, version: null });
    // A letter drafted in the demo answers the Art. 33 notice.
    const art33 = rows(path).find((r) => r.ruleId === 'gdpr-art33-lead-authority');
    expect(art33?.template?.id).toBe('gdpr-art33-authority-en');
    expect(art33?.letterState.state).toBe('draft');
    expect(art33?.sources[0]?.key).toBe('G1');
    expect(art33?.sources[0]?.title).toMatch(/GDPR Art\. 33/);

    const draft = runCli(['letter', 'draft', path, '--obligation', 'us-tx-ag-until-2023', '--json']);
    expect(draft.stderr).toBe('');
    expect(draft.status).toBe(0);
    const view = JSON.parse(draft.stdout) as {
      letter: { id: string; templateId: string; obligationRuleId: string; jurisdiction: string };
    };
    expect(view.letter).toMatchObject({
      templateId: 'us-ag-generic',
      obligationRuleId: 'us-tx-ag-until-2023',
      jurisdiction: 'US-TX',
    });

    const after = rows(path).find((r) => r.ruleId === 'us-tx-ag-until-2023');
    expect(after?.status?.status).toBe('drafting');
    expect(after?.letterState).toEqual({ state: 'draft', letterId: view.letter.id, version: 1 });
    expect(after?.letters.map((l) => l.id)).toEqual([view.letter.id]);

    const text = runCli(['obligations', path]);
    expect(text.stdout).toMatch(/drafting · letter: draft v1/);
    expect(text.stdout).toContain(`Template: ${templateById('us-ag-generic')?.title} (us-ag-generic)`);
  });

  it('says what is missing, and drafts a notice to the data owner from the generic template', () => {
    const path = join(tempDir(), 'demo.bdcase');
    expect(runCli(['demo', path]).status).toBe(0);
    const neither = runCli(['letter', 'draft', path]);
    expect(neither.status).toBe(1);
    expect(neither.stderr).toMatch(/--template ID or --obligation RULE_ID/);
    const owner = runCli(['letter', 'draft', path, '--obligation', 'gdpr-art33-processor-to-controller']);
    expect(owner.status).toBe(0);
    expect(owner.stdout).toContain(templateById('data-owner-generic')?.title ?? 'missing template');
  });
});
