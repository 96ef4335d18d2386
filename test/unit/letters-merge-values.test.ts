import { describe, expect, it } from 'vitest';
import { MERGE_FIELD_IDS } from '../../shared/letters/merge-fields';
import {
  formatDateRange,
  formatLetterDate,
  formatLetterTime,
  inJurisdiction,
  joinList,
  mergeValues,
  peopleInJurisdiction,
} from '../../shared/letters/merge-values';
import { zonedTimeFromLocal, type ZonedTime } from '../../shared/time/zoned-time';
import { demoSource } from './letters-fixture';

function at(local: string, zone = 'Europe/Stockholm', options: { approximate?: boolean } = {}): ZonedTime {
  const time = zonedTimeFromLocal(local, zone, options);
  if (time === null) throw new Error(local);
  return time;
}

describe('mergeValues with the demo case (SCENARIO.md)', () => {
  const values = mergeValues(demoSource({ jurisdiction: 'US-CA', complete: true }));

  it("names the people the letter's notice counts when it answers one, else the jurisdiction's", () => {
    expect(values['breach.peopleInJurisdiction']).toBe('1,240');
    const counted = mergeValues({ ...demoSource({ jurisdiction: 'US-CA' }), peopleCounted: 1_000 });
    expect(counted['breach.peopleInJurisdiction']).toBe('1,000');
    const none = mergeValues({ ...demoSource({ jurisdiction: 'US-CA' }), peopleCounted: null });
    expect(none['breach.peopleInJurisdiction']).toBe('1,240');
  });

  it('gives a value for every merge field the demo has', () => {
    expect(Object.keys(values).sort()).toEqual([...MERGE_FIELD_IDS].sort());
    // The offer's fields have values only when the case offers a service with its notices.
    expect(MERGE_FIELD_IDS.filter((f) => values[f] === null)).toEqual([
      'offer.service',
      'offer.code',
      'offer.enrolBy',
    ]);
    const offered = mergeValues({
      ...demoSource({ jurisdiction: 'US-CA', complete: true }),
      offer: { service: '24 months of credit monitoring', enrolBy: '2026-09-30' },
    });
    expect(MERGE_FIELD_IDS.filter((f) => offered[f] === null)).toEqual([]);
    expect(offered['offer.enrolBy']).toBe('30 September 2026');
    expect(offered['person.name']).toBe('[name of each person]');
  });

  it('takes names, contact and dates from the case, dates in the zone they were recorded in', () => {
    expect(values).toMatchObject({
      'case.title': 'Partner API exposure (partner-sync 3.2)',
      'organisation.name': 'Sonora Streaming AB',
      'organisation.address': 'Sveavägen 1, 111 57 Stockholm, Sweden',
      'organisation.contactKind': 'data protection officer',
      'organisation.contactEmail': 'privacy@sonora.example',
      'organisation.contactPhone': '+46 8 000 00 00',
      'breach.nature':
        'breach of confidentiality (personal data disclosed to or accessed by people not entitled to it)',
      'breach.discoveredDate': '12 November 2020',
      'breach.awareDate': '16 November 2020',
      'breach.containedDate': '12 November 2020',
      'breach.dateRange': '9 April 2020 to 12 November 2020',
      'breach.dataElements': 'name, e-mail address, gender, date of birth and password',
      'breach.peopleTotal': '350,000',
      'breach.peopleInJurisdiction': '1,240',
      'breach.recordsTotal': '350,000',
      'breach.lawEnforcementDelay':
        'Notification was not delayed because of a law-enforcement investigation.',
      'letter.date': '20 November 2020',
      'recipient.name': 'Alex Example',
    });
  });

  it('counts the people of the letter’s jurisdiction: a state, all US states, the EEA, a country', () => {
    const count = (jurisdiction: string) =>
      mergeValues(demoSource({ jurisdiction }))['breach.peopleInJurisdiction'];
    expect(count('US-NY')).toBe('610');
    expect(count('US')).toBe('2,315');
    expect(count('EU')).toBe('263,500');
    expect(count('FR')).toBe('41,000');
    expect(count('US-FL')).toBeNull();
  });

  it('is null where the case has no value', () => {
    const source = demoSource({ jurisdiction: 'US-CA', recipient: { name: ' ', address: '' } });
    source.facts = {
      ...source.facts,
      consequences: '',
      measures: '  ',
      summary: '',
      nature: [],
      exposureStart: null,
      exposureEnd: null,
      organisation: { ...source.facts.organisation, contactEmail: '' },
    };
    source.populations = [];
    source.dataElements = [];
    source.letterDate = '2020-02-30';
    const empty = mergeValues(source);
    for (const field of [
      'breach.consequences',
      'breach.measures',
      'breach.summary',
      'breach.nature',
      'breach.dateRange',
      'organisation.contactEmail',
      'breach.peopleTotal',
      'breach.peopleInJurisdiction',
      'breach.recordsTotal',
      'breach.dataElements',
      'letter.date',
      'recipient.name',
      'recipient.address',
    ] as const) {
      expect(empty[field], field).toBeNull();
    }
  });

  it('says when law enforcement asked for a delay, with the note', () => {
    const source = demoSource({ jurisdiction: 'US-CA' });
    source.facts = {
      ...source.facts,
      lawEnforcementDelay: { requested: true, note: 'FBI request of 1 Dec.' },
    };
    expect(mergeValues(source)['breach.lawEnforcementDelay']).toBe(
      'Notification was delayed at the request of a law-enforcement agency so as not to impede its investigation. FBI request of 1 Dec.',
    );
  });

  it('writes custom data elements by their label, once each', () => {
    const source = demoSource({ jurisdiction: 'US-CA' });
    const first = source.dataElements[0];
    if (first === undefined) throw new Error('no element');
    source.dataElements = [
      first,
      { ...first, term: 'custom', customLabel: 'listening history' },
      { ...first, id: '00000000-0000-4000-8000-000000000777' },
    ];
    expect(mergeValues(source)['breach.dataElements']).toBe('name and listening history');
  });

  it('writes French dates, lists, numbers and phrases for French letters', () => {
    const fr = mergeValues(demoSource({ jurisdiction: 'FR', language: 'fr' }));
    expect(fr).toMatchObject({
      'organisation.contactKind': 'délégué à la protection des données',
      'breach.awareDate': '16 novembre 2020',
      'breach.dateRange': '9 avril 2020 au 12 novembre 2020',
      'breach.dataElements': 'nom, adresse électronique, genre, date de naissance et mot de passe',
      'breach.peopleInJurisdiction': '41\u00a0000',
      'letter.date': '20 novembre 2020',
    });
  });
});

