import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import { evaluateObligations } from '../../shared/obligations/engine';
import {
  addBusinessDays,
  addPeriod,
  isHolidayCalendar,
  reckoningText,
} from '../../shared/obligations/periods';
import { rulePackSchema, type Period, type RulePack } from '../../shared/obligations/rule-pack';
import { engineCase, obligationIn } from '../helpers/obligations';

const NEW_YORK = 'America/New_York';
const CHICAGO = 'America/Chicago';

/** A start recorded in a zone, as the case stores it. */
const at = (utc: string, zone: string) => ({ utc, zone });

describe('hours', () => {
  it('are exact elapsed time: 72 hours across the spring DST change end an hour later on the wall clock', () => {
    // Friday 2026-03-06 09:00 EST; clocks go forward on Sunday 8 March: Monday 10:00 EDT.
    expect(addPeriod(at('2026-03-06T14:00:00.000Z', NEW_YORK), { hours: 72 })).toEqual({
      due: '2026-03-09T14:00:00.000Z',
      skipped: [],
    });
  });

  it('ignore weekends and holidays: 48 hours from the Friday before Memorial Day end on that Sunday', () => {
    expect(addPeriod(at('2026-05-22T13:00:00.000Z', NEW_YORK), { hours: 48 }).due).toBe(
      '2026-05-24T13:00:00.000Z',
    );
  });
});

describe('calendar days', () => {
  it('keep the wall-clock time across the spring DST change (the day is 23 hours long)', () => {
    // Friday 09:00 EST + 3 days = Monday 09:00 EDT.
    expect(addPeriod(at('2026-03-06T14:00:00.000Z', NEW_YORK), { days: 3 }).due).toBe(
      '2026-03-09T13:00:00.000Z',
    );
  });

  it('keep the wall-clock time across the autumn DST change in Chicago (a 25-hour day)', () => {
    // Friday 2026-10-30 09:00 CDT + 3 days = Monday 2026-11-02 09:00 CST.
    expect(addPeriod(at('2026-10-30T14:00:00.000Z', CHICAGO), { days: 3 }).due).toBe(
      '2026-11-02T15:00:00.000Z',
    );
  });

  it('count weekends and holidays: 30 days from 2026-05-20 is 2026-06-19, Juneteenth or not', () => {
    expect(addPeriod(at('2026-05-20T13:00:00.000Z', NEW_YORK), { days: 30 })).toEqual({
      due: '2026-06-19T13:00:00.000Z',
      skipped: [],
    });
  });
});

