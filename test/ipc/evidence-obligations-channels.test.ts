import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../shared/ipc/contract';
import { recordingHost, type RecordingHost } from '../helpers/test-host';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const hosts: RecordingHost[] = [];
afterEach(() => hosts.splice(0).forEach((host) => host.deps.session.close()));

async function demoHost(): Promise<{ host: RecordingHost; dir: string }> {
  const dir = tempDir();
  const host = recordingHost(dir);
  hosts.push(host);
  const opened = await host.dispatch('demo.create', { path: join(dir, 'demo.bdcase') });
  expect(opened.ok).toBe(true);
  return { host, dir };
}

describe('evidence and obligations through the dispatcher', () => {
  it('takes evidence in with progress events, refuses a job id in use, and cancels an unknown job harmlessly', async () => {
    const { host, dir } = await demoHost();
    const path = join(dir, 'note.txt');
    writeFileSync(path, 'the partner token was rotated\n');
    const jobId = randomUUID();
    const added = await host.dispatch('evidence.add', { jobId, paths: [path] });
    expect(added).toMatchObject({ ok: true, value: { added: [{ name: 'note.txt' }] } });
    expect(
      host.events.some((e) => e.event === 'job.progress' && (e.payload as { jobId: string }).jobId === jobId),
    ).toBe(true);
    expect(host.events.at(-1)).toEqual({ event: 'case.contentChanged', payload: { areas: ['evidence'] } });
    expect(await host.dispatch('jobs.cancel', { jobId })).toEqual({ ok: true, value: { cancelled: false } });
    expect(await host.dispatch('evidence.add', { jobId: 'not-a-uuid', paths: [path] })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(
      await host.dispatch('evidence.add', { jobId: randomUUID(), paths: [join(dir, 'missing.txt')] }),
    ).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    const search = await host.dispatch('search.query', { text: 'rotated' });
    expect(search).toMatchObject({ ok: true });
  });

  it('records statuses only with what each needs, and says what changed', async () => {
    const { host } = await demoHost();
    const sentWithoutChannel = await host.dispatch('obligations.setStatus', {
      ruleId: 'gdpr-art33-lead-authority',
      status: { status: 'sent', sentAt: '2020-11-18T10:00:00.000Z' },
    });
    expect(sentWithoutChannel).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const notRequiredWithoutReason = await host.dispatch('obligations.setStatus', {
      ruleId: 'us-wa-individuals',
      status: { status: 'not_required', rationale: '  ' },
    });
    expect(notRequiredWithoutReason).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const sent = await host.dispatch('obligations.setStatus', {
      ruleId: 'gdpr-art33-lead-authority',
      status: { status: 'sent', sentAt: '2020-11-18T10:00:00.000Z', channel: 'IMY e-service' },
    });
    expect(sent).toMatchObject({ ok: true, value: { status: 'sent', channel: 'IMY e-service' } });
    expect(host.events.at(-1)).toEqual({ event: 'case.contentChanged', payload: { areas: ['obligations'] } });
    const envelope = await host.dispatch('obligations.board', {});
    const board = contract['obligations.board'].output.parse(envelope.ok ? envelope.value : null);
    expect(board.rows.find((r) => r.ruleId === 'gdpr-art33-lead-authority')?.status?.status).toBe('sent');
    expect(await host.dispatch('obligations.board', { asOf: '2020-13-45' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
  });
});
