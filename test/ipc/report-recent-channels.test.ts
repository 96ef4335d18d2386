import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingHost, type RecordingHost } from '../helpers/test-host';
import { useTempDir } from '../helpers/temp-dir';

/*
 * Issue 18, items 10 and 11 through the bridge: recent.list gives each case its notices at a
 * glance (locked for an encrypted case whose passphrase is not remembered), and report.export
 * writes the status report.
 */
const tempDir = useTempDir();
const hosts: RecordingHost[] = [];
afterEach(() => hosts.splice(0).forEach((host) => host.deps.session.close()));

function host(dir: string): RecordingHost {
  const made = recordingHost(dir);
  hosts.push(made);
  return made;
}

async function call(h: RecordingHost, channel: string, input: unknown): Promise<unknown> {
  const envelope = await h.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.code} ${envelope.message}`);
  return envelope.value;
}

describe('recent.list and report.export', () => {
  it('lists figures for a plaintext case, figures for a remembered encrypted one, and locked for a forgotten one', async () => {
    const dir = tempDir();
    const h = host(dir);
    const plain = join(dir, 'plain.bdcase');
    const remembered = join(dir, 'remembered.bdcase');
    const forgotten = join(dir, 'forgotten.bdcase');
    await call(h, 'case.create', { path: plain, title: 'Plain', organisation: 'Org', plaintext: true });
    await call(h, 'case.create', {
      path: remembered,
      title: 'Remembered',
      organisation: 'Org',
      passphrase: 'a long remembered passphrase',
      remember: true,
    });
    await call(h, 'case.create', {
      path: forgotten,
      title: 'Forgotten',
      organisation: 'Org',
      passphrase: 'a long forgotten passphrase',
    });
    await call(h, 'case.close', {});

    const list = (await call(h, 'recent.list', {})) as { path: string; glance: { kind: string } | null }[];
    const glanceOf = (path: string) => list.find((entry) => entry.path === path)?.glance;
    expect(glanceOf(plain)).toMatchObject({ kind: 'figures', owed: 0, open: [] });
    expect(glanceOf(remembered)).toMatchObject({ kind: 'figures' });
    expect(glanceOf(forgotten)).toEqual({ kind: 'locked' });
  });

  it('writes the status report of the open case, and refuses without one', async () => {
    const dir = tempDir();
    const h = host(dir);
    const target = join(dir, 'report.html');
    const refused = await h.dispatch('report.export', { path: target });
    expect(refused).toMatchObject({ ok: false, code: 'NO_CASE_OPEN' });
    await call(h, 'case.create', {
      path: join(dir, 'case.bdcase'),
      title: 'Partner API exposure',
      organisation: 'Org',
      plaintext: true,
    });
    expect(await call(h, 'report.export', { path: target })).toEqual({
      path: target,
      format: 'html',
      withheld: 0,
    });
    expect(readFileSync(target, 'utf8')).toContain('Where we stand: Partner API exposure');
    const invalid = await h.dispatch('report.export', { path: join(dir, 'r.pdf'), format: 'docx' });
    expect(invalid).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});