describe('business days', () => {
  const us = (businessDays: number, calendar = 'US'): Period => ({ businessDays, calendar });

  it('skip the weekend: one business day after a Friday is the Monday, at the same time', () => {
    // Friday 2026-05-08 10:00 EDT.
    expect(addPeriod(at('2026-05-08T14:00:00.000Z', NEW_YORK), us(1)).due).toBe('2026-05-11T14:00:00.000Z');
  });

  it('never count the day of the start, even a Saturday: the next Monday is day one', () => {
    expect(addPeriod(at('2026-05-09T14:00:00.000Z', NEW_YORK), us(1)).due).toBe('2026-05-11T14:00:00.000Z');
    expect(addPeriod(at('2026-05-09T14:00:00.000Z', NEW_YORK), us(5)).due).toBe('2026-05-15T14:00:00.000Z');
  });

  it('skip Memorial Day: 14 business days after Wednesday 2026-05-20 is Wednesday 2026-06-10', () => {
    const start = at('2026-05-20T13:00:00.000Z', NEW_YORK);
    const counted = addPeriod(start, us(14));
    expect(counted).toEqual({
      due: '2026-06-10T13:00:00.000Z',
      skipped: [{ name: 'Memorial Day', date: '2026-05-25' }],
    });
    expect(reckoningText(start, us(14), 'discovery', counted.skipped)).toBe(
      '14 business days after discovery on 2026-05-20, skipping Memorial Day (25 May)',
    );
  });

  it('skip Thanksgiving, but not the day after under the federal calendar', () => {
    // Wednesday 2026-11-25 09:00 EST: Thursday is Thanksgiving, Friday counts, Monday is day two.
    expect(addPeriod(at('2026-11-25T14:00:00.000Z', NEW_YORK), us(2))).toEqual({
      due: '2026-11-30T14:00:00.000Z',
      skipped: [{ name: 'Thanksgiving Day', date: '2026-11-26' }],
    });
  });

  it('skip the weekday on which a weekend holiday is observed: Friday 3 July 2026 and Monday 5 July 2027', () => {
    // Thursday 2026-07-02 12:00 EDT: Friday is Independence Day observed, so Monday 6 July.
    const friday = addPeriod(at('2026-07-02T16:00:00.000Z', NEW_YORK), us(1));
    expect(friday).toEqual({
      due: '2026-07-06T16:00:00.000Z',
      skipped: [{ name: 'Independence Day (substitute day)', date: '2026-07-03' }],
    });
    // Friday 2027-07-02 12:00 EDT: 4 July is a Sunday, observed on Monday 5 July, so Tuesday.
    expect(addPeriod(at('2027-07-02T16:00:00.000Z', NEW_YORK), us(1))).toEqual({
      due: '2027-07-06T16:00:00.000Z',
      skipped: [{ name: 'Independence Day (substitute day)', date: '2027-07-05' }],
    });
  });

  it('skip a holiday observed in the year before: 1 January 2028 (a Saturday) on Friday 31 December 2027', () => {
    const start = at('2027-12-30T17:00:00.000Z', NEW_YORK);
    const counted = addPeriod(start, us(1));
    expect(counted).toEqual({
      due: '2028-01-03T17:00:00.000Z',
      skipped: [{ name: "New Year's Day (substitute day)", date: '2027-12-31' }],
    });
  });

  it('keep the wall-clock time across the spring DST change in New York', () => {
    // Friday 2026-03-06 09:00 EST + 1 business day = Monday 09:00 EDT.
    expect(addPeriod(at('2026-03-06T14:00:00.000Z', NEW_YORK), us(1)).due).toBe('2026-03-09T13:00:00.000Z');
  });

  it('keep the wall-clock time across the autumn DST change in Chicago', () => {
    // Friday 2026-10-30 09:00 CDT + 1 business day = Monday 2026-11-02 09:00 CST.
    expect(addPeriod(at('2026-10-30T14:00:00.000Z', CHICAGO), us(1, 'US-IL')).due).toBe(
      '2026-11-02T15:00:00.000Z',
    );
  });

  it("skip a state holiday that is not federal: Patriots' Day (20 April 2026) in Massachusetts only", () => {
    // Friday 2026-04-17 10:00 EDT.
    const start = at('2026-04-17T14:00:00.000Z', NEW_YORK);
    expect(addPeriod(start, us(1)).due).toBe('2026-04-20T14:00:00.000Z');
    const massachusetts = addPeriod(start, us(1, 'US-MA'));
    expect(massachusetts).toEqual({
      due: '2026-04-21T14:00:00.000Z',
      skipped: [{ name: "Patriots' Day", date: '2026-04-20' }],
    });
    expect(reckoningText(start, us(1, 'US-MA'), 'discovery', massachusetts.skipped)).toBe(
      "1 business day after discovery on 2026-04-17, skipping Patriots' Day (20 Apr)",
    );
  });

  it("count the days in the period's zone when it names one, not the zone the clock was recorded in", () => {
    // Recorded in Stockholm on Friday 22 May 01:00 CEST: still Thursday 21 May 19:00 in New York.
    const start = at('2026-05-21T23:00:00.000Z', 'Europe/Stockholm');
    expect(addPeriod(start, { businessDays: 1, calendar: 'US', zone: NEW_YORK }).due).toBe(
      '2026-05-22T23:00:00.000Z',
    );
    // In Stockholm's own days, Friday is the day of the start and Monday is Memorial Day.
    expect(addPeriod(start, us(1)).due).toBe('2026-05-25T23:00:00.000Z');
    expect(reckoningText(start, { businessDays: 1, calendar: 'US', zone: NEW_YORK }, 'discovery', [])).toBe(
      '1 business day after discovery on 2026-05-21',
    );
  });

  it('name several skipped holidays, and the year of one in another year', () => {
    const start = at('2026-12-23T14:00:00.000Z', NEW_YORK);
    const counted = addBusinessDays(start.utc, NEW_YORK, 3, 'US');
    expect(counted.due).toBe('2026-12-29T14:00:00.000Z');
    expect(reckoningText(start, us(3), 'awareness', counted.skipped)).toBe(
      '3 business days after awareness on 2026-12-23, skipping Christmas Day (25 Dec)',
    );
    const longer = addBusinessDays(start.utc, NEW_YORK, 10, 'US');
    expect(longer.due).toBe('2027-01-08T14:00:00.000Z');
    expect(reckoningText(start, us(10), 'awareness', longer.skipped)).toBe(
      "10 business days after awareness on 2026-12-23, skipping Christmas Day (25 Dec) and New Year's Day (1 Jan 2027)",
    );
  });

  it('know the calendars date-holidays knows, and refuse any other', () => {
    expect(isHolidayCalendar('US')).toBe(true);
    expect(isHolidayCalendar('US-OH')).toBe(true);
    expect(isHolidayCalendar('US-ZZ')).toBe(false);
    expect(() => addBusinessDays('2026-05-20T13:00:00.000Z', NEW_YORK, 1, 'US-ZZ')).toThrow(
      'Unknown holiday calendar US-ZZ',
    );
  });
});

