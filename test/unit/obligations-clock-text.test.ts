import { describe, expect, it } from 'vitest';
import type { Obligation } from '../../shared/obligations/obligation';
import { clockText } from '../../renderer/src/features/obligations/format';

const deadline = (
  unit: Obligation['deadline']['unit'],
  reckoning: string | null,
): Obligation['deadline'] => ({
  state: 'fixed',
  due: '2026-06-10T13:00:00.000Z',
  clock: 'discovery',
  clockAt: '2026-05-20T13:00:00.000Z',
  wording: 'Within 14 business days.',
  suggested: null,
  reckoning,
  unit,
});

describe('the board clock text', () => {
  it("shows the engine's account for business days, which the span between the dates cannot give", () => {
    const reckoning = '14 business days after discovery on 2026-05-20, skipping Memorial Day (25 May)';
    expect(clockText(deadline('businessDays', reckoning))).toBe(reckoning);
  });

  it('keeps the span for calendar days ("21 days from discovery, …")', () => {
    expect(clockText(deadline('days', '21 calendar days after discovery on 2026-05-20'))).toMatch(
      /^21 days from discovery, 2026-05-20 /,
    );
  });
});
