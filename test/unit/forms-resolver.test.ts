import { describe, expect, it } from 'vitest';
import { EMPTY_FACTS, factsSchema } from '../../shared/domain/facts';
import { FORM_SOURCES, type FormSource } from '../../shared/forms/sources';
import { REGIME_DECISIONS } from '../../shared/obligations/regime-decisions';
import { resolveSource, type SheetCase } from '../../main/services/forms/resolve-source';

const at = (utc: string, zone = 'Europe/Stockholm') => ({
  utc,
  zone,
  precision: 'exact' as const,
  approximate: false,
});

/** A case with something recorded for every source. */
const FULL: SheetCase = {
  facts: factsSchema.parse({
    summary: 'A partner API returned account data of other partners’ users.',
    nature: ['confidentiality', 'integrity'],
    cause: 'Release 3.2 stopped scoping partner tokens.',
    consequences: 'Account takeover where passwords are reused.',
    measures: 'Hotfix 3.2.7; tokens rotated; passwords reset.',
    discoveredAt: at('2020-11-12T13:05:00.000Z'),
    awareAt: at('2020-11-16T08:30:00.000Z'),
    containedAt: at('2020-11-12T17:40:00.000Z'),
    exposureStart: at('2020-04-09T08:00:00.000Z'),
    exposureEnd: at('2020-11-12T17:40:00.000Z'),
    lawEnforcementDelay: { requested: true, note: 'Police asked for 10 days.' },
    status: 'contained',
    organisation: {
      address: 'Sveavägen 1, Stockholm',
      contactKind: 'dpo',
      contactName: 'Data Protection Officer',
      contactEmail: 'privacy@sonora.example',
      contactPhone: '+46 8 000 00 00',
      establishment: 'SE',
      establishedIn: ['DE'],
      regulatedRoles: ['nis2_essential', 'dora_financial_entity'],
    },
    decisions: Object.fromEntries(
      REGIME_DECISIONS.map((key) => [
        key,
        { answer: 'yes', at: at('2020-11-17T10:00:00.000Z'), basis: `Basis of ${key}.` },
      ]),
    ),
  }),
  organisation: 'Sonora Streaming AB',
  caseId: '6f1c2d3e-0000-4000-8000-000000000001',
  dataElements: [
    {
      id: '6f1c2d3e-0000-4000-8000-000000000002',
      term: 'email',
      customLabel: null,
      encrypted: false,
      keyCompromised: false,
      note: '',
    },
    {
      id: '6f1c2d3e-0000-4000-8000-000000000003',
      term: 'password',
      customLabel: null,
      encrypted: true,
      keyCompromised: true,
      note: '',
    },
  ],
  populations: [
    { id: '6f1c2d3e-0000-4000-8000-000000000004', jurisdiction: 'FR', count: 12_000, exact: true },
    { id: '6f1c2d3e-0000-4000-8000-000000000005', jurisdiction: 'DE', count: 345, exact: false },
  ],
  risk: 'high',
  notice: {
    residents: 12_345,
    fromRoster: 12_000,
    handEntered: 345,
    deadline: { state: 'fixed', due: '2020-11-19T08:30:00.000Z', wording: '72 hours after awareness' },
  },
  recipient: 'CNIL',
  reportTitle: 'Initial notification',
  previousStageSentAt: '2020-11-16T20:00:00.000Z',
  laterStage: true,
  individualsNotifiedAt: ['2020-11-20T09:00:00.000Z', '2020-11-20T09:00:00.000Z'],
  otherNoticesSent: [{ recipient: 'Texas Attorney General', sentAt: '2020-11-25T15:00:00.000Z' }],
  today: '2020-11-18',
  zone: 'Europe/Stockholm',
};

/** A case where nothing has been recorded yet. */
const BLANK: SheetCase = {
  ...FULL,
  facts: EMPTY_FACTS,
  organisation: 'Sonora Streaming AB',
  dataElements: [],
  populations: [],
  risk: null,
  notice: null,
  previousStageSentAt: null,
  individualsNotifiedAt: [],
  otherNoticesSent: [],
};

/** Values every case has (the organisation's name, the case id, today, the report's own name…). */
const ALWAYS: ReadonlySet<FormSource> = new Set<FormSource>([
  'organisation.name',
  'case.reference',
  'facts.status',
  'lawEnforcementDelay',
  'obligation.recipient',
  'stage.title',
  'report.date',
]);