describe('the explanation of hours and calendar days', () => {
  it('names the unit and the clock start', () => {
    expect(
      reckoningText(at('2020-11-16T08:30:00.000Z', 'Europe/Stockholm'), { hours: 72 }, 'awareness', []),
    ).toBe('72 hours after awareness at 2020-11-16 09:30 Europe/Stockholm');
    expect(reckoningText(at('2026-05-20T13:00:00.000Z', NEW_YORK), { days: 30 }, 'discovery', [])).toBe(
      '30 calendar days after discovery on 2026-05-20',
    );
  });
});

describe('the period in a rule pack', () => {
  const withPeriod = (period: unknown) => {
    const pack = structuredClone(DEFAULT_RULE_PACK) as unknown as {
      rules: { id: string; deadline: unknown }[];
    };
    const rule = pack.rules.find((r) => r.id === 'us-ca-individuals-2026');
    if (rule === undefined) throw new Error('rule missing');
    rule.deadline = { kind: 'period', clock: 'discovery', period, wording: 'Within the period.' };
    return rulePackSchema.safeParse(pack);
  };

  it('takes exactly one of hours, days or businessDays, and a calendar with business days only', () => {
    expect(withPeriod({ businessDays: 14, calendar: 'US-OH' }).success).toBe(true);
    expect(withPeriod({ businessDays: 14, calendar: 'US-OH', zone: NEW_YORK }).success).toBe(true);
    expect(withPeriod({ businessDays: 14 }).success).toBe(false);
    expect(withPeriod({ days: 14, calendar: 'US' }).success).toBe(false);
    expect(withPeriod({ days: 14, businessDays: 14, calendar: 'US' }).success).toBe(false);
    expect(withPeriod({ businessDays: 14, calendar: 'Ohio' }).success).toBe(false);
    expect(withPeriod({ businessDays: 14, calendar: 'US', zone: 'Mars/Olympus' }).success).toBe(false);
  });

  it('names only calendars date-holidays knows in the shipped pack', () => {
    const calendars = DEFAULT_RULE_PACK.rules.flatMap((rule) => {
      const { deadline } = rule;
      const period = deadline.kind === 'undetermined' ? deadline.suggested?.period : deadline.period;
      return period?.calendar === undefined ? [] : [period.calendar];
    });
    expect(calendars.filter((c) => !isHolidayCalendar(c))).toEqual([]);
  });
});

describe('the engine', () => {
  /** The pack with California's 30 calendar days turned into 14 business days (a test-only rule). */
  function businessDayPack(): RulePack {
    const pack = structuredClone(DEFAULT_RULE_PACK);
    for (const rule of pack.rules) {
      if (rule.id === 'us-ca-individuals-2026' && rule.deadline.kind === 'period')
        rule.deadline.period = { businessDays: 14, calendar: 'US-CA' };
      if (rule.id === 'us-ca-ag-sample-2026' && rule.deadline.kind === 'after_notice')
        rule.deadline.period = { businessDays: 2, calendar: 'US' };
    }
    return rulePackSchema.parse(pack);
  }

  it('counts a period of business days from discovery and explains it', () => {
    const input = engineCase({
      people: { 'US-CA': 501 },
      discoveredAt: '2026-05-20T16:00:00.000Z',
      zone: 'America/Los_Angeles',
    });
    const result = evaluateObligations(input, businessDayPack(), '2026-05-20');
    expect(obligationIn(result, 'us-ca-individuals-2026').deadline).toMatchObject({
      state: 'fixed',
      clock: 'discovery',
      due: '2026-06-10T16:00:00.000Z',
      reckoning: '14 business days after discovery on 2026-05-20, skipping Memorial Day (25 May)',
    });
  });

  it('counts business days after another notice, naming it', () => {
    const sent = '2026-07-02T19:00:00.000Z';
    const input = engineCase({
      people: { 'US-CA': 501 },
      zone: 'America/Los_Angeles',
      sentAt: { 'us-ca-individuals-2026': sent },
    });
    const result = evaluateObligations(input, businessDayPack(), '2026-03-02');
    expect(obligationIn(result, 'us-ca-ag-sample-2026').deadline).toMatchObject({
      state: 'fixed',
      clock: 'notice',
      clockAt: sent,
      due: '2026-07-07T19:00:00.000Z',
      reckoning:
        '2 business days after the notice it follows (“Notify California residents (California law from 1 Jan 2026)”) on 2026-07-02, skipping Independence Day (substitute day) (3 Jul)',
    });
  });

  it('keeps explaining the calendar-day rules of the shipped pack in their unit', () => {
    const input = engineCase({ people: { 'US-CA': 501 }, zone: 'America/Los_Angeles' });
    const result = evaluateObligations(input, DEFAULT_RULE_PACK, '2026-03-02');
    expect(obligationIn(result, 'us-ca-individuals-2026').deadline.reckoning).toBe(
      '30 calendar days after discovery on 2026-03-02',
    );
  });
});
