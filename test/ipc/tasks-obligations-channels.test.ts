import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../shared/ipc/channel-names';
import { contract, type ChannelInput, type ChannelOutput } from '../../shared/ipc/contract';
import { recordingHost, type RecordingHost } from '../helpers/test-host';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const hosts: RecordingHost[] = [];
afterEach(() => hosts.splice(0).forEach((host) => host.deps.session.close()));
const ART_33 = 'gdpr-art33-lead-authority';

async function openDemo() {
  const dir = tempDir();
  const host = recordingHost(dir);
  hosts.push(host);
  const call = async <C extends ChannelName>(channel: C, input: ChannelInput<C>) => {
    const envelope = await host.dispatch(channel, input);
    if (!envelope.ok) throw new Error(`${envelope.code}: ${envelope.message}`);
    return contract[channel].output.parse(envelope.value) as ChannelOutput<C>;
  };
  await call('demo.create', { path: join(dir, 'demo.bdcase'), overwrite: false });
  return { call, host };
}

describe('tasks linked to obligations over the channels', () => {
  it('creates a linked task, refuses an unknown rule, and completing it leaves the notice status to the notice', async () => {
    const { call, host } = await openDemo();
    const task = await call('tasks.create', { title: 'File the Art. 33 notice', obligationRuleId: ART_33 });
    expect(task).toMatchObject({ obligationRuleId: ART_33, status: 'open' });
    const refused = await host.dispatch('tasks.create', { title: 'x', obligationRuleId: 'no-such-rule' });
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    // Editing other fields keeps the link; the link can be removed.
    const done = await call('tasks.update', { id: task.id, patch: { status: 'done' } });
    expect(done.obligationRuleId).toBe(ART_33);

    // Done task, notice not sent: the register and the board say the notice's status.
    const art33 = (await call('obligations.board', {})).rows.find((r) => r.ruleId === ART_33);
    expect(art33?.status?.status).not.toBe('sent');
    const register = await call('register.get', {});
    const notices = register.sections.find((s) => s.heading === 'Notifications and decisions')?.table;
    const row = notices?.rows.find((r) => r[0]?.includes('GDPR Art. 33'));
    expect(row?.[3]).toBe(art33?.status?.status ?? 'to do');
    expect(row?.[6]).toContain('File the Art. 33 notice');
    const remedial = register.sections.find((s) => s.heading === 'Remedial action')?.table;
    expect(remedial?.rows.some((r) => r[1]?.includes('File the Art. 33 notice'))).toBe(false);

    // Accepting the offer records the notice sent: the register follows the notice.
    await call('obligations.setStatus', {
      ruleId: ART_33,
      status: { status: 'sent', sentAt: '2020-11-18T13:00:00.000Z', channel: 'IMY e-service' },
    });
    const after = await call('register.get', {});
    const sentRow = after.sections
      .find((s) => s.heading === 'Notifications and decisions')
      ?.table?.rows.find((r) => r[0]?.includes('GDPR Art. 33'));
    expect(sentRow?.[3]).toMatch(/^sent 2020-11-18 14:00 .* via IMY e-service$/);

    const unlinked = await call('tasks.update', { id: task.id, patch: { obligationRuleId: null } });
    expect(unlinked.obligationRuleId).toBeNull();
    const list = await call('tasks.list', {});
    expect(list.filter((t) => t.obligationRuleId === ART_33).map((t) => t.title)).toEqual([
      'Notify the lead supervisory authority (IMY) under Art. 33',
    ]);
  });
});
