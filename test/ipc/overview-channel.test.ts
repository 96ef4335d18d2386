import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { overviewSchema } from '../../shared/domain/overview';
import type { Envelope } from '../../shared/ipc/envelope';
import { recordingHost, type RecordingHost } from '../helpers/test-host';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const hosts: RecordingHost[] = [];
afterEach(() => {
  for (const h of hosts.splice(0)) h.deps.session.close();
});

function value<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`${envelope.code}: ${envelope.message}`);
  return envelope.value;
}

describe('overview.get', () => {
  it('counts "what now" against the now it is given, and refuses a now that is not a UTC instant', async () => {
    const dir = tempDir();
    const h = recordingHost(dir);
    hosts.push(h);
    value(await h.dispatch('demo.create', { path: join(dir, 'demo.bdcase') }));

    const dayTwo = overviewSchema.parse(
      value(await h.dispatch('overview.get', { now: '2020-11-17T15:00:00.000Z' })),
    );
    expect(dayTwo.whatNow.now).toBe('2020-11-17T15:00:00.000Z');
    expect(dayTwo.whatNow.counts).toMatchObject({ owed: 10, overdue: 0, sent: 0 });
    expect(dayTwo.whatNow.nextDeadlines[0]?.short).toBe('Art. 33');

    const later = overviewSchema.parse(
      value(await h.dispatch('overview.get', { now: '2020-11-20T12:00:00.000Z' })),
    );
    expect(later.whatNow.counts.overdue).toBe(1);

    const bad = await h.dispatch('overview.get', { now: 'tomorrow' });
    expect(bad.ok).toBe(false);
    const extra = await h.dispatch('overview.get', { today: '2020-11-17' });
    expect(extra.ok).toBe(false);
  });
});
