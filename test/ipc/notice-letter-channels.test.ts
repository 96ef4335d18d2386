import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../shared/ipc/contract';
import { templateForRule } from '../../shared/letters/obligation-template';
import { templateById } from '../../shared/letters/templates';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import { recordingHost, type RecordingHost } from '../helpers/test-host';
import { useTempDir } from '../helpers/temp-dir';

/* Issue 18: a notice → its letter in one step, through the bridge; the board follows. */

const tempDir = useTempDir();
const hosts: RecordingHost[] = [];
afterEach(() => hosts.splice(0).forEach((host) => host.deps.session.close()));

async function demoHost(): Promise<RecordingHost> {
  const dir = tempDir();
  const host = recordingHost(dir);
  hosts.push(host);
  expect((await host.dispatch('demo.create', { path: join(dir, 'demo.bdcase') })).ok).toBe(true);
  return host;
}

async function board(host: RecordingHost) {
  const envelope = await host.dispatch('obligations.board', {});
  return contract['obligations.board'].output.parse(envelope.ok ? envelope.value : null);
}

async function auditActions(host: RecordingHost): Promise<string[]> {
  const envelope = await host.dispatch('audit.list', {});
  return contract['audit.list'].output
    .parse(envelope.ok ? envelope.value : null)
    .entries.map((e) => e.action);
}

describe('drafting a notice’s letter from the board', () => {
  it('drafts from the notice’s template, links the letter, moves the notice to drafting, and lists the letter under it', async () => {
    const host = await demoHost();
    const before = await board(host);
    const tx = before.rows.find((r) => r.ruleId === 'us-tx-ag-until-2023');
    expect(tx?.obligation).not.toBeNull();
    expect(tx?.template).toEqual({
      id: 'us-ag-generic',
      title: templateById('us-ag-generic')?.title,
      generic: true,
    });
    expect(tx?.letterState).toEqual({ state: 'none', letterId: null, version: null });
    expect(tx?.letters).toEqual([]);
    expect(tx?.status?.status ?? 'todo').toBe('todo');

    host.events.splice(0);
    const created = await host.dispatch('letters.create', { obligationRuleId: 'us-tx-ag-until-2023' });
    expect(created.ok).toBe(true);
    const view = contract['letters.create'].output.parse(created.ok ? created.value : null);
    expect(view.letter).toMatchObject({
      templateId: 'us-ag-generic',
      obligationRuleId: 'us-tx-ag-until-2023',
      jurisdiction: 'US-TX',
      recipient: { name: 'Texas Attorney General' },
    });
    expect(host.events).toContainEqual({
      event: 'case.contentChanged',
      payload: { areas: ['letters', 'obligations'] },
    });

    const after = await board(host);
    const row = after.rows.find((r) => r.ruleId === 'us-tx-ag-until-2023');
    expect(row?.status?.status).toBe('drafting');
    expect(row?.letterState).toEqual({ state: 'draft', letterId: view.letter.id, version: 1 });
    expect(row?.letters).toEqual([
      expect.objectContaining({
        id: view.letter.id,
        status: 'draft',
        version: 1,
        templateId: 'us-ag-generic',
        templateTitle: templateById('us-ag-generic')?.title,
      }),
    ]);
    const actions = await auditActions(host);
    expect(actions).toContain('letter.drafted');
    expect(actions).toContain('obligation.status_recorded');
  });

  it('never moves a notice already sent or not required back to drafting', async () => {
    const host = await demoHost();
    const status = { status: 'sent', sentAt: '2020-11-20T10:00:00.000Z', channel: 'Portal', note: '' };
    expect((await host.dispatch('obligations.setStatus', { ruleId: 'us-tx-ag-until-2023', status })).ok).toBe(
      true,
    );
    expect((await host.dispatch('letters.create', { obligationRuleId: 'us-tx-ag-until-2023' })).ok).toBe(
      true,
    );
    const row = (await board(host)).rows.find((r) => r.ruleId === 'us-tx-ag-until-2023');
    expect(row?.status?.status).toBe('sent');
    expect(row?.letters).toHaveLength(1);
  });

  it('refuses a letter without a template or obligation; a notice to the data owner gets the generic one', async () => {
    const host = await demoHost();
    const bare = await host.dispatch('letters.create', {});
    expect(bare.ok).toBe(false);
    const owner = DEFAULT_RULE_PACK.rules.find((r) => r.id === 'gdpr-art33-processor-to-controller');
    if (owner === undefined) throw new Error('rule missing');
    const choice = templateForRule(owner);
    expect(choice.template?.id).toBe('data-owner-generic');
    const drafted = await host.dispatch('letters.create', { obligationRuleId: owner.id });
    expect(drafted.ok).toBe(true);
  });

  it('gives each notice its sources with titles and addresses', async () => {
    const host = await demoHost();
    const rows = (await board(host)).rows;
    const art33 = rows.find((r) => r.ruleId === 'gdpr-art33-lead-authority');
    expect(art33?.sources.map((s) => s.key)).toEqual(['G1', 'G3', 'G4']);
    expect(art33?.sources[0]?.title).toMatch(/^GDPR Art\. 33/);
    expect(art33?.sources[0]?.url).toMatch(/^https:\/\//);
    for (const row of rows) for (const source of row.sources) expect(source.title).not.toMatch(/^Source /);
  });
});
