import { describe, expect, it } from 'vitest';
import { parseCount } from '../../renderer/src/features/people/counts';
import { formatCount } from '../../shared/text/count';
import { PendingPatches, upsert } from '../../renderer/src/lib/pending-patches';
import { parseTimeDraft, sameDraft } from '../../renderer/src/lib/time-draft';

describe('time drafts', () => {
  it('reads a wall-clock time in its zone, at the precision written', () => {
    const parsed = parseTimeDraft(
      { text: '2020-11-12 14:05', zone: 'Europe/Stockholm', approximate: false },
      true,
    );
    expect(parsed).toEqual({
      ok: true,
      time: {
        utc: '2020-11-12T13:05:00.000Z',
        zone: 'Europe/Stockholm',
        precision: 'exact',
        approximate: false,
      },
    });
    const month = parseTimeDraft({ text: '2020-11', zone: 'UTC', approximate: true }, true);
    expect(month.ok && month.time).toMatchObject({ precision: 'month', approximate: true });
  });

  it('treats empty text as unknown only where unknown is allowed', () => {
    const draft = { text: '  ', zone: 'UTC', approximate: false };
    expect(parseTimeDraft(draft, true)).toEqual({ ok: true, time: null });
    expect(parseTimeDraft(draft, false)).toEqual({ ok: false, reason: 'Enter a date and time' });
  });

  it('refuses text that is not a time, saying how to write one', () => {
    const parsed = parseTimeDraft({ text: '2020-13-45 25:00', zone: 'UTC', approximate: false }, true);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(/^Write the time as YYYY-MM-DD HH:MM/);
  });

  it('compares drafts by meaning; empty ones also by zone', () => {
    const a = { text: '2020-11-12 14:05', zone: 'Europe/Stockholm', approximate: false };
    expect(sameDraft(a, { ...a, text: '2020-11-12T14:05' })).toBe(true);
    expect(sameDraft(a, { ...a, zone: 'Europe/London' })).toBe(false);
    const empty = { text: '', zone: 'UTC', approximate: false };
    expect(sameDraft(empty, { ...empty, zone: 'Europe/Paris' })).toBe(false);
    expect(sameDraft(empty, { ...empty })).toBe(true);
  });
});

describe('counts', () => {
  it('reads whole numbers with or without separators', () => {
    expect(parseCount('1240')).toBe(1240);
    expect(parseCount(' 1,240 ')).toBe(1240);
    expect(parseCount('60 500')).toBe(60_500);
    expect(parseCount('12.5')).toBeNull();
    expect(parseCount('-3')).toBeNull();
    expect(parseCount('')).toBeNull();
    expect(parseCount('10000000001')).toBeNull();
    expect(formatCount(350_000)).toBe('350,000');
  });
});

describe('pending patches', () => {
  it('shows an item with the edits still on their way, and forgets them when done', () => {
    const pending = new PendingPatches<{ note?: string; encrypted?: boolean }>();
    const item = { id: 'a', note: '', encrypted: false };
    const first = { note: 'md5' };
    pending.add('a', first);
    pending.add('a', { encrypted: true });
    expect(pending.apply(item)).toEqual({ id: 'a', note: 'md5', encrypted: true });
    pending.delete('a', first);
    expect(upsert([item], item, pending)).toEqual([{ id: 'a', note: '', encrypted: true }]);
    pending.clear();
    expect(upsert([item], { id: 'b', note: 'x', encrypted: false })).toHaveLength(2);
  });
});
