import { describe, expect, it } from 'vitest';
import { ftsQueryFor } from '../../main/services/fts-query';
import { HIT_END, HIT_START, snippetRuns } from '../../shared/domain/search';
import { DATA_ELEMENT_VOCABULARY } from '../../shared/domain/data-elements';
import { sensitivityLabel } from '../../shared/domain/data-sensitivity';
import { isOverdue } from '../../shared/domain/tasks-notes';
import {
  isJurisdictionCode,
  jurisdictionName,
  searchJurisdictions,
} from '../../shared/jurisdictions/jurisdictions';
import { localTextOf, zonedTimeFromLocal } from '../../shared/time/zoned-time';

describe('zoned time', () => {
  it('reads wall-clock time in a zone, across daylight saving', () => {
    expect(zonedTimeFromLocal('2020-11-12 14:05', 'Europe/Stockholm')).toEqual({
      utc: '2020-11-12T13:05:00.000Z',
      zone: 'Europe/Stockholm',
      precision: 'exact',
      approximate: false,
    });
    expect(zonedTimeFromLocal('2020-04-09T10:00', 'Europe/Stockholm')?.utc).toBe('2020-04-09T08:00:00.000Z');
    expect(zonedTimeFromLocal('2020-11-12', 'America/Los_Angeles')).toMatchObject({
      utc: '2020-11-12T08:00:00.000Z',
      precision: 'day',
    });
    expect(zonedTimeFromLocal('2020-04', 'UTC', { approximate: true })).toMatchObject({
      precision: 'month',
      approximate: true,
    });
  });

  it('refuses impossible dates and unknown zones', () => {
    for (const text of ['2020-02-30', '2020-13-01', '2020-11-12 24:00', 'yesterday', '']) {
      expect(zonedTimeFromLocal(text, 'UTC')).toBeNull();
    }
    expect(zonedTimeFromLocal('2020-11-12', 'Mars/Olympus_Mons')).toBeNull();
  });

  it('shows a time in its own zone at its precision', () => {
    const time = zonedTimeFromLocal('2020-11-12 14:05', 'Europe/Stockholm');
    expect(time && localTextOf(time)).toBe('2020-11-12 14:05');
    expect(time && localTextOf({ ...time, precision: 'day' })).toBe('2020-11-12');
    expect(time && localTextOf({ ...time, precision: 'month' })).toBe('2020-11');
  });
});

describe('jurisdictions', () => {
  it('knows countries, US states and the EU / rest-of-world groups', () => {
    expect(jurisdictionName('FR')).toBe('France');
    expect(jurisdictionName('US-CA')).toBe('California (US)');
    expect(isJurisdictionCode('EU')).toBe(true);
    expect(isJurisdictionCode('ZZ')).toBe(true);
    expect(isJurisdictionCode('US-XX')).toBe(false);
    expect(searchJurisdictions('cal')[0]?.code).toBe('US-CA');
    expect(searchJurisdictions('fr')[0]?.code).toBe('FR');
  });
});

describe('search text', () => {
  it('quotes every word so FTS5 syntax in typed text is harmless', () => {
    expect(ftsQueryFor('partner token')).toBe('"partner" "token"*');
    expect(ftsQueryFor('"AND (')).toBe('"AND"*');
    expect(ftsQueryFor('  ( * ^ ')).toBeNull();
    expect(ftsQueryFor('a"b')).toBe('"ab"*');
  });

  it('splits snippets into plain and highlighted runs', () => {
    expect(snippetRuns(`the ${HIT_START}hotfix${HIT_END} was ${HIT_START}deployed${HIT_END}`)).toEqual([
      { text: 'the ', hit: false },
      { text: 'hotfix', hit: true },
      { text: ' was ', hit: false },
      { text: 'deployed', hit: true },
    ]);
    expect(snippetRuns('<script>alert(1)</script>')).toEqual([
      { text: '<script>alert(1)</script>', hit: false },
    ]);
  });
});

describe('tasks', () => {
  it('are overdue from the day after their due date until done', () => {
    expect(isOverdue({ due: '2020-11-19', status: 'open' }, '2020-11-19')).toBe(false);
    expect(isOverdue({ due: '2020-11-19', status: 'open' }, '2020-11-20')).toBe(true);
    expect(isOverdue({ due: '2020-11-19', status: 'done' }, '2020-11-20')).toBe(false);
    expect(isOverdue({ due: null, status: 'open' }, '2020-11-20')).toBe(false);
  });
});

describe('data sensitivity in words', () => {
  it('shows passwords and access codes as credentials, never as ENISA "Simple"', () => {
    expect(sensitivityLabel('password')).toBe('Credentials');
    expect(sensitivityLabel('security_question')).toBe('Credentials');
    expect(sensitivityLabel('account_access_code')).toBe('Credentials');
    expect(sensitivityLabel('payment_card')).toBe('Financial');
    expect(sensitivityLabel('health')).toBe('Sensitive');
    expect(sensitivityLabel('precise_geolocation')).toBe('Behavioural');
    expect(sensitivityLabel('email')).toBe('Contact & identity');
    expect(sensitivityLabel('custom')).toBe('Contact & identity');
    // The ENISA category the calculator uses is unchanged.
    expect(DATA_ELEMENT_VOCABULARY.find((v) => v.term === 'password')?.category).toBe('simple');
  });
});
