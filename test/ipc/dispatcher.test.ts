import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCaseSchema, type OpenCase } from '../../shared/domain/case';
import type { Envelope } from '../../shared/ipc/envelope';
import { bytesOf } from '../helpers/raw-db';
import { recordingHost, type RecordingHost } from '../helpers/test-host';
import { useTempDir } from '../helpers/temp-dir';
import { TEST_PASSPHRASE } from '../helpers/cases';

const tempDir = useTempDir();
const hosts: RecordingHost[] = [];
afterEach(() => hosts.splice(0).forEach((host) => host.deps.session.close()));

function host(dir: string, dialogs: RecordingHost['deps']['dialogs'] = null): RecordingHost {
  const made = recordingHost(dir, dialogs);
  hosts.push(made);
  return made;
}

function value<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`${envelope.code}: ${envelope.message}`);
  return envelope.value;
}

async function createdCase(h: RecordingHost, dir: string): Promise<OpenCase> {
  const input = {
    path: join(dir, 'c.bdcase'),
    title: 'Case',
    organisation: 'Org',
    passphrase: TEST_PASSPHRASE,
  };
  return openCaseSchema.parse(value(await h.dispatch('case.create', input)));
}

describe('dispatcher', () => {
  it('runs a whole session: create, edit, list the audit log, verify, close', async () => {
    const dir = tempDir();
    const h = host(dir);
    const created = await createdCase(h, dir);
    expect(created).toMatchObject({ schemaVersion: 100, record: { title: 'Case', status: 'investigating' } });
    const updated = value(await h.dispatch('case.update', { patch: { title: 'Renamed' } }));
    expect(updated).toMatchObject({ title: 'Renamed' });
    const audit = value(await h.dispatch('audit.list', {})) as {
      total: number;
      entries: { action: string }[];
    };
    expect(audit.total).toBe(2);
    expect(audit.entries.map((e) => e.action)).toEqual(['case.updated', 'case.created']);
    expect(value(await h.dispatch('case.verify', {}))).toMatchObject({ ok: true });
    expect(value(await h.dispatch('recent.list', {}))).toMatchObject([{ title: 'Renamed', state: 'locked' }]);
    expect(value(await h.dispatch('case.close', {}))).toBeNull();
    expect(value(await h.dispatch('case.current', {}))).toBeNull();
    expect(h.events.map((e) => e.payload)).toEqual([
      { reason: 'opened' },
      { reason: 'updated' },
      { reason: 'closed' },
    ]);
  });

  it('refuses unknown channels', async () => {
    const h = host(tempDir());
    expect(await h.dispatch('fs.readFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      code: 'UNKNOWN_CHANNEL',
    });
    expect(await h.dispatch(undefined, {})).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' });
  });

  it('an input that fails validation changes nothing', async () => {
    const dir = tempDir();
    const h = host(dir);
    const created = await createdCase(h, dir);
    const before = bytesOf(created.path);
    for (const bad of [
      { patch: { title: '' } },
      { patch: { status: 'lost' } },
      { patch: { title: 'ok', id: 'forged' } },
      { patch: {} },
      'not an object',
      { patch: { title: 'x'.repeat(201) } },
    ]) {
      const result = await h.dispatch('case.update', bad);
      expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    }
    expect(bytesOf(created.path).equals(before)).toBe(true);
    expect((value(await h.dispatch('audit.list', {})) as { total: number }).total).toBe(1);
  });

  it('says which field is wrong, in a sentence', async () => {
    const h = host(tempDir());
    const result = await h.dispatch('case.create', {
      path: '',
      title: 'T',
      organisation: 'O',
      plaintext: true,
    });
    expect(result).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: 'Invalid input: path: A case file path is required.',
    });
  });

  it('needs an open case for case channels', async () => {
    const h = host(tempDir());
    expect(await h.dispatch('case.update', { patch: { title: 'T' } })).toMatchObject({
      ok: false,
      code: 'NO_CASE_OPEN',
    });
    expect(await h.dispatch('audit.list', {})).toMatchObject({ ok: false, code: 'NO_CASE_OPEN' });
  });

  it('never sends a stack trace or SQL text across, and logs the error in full instead', async () => {
    const dir = tempDir();
    const h = host(dir);
    await createdCase(h, dir);
    // Break the schema under the service to force an unexpected SQLite error ("no such table").
    h.deps.session.require().db.exec('DROP TABLE case_record');
    const internal = await h.dispatch('case.update', { patch: { title: 'T' } });
    expect(internal).toEqual({
      ok: false,
      code: 'INTERNAL',
      message: 'An unexpected error occurred inside Breachdesk; it was written to the log.',
    });
    expect(JSON.stringify(internal)).not.toMatch(/SELECT|sqlite|case_record|\.ts:/i);
    expect(String(h.errors[0])).toMatch(/no such table: case_record/);
    expect(h.errors).toHaveLength(1);
  });

  it('reports dialogs as unsupported where the host has none, and uses them where it has', async () => {
    const dir = tempDir();
    expect(await host(dir).dispatch('dialog.chooseCaseToOpen', {})).toMatchObject({
      ok: false,
      code: 'UNSUPPORTED',
    });
    const withDialogs = host(dir, {
      chooseCaseToOpen: () => Promise.resolve(null),
      chooseNewCasePath: (name) => Promise.resolve(join(dir, `${name}.bdcase`)),
      chooseEvidence: (folders) => Promise.resolve(folders ? [dir] : []),
      chooseExportPath: (name) => Promise.resolve(join(dir, name)),
      chooseBundle: () => Promise.resolve(join(dir, 'bundle.zip')),
      chooseBundlePath: (name) => Promise.resolve(join(dir, `${name}.zip`)),
      chooseDataset: () => Promise.resolve(join(dir, 'people.csv')),
      chooseMapping: () => Promise.resolve(null),
      chooseRosterSavePath: (kind, name) =>
        Promise.resolve(join(dir, `${name}.${kind === 'mapping' ? 'json' : 'csv'}`)),
      chooseNoticesFolder: (name) => Promise.resolve(join(dir, name)),
      chooseTrackingFiles: () => Promise.resolve([join(dir, 'bounces.csv')]),
      chooseCodesFile: () => Promise.resolve(null),
      chooseRulePack: () => Promise.resolve(null),
    });
    expect(value(await withDialogs.dispatch('dialog.chooseTrackingFiles', {}))).toEqual({
      paths: [join(dir, 'bounces.csv')],
    });
    expect(value(await withDialogs.dispatch('dialog.chooseDataset', {}))).toEqual({
      path: join(dir, 'people.csv'),
    });
    expect(
      value(
        await withDialogs.dispatch('dialog.chooseRosterSavePath', { kind: 'mapping', suggestedName: 'map' }),
      ),
    ).toEqual({ path: join(dir, 'map.json') });
    expect(value(await withDialogs.dispatch('dialog.chooseCaseToOpen', {}))).toEqual({ path: null });
    expect(value(await withDialogs.dispatch('dialog.chooseNewCasePath', { suggestedName: 'x' }))).toEqual({
      path: join(dir, 'x.bdcase'),
    });
    expect(value(await withDialogs.dispatch('dialog.chooseEvidence', { folders: true }))).toEqual({
      paths: [dir],
    });
    expect(value(await withDialogs.dispatch('dialog.chooseExportPath', { suggestedName: 'a.log' }))).toEqual({
      path: join(dir, 'a.log'),
    });
    expect(value(await withDialogs.dispatch('dialog.chooseBundle', {}))).toEqual({
      path: join(dir, 'bundle.zip'),
    });
    expect(value(await withDialogs.dispatch('dialog.chooseBundlePath', { suggestedName: 'b' }))).toEqual({
      path: join(dir, 'b.zip'),
    });
  });

  it('opening the file that is already open returns it instead of failing on its own lock', async () => {
    const dir = tempDir();
    const h = host(dir);
    const created = await createdCase(h, dir);
    expect(value(await h.dispatch('case.open', { path: created.path }))).toEqual(created);
  });

  it('opening another file closes the previous one', async () => {
    const dir = tempDir();
    const h = host(dir);
    const first = await createdCase(h, dir);
    value(
      await h.dispatch('case.create', {
        path: join(dir, 'd.bdcase'),
        title: 'D',
        organisation: 'O',
        plaintext: true,
      }),
    );
    // The first file's lock is released: another host can open it now.
    const other = host(dir);
    expect(
      value(await other.dispatch('case.open', { path: first.path, passphrase: TEST_PASSPHRASE })),
    ).toMatchObject({
      record: { title: 'Case' },
    });
  });
});