describe('answer sheet resolver', () => {
  it('resolves every source of the catalogue from a case that records it', () => {
    for (const source of FORM_SOURCES) {
      const resolved = resolveSource(source, undefined, FULL);
      if (source === 'manual') {
        expect(resolved).toEqual({
          value: '',
          source: 'Not kept in the case: answer it on the form',
          missing: true,
        });
        continue;
      }
      expect(resolved.missing, source).toBe(false);
      expect(resolved.value, source).toMatch(/\S/);
      expect(resolved.source, source).toMatch(/\S/);
    }
  });

  it('says "missing" for every source a blank case has nothing for, naming where it is entered', () => {
    for (const source of FORM_SOURCES) {
      const resolved = resolveSource(source, undefined, BLANK);
      expect(resolved.missing, source).toBe(!ALWAYS.has(source));
      if (resolved.missing) expect(resolved.value, source).toBe('');
    }
    expect(resolveSource('facts.summary', undefined, BLANK)).toEqual({
      value: '',
      source: 'Facts › Summary',
      missing: true,
    });
    // Blank text is blank, however many spaces.
    const spaces = { ...FULL, facts: { ...FULL.facts, cause: '  \n ' } };
    expect(resolveSource('facts.cause', undefined, spaces).missing).toBe(true);
  });

  it('writes counts with their origin, and moments as the form asks', () => {
    expect(resolveSource('obligation.residents', undefined, FULL)).toEqual({
      value: '12,345',
      source:
        'People & data: 12,345 people counted under this rule (12,000 from the roster, 345 entered by hand)',
      missing: false,
    });
    expect(resolveSource('case.peopleTotal', undefined, FULL).value).toBe('12,345 (estimate)');
    expect(resolveSource('case.jurisdictions', undefined, FULL).value).toBe(
      'France (FR): 12,000; Germany (DE): 345',
    );
    expect(resolveSource('facts.awareAt', undefined, FULL).value).toBe('2020-11-16 09:30 Europe/Stockholm');
    expect(resolveSource('facts.awareAt', 'utc', FULL).value).toBe('2020-11-16T08:30:00Z');
    expect(resolveSource('facts.awareAt', 'date', FULL).value).toBe('2020-11-16');
    expect(resolveSource('facts.exposurePeriod', 'date', FULL).value).toBe('2020-04-09 to 2020-11-12');
    expect(resolveSource('facts.exposureDuration', undefined, FULL).value).toBe(
      '217:09:40 (days:hours:minutes)',
    );
    expect(resolveSource('notices.individualsNotifiedOn', 'date', FULL).value).toBe('2020-11-20');
    expect(resolveSource('notices.otherRecipients', 'date', FULL).value).toBe(
      'Texas Attorney General (sent 2020-11-25)',
    );
    expect(resolveSource('obligation.deadline', undefined, FULL).value).toBe(
      '2020-11-19 09:30 Europe/Stockholm',
    );
    expect(resolveSource('dataElements.labels', undefined, FULL).value).toBe(
      'E-mail address; Password / credentials (encrypted, key compromised)',
    );
    // The contact named by its role alone is not named twice.
    expect(resolveSource('organisation.contact', undefined, FULL).value).toBe(
      'Data Protection Officer: privacy@sonora.example, +46 8 000 00 00',
    );
    // A day-precision moment is never given a time it does not have.
    const day = {
      ...FULL,
      facts: {
        ...FULL.facts,
        discoveredAt: { ...at('2020-11-11T23:00:00.000Z'), precision: 'day' as const },
      },
    };
    expect(resolveSource('facts.discoveredAt', 'utc', day).value).toBe(
      '2020-11-12 Europe/Stockholm (time of day not recorded)',
    );
  });

  it('treats a decision answered no, a contact point asked as a DPO and a first stage as missing, saying why', () => {
    const no = {
      ...FULL,
      facts: {
        ...FULL.facts,
        decisions: {
          dora_major: {
            answer: 'no' as const,
            at: at('2020-11-17T10:00:00.000Z'),
            basis: 'Below the thresholds.',
          },
        },
      },
    };
    expect(resolveSource('decision.dora_major.at', 'utc', no)).toMatchObject({
      missing: true,
      source: expect.stringContaining('answered no on 2020-11-17') as string,
    });
    expect(resolveSource('decision.dora_major.at', 'utc', FULL).value).toBe('2020-11-17T10:00:00Z');
    expect(resolveSource('decision.sec_materiality.at', undefined, BLANK).source).toMatch(/not decided yet$/);
    const point = {
      ...FULL,
      facts: {
        ...FULL.facts,
        organisation: { ...FULL.facts.organisation, contactKind: 'contact_point' as const },
      },
    };
    expect(resolveSource('organisation.dpo', undefined, point).missing).toBe(true);
    expect(resolveSource('stages.previousSentAt', undefined, { ...FULL, laterStage: false }).source).toMatch(
      /first report/,
    );
    const waiting = {
      ...FULL,
      notice: {
        ...FULL.notice!,
        deadline: { state: 'waiting' as const, due: null, wording: 'within 15 days of notifying residents' },
      },
    };
    expect(resolveSource('obligation.deadline', undefined, waiting).source).toMatch(/clock has not started/);
  });
});
