import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BreachdeskBridge } from '../../shared/ipc/bridge';
import type { ChannelName, EventName } from '../../shared/ipc/channel-names';
import type { Envelope } from '../../shared/ipc/envelope';
// Only the types: the module itself is loaded once the fake bridge is in place.
import type * as JobStoreModule from '../../renderer/src/jobs/job-store';

// The runner reaches main through window.breachdesk; this fake records each request and lets the
// test answer it and send progress events, as main would.

interface Pending {
  channel: ChannelName;
  input: { jobId?: string };
  answer: (envelope: Envelope<unknown>) => void;
}

const requests: Pending[] = [];
const listeners = new Set<(payload: unknown) => void>();

const fakeBridge: BreachdeskBridge = {
  invoke(channel, input) {
    return new Promise((answer) => requests.push({ channel, input: input as { jobId?: string }, answer }));
  },
  on(event: EventName, listener) {
    if (event !== 'job.progress') return () => undefined;
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  pathForFile: () => '',
};

const verification = { ok: true, items: 2, blobs: 2, bytes: 10, failed: [], at: '2020-11-12T13:05:00.000Z' };

function progress(jobId: string, doneBytes: number) {
  return {
    jobId,
    job: 'verify',
    phase: 'Reading',
    doneBytes,
    totalBytes: 100,
    doneItems: 1,
    totalItems: 2,
    current: 'access.log',
    bytesPerSecond: 50,
    secondsLeft: 1,
  };
}

/** Lets the runner's awaits run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let runner: typeof JobStoreModule;

beforeAll(async () => {
  Object.assign(globalThis, { window: { breachdesk: fakeBridge } });
  runner = await import('../../renderer/src/jobs/job-store');
});

afterEach(() => {
  requests.length = 0;
});

describe('job runner', () => {
  it('starts a job on its channel with a job id, follows its progress and reports its value', async () => {
    const store = runner.useJobStore;
    const started: string[] = [];
    const ended = store.getState().run({
      lane: 'evidence',
      kind: 'verify',
      label: 'Verifying 2 items',
      channel: 'evidence.verify',
      input: {},
      started: () => started.push('started'),
    });
    const request = requests[0];
    const jobId = request?.input.jobId ?? '';
    expect(request?.channel).toBe('evidence.verify');
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(started).toEqual(['started']);
    expect(store.getState().running.evidence).toMatchObject({ id: jobId, label: 'Verifying 2 items' });

    for (const listener of listeners) listener(progress(jobId, 40));
    for (const listener of listeners) listener(progress('00000000-0000-4000-8000-000000000000', 90));
    expect(store.getState().running.evidence?.progress?.doneBytes).toBe(40);

    request?.answer({ ok: true, value: verification });
    await expect(ended).resolves.toEqual({ kind: 'done', value: verification });
    expect(store.getState().running.evidence).toBeUndefined();
    expect(listeners.size).toBe(0);
  });

  it('runs one job per lane; another lane is free', async () => {
    const store = runner.useJobStore;
    const first = store.getState().run({
      lane: 'evidence',
      kind: 'verify',
      label: 'Verifying',
      channel: 'evidence.verify',
      input: {},
    });
    const busy = await store.getState().run({
      lane: 'evidence',
      kind: 'verify',
      label: 'Again',
      channel: 'evidence.verify',
      input: {},
    });
    expect(busy).toEqual({
      kind: 'busy',
      message: expect.stringContaining('Another evidence job') as string,
    });
    const bundle = store.getState().run({
      lane: 'bundles',
      kind: 'bundle-verify',
      label: 'Verifying a bundle',
      channel: 'bundle.verify',
      input: { path: '/tmp/a.zip' },
    });
    expect(requests.map((request) => request.channel)).toEqual(['evidence.verify', 'bundle.verify']);
    for (const request of requests) request.answer({ ok: false, code: 'INTERNAL', message: 'Broken.' });
    await expect(first).resolves.toEqual({ kind: 'failed', code: 'INTERNAL', message: 'Broken.' });
    await expect(bundle).resolves.toMatchObject({ kind: 'failed' });
  });

  it('cancels once, and a cancelled job ends as cancelled', async () => {
    const store = runner.useJobStore;
    const ended = store.getState().run({
      lane: 'evidence',
      kind: 'verify',
      label: 'Verifying',
      channel: 'evidence.verify',
      input: {},
    });
    const jobId = requests[0]?.input.jobId;
    const cancelled = store.getState().cancel('evidence');
    await store.getState().cancel('evidence');
    expect(store.getState().running.evidence?.cancelling).toBe(true);
    const cancels = requests.filter((request) => request.channel === 'jobs.cancel');
    expect(cancels.map((request) => request.input.jobId)).toEqual([jobId]);
    cancels[0]?.answer({ ok: true, value: { cancelled: true } });
    await expect(cancelled).resolves.toBeNull();
    requests[0]?.answer({ ok: false, code: 'CANCELLED', message: 'Cancelled.' });
    await expect(ended).resolves.toEqual({ kind: 'cancelled' });
  });

  it('shows the job as running again when the cancel request fails, and says why', async () => {
    const store = runner.useJobStore;
    const ended = store.getState().run({
      lane: 'evidence',
      kind: 'verify',
      label: 'Verifying',
      channel: 'evidence.verify',
      input: {},
    });
    const cancelled = store.getState().cancel('evidence');
    await settle();
    requests
      .find((request) => request.channel === 'jobs.cancel')
      ?.answer({
        ok: false,
        code: 'INTERNAL',
        message: 'Could not stop it.',
      });
    await expect(cancelled).resolves.toBe('Could not stop it.');
    expect(store.getState().running.evidence?.cancelling).toBe(false);
    requests[0]?.answer({ ok: true, value: verification });
    await expect(ended).resolves.toMatchObject({ kind: 'done' });
  });

  it('forgets a released job: its end no longer clears a newer one', async () => {
    const store = runner.useJobStore;
    const old = store.getState().run({
      lane: 'evidence',
      kind: 'verify',
      label: 'Old case',
      channel: 'evidence.verify',
      input: {},
    });
    store.getState().release('evidence');
    expect(store.getState().running.evidence).toBeUndefined();
    const current = store.getState().run({
      lane: 'evidence',
      kind: 'verify',
      label: 'New case',
      channel: 'evidence.verify',
      input: {},
    });
    requests[0]?.answer({ ok: true, value: verification });
    await old;
    expect(store.getState().running.evidence?.label).toBe('New case');
    requests[1]?.answer({ ok: true, value: verification });
    await current;
  });
});
