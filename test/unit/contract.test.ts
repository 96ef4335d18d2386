import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, EVENT_NAMES, isChannelName } from '../../shared/ipc/channel-names';
import { contract, events } from '../../shared/ipc/contract';

describe('contract', () => {
  it('declares a schema pair for exactly the channel names the preload allows', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(Object.keys(events).sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('recognises channel names and nothing else', () => {
    expect(isChannelName('case.open')).toBe(true);
    expect(isChannelName('case.open ')).toBe(false);
    expect(isChannelName('__proto__')).toBe(false);
    expect(isChannelName(42)).toBe(false);
  });

  it('trims titles and refuses empty ones', () => {
    const input = contract['case.create'].input;
    expect(input.parse({ path: 'a.bdcase', title: '  T  ', organisation: 'O', passphrase: ' p ' })).toEqual({
      path: 'a.bdcase',
      title: 'T',
      organisation: 'O',
      overwrite: false,
      // Never trimmed: spaces may be part of a passphrase.
      passphrase: ' p ',
      plaintext: false,
      remember: false,
    });
    expect(
      input.safeParse({ path: 'a.bdcase', title: '   ', organisation: 'O', plaintext: true }).success,
    ).toBe(false);
    expect(
      input.safeParse({ path: 'a.bdcase', title: 'T', organisation: 'O', plaintext: true, extra: 1 }).success,
    ).toBe(false);
  });

  it('encrypts a new case unless plaintext is chosen explicitly, and never both', () => {
    const input = contract['case.create'].input;
    const base = { path: 'a.bdcase', title: 'T', organisation: 'O' };
    const refused = input.safeParse(base);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/give it a passphrase, or choose explicitly/);
    expect(input.safeParse({ ...base, plaintext: true }).success).toBe(true);
    expect(input.safeParse({ ...base, passphrase: 'x', plaintext: true }).success).toBe(false);
    expect(input.safeParse({ ...base, passphrase: '' }).success).toBe(false);
    // No upper length limit.
    expect(input.safeParse({ ...base, passphrase: 'x'.repeat(100_000) }).success).toBe(true);
  });

  it('refuses an empty case patch and unknown statuses', () => {
    const input = contract['case.update'].input;
    expect(input.safeParse({ patch: {} }).success).toBe(false);
    expect(input.safeParse({ patch: { status: 'lost' } }).success).toBe(false);
    expect(input.safeParse({ patch: { status: 'closed' } }).success).toBe(true);
  });
});
