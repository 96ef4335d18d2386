import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../shared/ipc/channel-names';
import { contract, type ChannelInput, type ChannelOutput } from '../../shared/ipc/contract';
import { recordingHost, type RecordingHost } from '../helpers/test-host';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const hosts: RecordingHost[] = [];
afterEach(() => hosts.splice(0).forEach((host) => host.deps.session.close()));

async function openHost(): Promise<{
  call: <C extends ChannelName>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;
  host: RecordingHost;
}> {
  const dir = tempDir();
  const host = recordingHost(dir);
  hosts.push(host);
  const call = async <C extends ChannelName>(channel: C, input: ChannelInput<C>) => {
    const envelope = await host.dispatch(channel, input);
    if (!envelope.ok) throw new Error(`${envelope.code}: ${envelope.message}`);
    return contract[channel].output.parse(envelope.value) as ChannelOutput<C>;
  };
  await call('case.create', {
    path: join(dir, 'c.bdcase'),
    title: 'Case',
    organisation: 'Org',
    plaintext: true,
  });
  return { call, host };
}

async function lastAudit(call: Awaited<ReturnType<typeof openHost>>['call']) {
  return (await call('audit.list', { limit: 1 })).entries[0];
}

describe('investigation channels', () => {
  it('tasks: create, edit one field without touching the others, delete with an audit entry', async () => {
    const { call, host } = await openHost();
    const task = await call('tasks.create', {
      title: 'Notify IMY',
      owner: 'DPO',
      due: '2020-11-19',
      status: 'in_progress',
    });
    const renamed = await call('tasks.update', { id: task.id, patch: { title: 'Notify IMY (Art. 33)' } });
    expect(renamed).toMatchObject({
      title: 'Notify IMY (Art. 33)',
      owner: 'DPO',
      due: '2020-11-19',
      status: 'in_progress',
    });
    expect(await lastAudit(call)).toMatchObject({
      action: 'task.updated',
      payload: { title: { from: 'Notify IMY', to: 'Notify IMY (Art. 33)' } },
    });
    await call('tasks.remove', { id: task.id });
    expect(await call('tasks.list', {})).toEqual([]);
    expect(await lastAudit(call)).toMatchObject({
      action: 'task.deleted',
      payload: { title: 'Notify IMY (Art. 33)' },
    });
    expect(host.events.filter((e) => e.event === 'case.contentChanged').map((e) => e.payload)).toEqual([
      { areas: ['tasks'] },
      { areas: ['tasks'] },
      { areas: ['tasks'] },
    ]);
    expect(await host.dispatch('tasks.update', { id: task.id, patch: { title: 'x' } })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it('notes: the privileged flag and body survive a title edit, and notes are searchable', async () => {
    const { call } = await openHost();
    const note = await call('notes.create', {
      title: 'Counsel view',
      body: 'Legacy **MD5** hashes',
      privileged: true,
    });
    await call('notes.update', { id: note.id, patch: { title: 'Counsel view (draft)' } });
    expect((await call('notes.list', {}))[0]).toMatchObject({
      privileged: true,
      body: 'Legacy **MD5** hashes',
    });
    expect((await call('search.query', { text: 'md5' })).results).toMatchObject([
      { kind: 'note', id: note.id },
    ]);
  });

  it('data elements: a custom element needs a description; toggles are kept apart', async () => {
    const { call, host } = await openHost();
    expect(await host.dispatch('dataElements.add', { term: 'custom' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    const custom = await call('dataElements.add', { term: 'custom', customLabel: 'Listening history' });
    const password = await call('dataElements.add', { term: 'password', encrypted: true });
    await call('dataElements.update', { id: password.id, patch: { keyCompromised: true } });
    expect(await call('dataElements.list', {})).toMatchObject([
      { term: 'password', encrypted: true, keyCompromised: true },
      { id: custom.id, customLabel: 'Listening history' },
    ]);
  });

  it('an edit that changes nothing writes nothing', async () => {
    const { call } = await openHost();
    const party = await call('parties.create', { name: 'CNIL', kind: 'regulator' });
    const before = (await call('audit.list', {})).total;
    await call('parties.update', { id: party.id, patch: { name: 'CNIL' } });
    expect((await call('audit.list', {})).total).toBe(before);
  });
});
