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
    expect(input.parse({ path: 'a.bdcase', title: '  T  ', organisation: 'O' })).toEqual({
      path: 'a.bdcase',
      title: 'T',
      organisation: 'O',
      overwrite: false,
    });
    expect(input.safeParse({ path: 'a.bdcase', title: '   ', organisation: 'O' }).success).toBe(false);
    expect(input.safeParse({ path: 'a.bdcase', title: 'T', organisation: 'O', extra: 1 }).success).toBe(
      false,
    );
  });

  it('refuses an empty case patch and unknown statuses', () => {
    const input = contract['case.update'].input;
    expect(input.safeParse({ patch: {} }).success).toBe(false);
    expect(input.safeParse({ patch: { status: 'lost' } }).success).toBe(false);
    expect(input.safeParse({ patch: { status: 'closed' } }).success).toBe(true);
  });
});
