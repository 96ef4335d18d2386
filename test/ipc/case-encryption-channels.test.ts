import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/ipc/envelope';
import { bytesOf } from '../helpers/raw-db';
import { recordingHost, type RecordingHost } from '../helpers/test-host';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const hosts: RecordingHost[] = [];
afterEach(() => {
  for (const h of hosts.splice(0)) h.deps.session.close();
});

function host(dir: string): RecordingHost {
  const made = recordingHost(dir);
  hosts.push(made);
  return made;
}

function value<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`${envelope.code}: ${envelope.message}`);
  return envelope.value;
}

const PASS = 'a passphrase with spaces ';
const isPlain = (path: string) => bytesOf(path).subarray(0, 16).toString('latin1') === 'SQLite format 3\0';

describe('case encryption channels', () => {
  it('remembers a passphrase only encrypted by the keychain, opens with it, and forgets it', async () => {
    const dir = tempDir();
    const h = host(dir);
    const path = join(dir, 'c.bdcase');
    const created = value(
      await h.dispatch('case.create', {
        path,
        title: 'T',
        organisation: 'O',
        passphrase: PASS,
        remember: true,
      }),
    ) as { encrypted: boolean; passphraseRemembered: boolean };
    expect(created).toMatchObject({ encrypted: true, passphraseRemembered: true });
    const store = readFileSync(join(dir, 'config', 'remembered-passphrases.json'));
    expect(store.includes(PASS)).toBe(false);
    expect(store.includes(Buffer.from(PASS).toString('base64'))).toBe(false);
    value(await h.dispatch('case.close', {}));

    expect(value(await h.dispatch('case.open', { path }))).toMatchObject({ passphraseRemembered: true });
    expect(value(await h.dispatch('case.forgetPassphrase', {}))).toMatchObject({
      passphraseRemembered: false,
    });
    value(await h.dispatch('case.close', {}));
    expect(await h.dispatch('case.open', { path })).toMatchObject({ ok: false, code: 'PASSPHRASE_REQUIRED' });
    expect(await h.dispatch('case.open', { path, passphrase: 'wrong' })).toMatchObject({
      ok: false,
      code: 'WRONG_PASSPHRASE',
      message: expect.stringMatching(/the passphrase does not open this case file\.$/) as string,
    });
    expect(value(await h.dispatch('case.open', { path, passphrase: PASS }))).toMatchObject({
      encrypted: true,
    });
  });

  it('a remembered passphrase that no longer opens the file is forgotten, and the person is asked', async () => {
    const dir = tempDir();
    const h = host(dir);
    const path = join(dir, 'c.bdcase');
    value(
      await h.dispatch('case.create', {
        path,
        title: 'T',
        organisation: 'O',
        passphrase: PASS,
        remember: true,
      }),
    );
    // Changed elsewhere: the passphrase this computer remembers is now the old one.
    value(
      await h.dispatch('case.changePassphrase', { current: PASS, passphrase: 'new one', remember: false }),
    );
    h.deps.passphrases?.remember(path, Buffer.from(PASS));
    value(await h.dispatch('case.close', {}));
    expect(await h.dispatch('case.open', { path })).toMatchObject({
      ok: false,
      code: 'PASSPHRASE_REQUIRED',
      message: expect.stringMatching(/remembered no longer opens/) as string,
    });
    expect(h.deps.passphrases?.has(path)).toBe(false);
  });

  it('encrypts a plaintext case in place and changes its passphrase, audited; a wrong current one changes nothing', async () => {
    const dir = tempDir();
    const h = host(dir);
    const path = join(dir, 'c.bdcase');
    value(await h.dispatch('case.create', { path, title: 'T', organisation: 'O', plaintext: true }));
    expect(isPlain(path)).toBe(true);
    expect(value(await h.dispatch('case.encrypt', { passphrase: PASS }))).toMatchObject({ encrypted: true });
    expect(isPlain(path)).toBe(false);
    expect(await h.dispatch('case.encrypt', { passphrase: PASS })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });

    const before = bytesOf(path);
    expect(await h.dispatch('case.changePassphrase', { current: 'wrong', passphrase: 'x' })).toMatchObject({
      ok: false,
      code: 'WRONG_PASSPHRASE',
    });
    expect(bytesOf(path).equals(before)).toBe(true);
    value(await h.dispatch('case.changePassphrase', { current: PASS, passphrase: 'second' }));
    const audit = value(await h.dispatch('audit.list', {})) as { entries: { action: string }[] };
    expect(audit.entries.map((e) => e.action).slice(0, 2)).toEqual([
      'casefile.rekeyed',
      'casefile.encrypted',
    ]);
    expect(value(await h.dispatch('case.verify', {}))).toMatchObject({ ok: true });
    value(await h.dispatch('case.close', {}));
    expect(await h.dispatch('case.open', { path, passphrase: PASS })).toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    expect(value(await h.dispatch('case.open', { path, passphrase: 'second' }))).toMatchObject({
      encrypted: true,
    });
    expect(readdirSync(dir).filter((name) => name.endsWith('.bdcase') || name.includes('creating'))).toEqual([
      'c.bdcase',
    ]);
  });
});