describe('letter date formatting', () => {
  it('uses the zone the time was recorded in, not UTC', () => {
    const lateEvening = at('2020-11-12 23:30', 'America/Los_Angeles');
    expect(lateEvening.utc.startsWith('2020-11-13')).toBe(true);
    expect(formatLetterTime(lateEvening)).toBe('12 November 2020');
    expect(formatLetterTime(at('2020-11-13 00:30', 'Europe/Stockholm'))).toBe('13 November 2020');
  });

  it('shows the month only when only the month is known, and marks estimates', () => {
    expect(formatLetterTime(at('2020-04', 'Europe/Stockholm'))).toBe('April 2020');
    expect(formatLetterTime(at('2020-04-09', 'Europe/Stockholm', { approximate: true }))).toBe(
      '9 April 2020 (approximate)',
    );
    expect(formatLetterTime(at('2020-04-01', 'Europe/Stockholm'), 'fr')).toBe('1er avril 2020');
  });

  it('formats calendar dates and rejects what is not one', () => {
    expect(formatLetterDate('2020-11-20')).toBe('20 November 2020');
    expect(formatLetterDate('2020-12-01', 'fr')).toBe('1er décembre 2020');
    expect(formatLetterDate('20 Nov 2020')).toBeNull();
    expect(formatLetterDate('2021-02-29')).toBeNull();
  });

  it('formats ranges with one or both ends known', () => {
    const start = at('2020-04-09 10:00');
    const end = at('2020-11-12 18:40');
    expect(formatDateRange(start, end)).toBe('9 April 2020 to 12 November 2020');
    expect(formatDateRange(start, null)).toBe('9 April 2020 onwards');
    expect(formatDateRange(null, end)).toBe('an unknown date to 12 November 2020');
    expect(formatDateRange(start, at('2020-04-09 18:00'))).toBe('9 April 2020');
    expect(formatDateRange(null, null)).toBeNull();
  });

  it('joins lists in English and French', () => {
    expect(joinList([])).toBe('');
    expect(joinList(['a'])).toBe('a');
    expect(joinList(['a', 'b', 'c'])).toBe('a, b and c');
    expect(joinList(['a', 'b'], 'fr')).toBe('a et b');
  });
});

describe('jurisdiction membership', () => {
  it('matches codes, US states under US, and GDPR countries and the EU row under EU', () => {
    expect(inJurisdiction('US-CA', 'US-CA')).toBe(true);
    expect(inJurisdiction('US-CA', 'US')).toBe(true);
    expect(inJurisdiction('US-CA', 'US-NY')).toBe(false);
    expect(inJurisdiction('SE', 'EU')).toBe(true);
    expect(inJurisdiction('NO', 'EU')).toBe(true);
    expect(inJurisdiction('EU', 'EU')).toBe(true);
    expect(inJurisdiction('GB', 'EU')).toBe(false);
    expect(inJurisdiction('ZZ', 'EU')).toBe(false);
    expect(peopleInJurisdiction([], 'EU')).toBeNull();
  });
});
