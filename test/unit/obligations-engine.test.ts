import { describe, expect, it } from 'vitest';
import { jurisdictionName } from '../../shared/jurisdictions/jurisdictions';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import { engineResultSchema, type Obligation } from '../../shared/obligations/obligation';
import {
  AWARE,
  decisionIn,
  DISCOVERED,
  evaluate,
  HANDBOOK_JURISDICTIONS,
  obligationIn,
  refusalIn,
  triggeredIds,
  type CaseSpec,
} from '../helpers/obligations';

/**
 * One row per rule of the pack: a case that triggers it and the deadline it must give. The
 * clocks are DISCOVERED (2026-03-02 09:00 UTC) and AWARE (2026-03-04 15:00 UTC); US
 * "determination" runs from AWARE.
 */
const D_PLUS_1D = '2026-03-03T09:00:00.000Z';
const D_PLUS_28D = '2026-03-30T09:00:00.000Z';
const D_PLUS_30D = '2026-04-01T09:00:00.000Z';
const A_PLUS_24H = '2026-03-05T15:00:00.000Z';
const A_PLUS_72H = '2026-03-07T15:00:00.000Z';
const A_PLUS_30D = '2026-04-03T15:00:00.000Z';
const A_PLUS_60D = '2026-05-03T15:00:00.000Z';

const CNIL = "Commission nationale de l'informatique et des libertés (CNIL), France";
const IMY = 'Integritetsskyddsmyndigheten (IMY), Sweden';

type Deadline = Partial<Obligation['deadline']>;
type Clock = 'discovery' | 'awareness' | 'determination';

const fixed = (due: string, clock: Clock): Deadline => ({
  state: 'fixed',
  due,
  clock,
  clockAt: clock === 'discovery' ? DISCOVERED : AWARE,
  suggested: null,
});
const undetermined = (suggested: string, clock: Clock): Deadline => ({
  state: 'undetermined',
  due: null,
  clock,
  clockAt: clock === 'discovery' ? DISCOVERED : AWARE,
  suggested,
});
const waitingForNotice: Deadline = {
  state: 'waiting',
  due: null,
  clock: 'notice',
  clockAt: null,
  suggested: null,
};

interface Row {
  id: string;
  asOf: string;
  spec: CaseSpec;
  deadline: Deadline;
  recipient?: string;
}

const ROWS: Row[] = [
  {
    id: 'gdpr-art33-lead-authority',
    asOf: '2026-03-02',
    spec: { people: { SE: 10 } },
    deadline: fixed(A_PLUS_72H, 'awareness'),
    recipient: IMY,
  },
  {
    id: 'gdpr-art33-cnil-initial',
    asOf: '2026-03-02',
    spec: { people: { FR: 10 }, organisation: { establishment: 'FR' } },
    deadline: fixed(A_PLUS_72H, 'awareness'),
    recipient: CNIL,
  },
  {
    id: 'gdpr-art33-cnil-complementary',
    asOf: '2026-03-02',
    spec: { people: { FR: 10 }, organisation: { establishment: 'FR' } },
    deadline: waitingForNotice,
    recipient: CNIL,
  },
  {
    id: 'gdpr-art33-processor-to-controller',
    asOf: '2026-03-02',
    spec: { people: { DE: 10 }, organisation: { role: 'processor' } },
    deadline: undetermined(A_PLUS_24H, 'awareness'),
    recipient: 'the controller',
  },
  {
    id: 'gdpr-art34-data-subjects',
    asOf: '2026-03-02',
    spec: { people: { IE: 10 }, risk: 'high' },
    deadline: undetermined(A_PLUS_72H, 'awareness'),
  },
  {
    id: 'us-ca-individuals-until-2025',
    asOf: '2025-12-31',
    spec: { people: { 'US-CA': 1 } },
    deadline: undetermined(D_PLUS_30D, 'discovery'),
  },
  {
    id: 'us-ca-individuals-2026',
    asOf: '2026-01-01',
    spec: { people: { 'US-CA': 1 } },
    deadline: fixed(D_PLUS_30D, 'discovery'),
  },
  {
    id: 'us-ca-ag-sample-until-2025',
    asOf: '2025-12-31',
    spec: { people: { 'US-CA': 501 } },
    deadline: waitingForNotice,
    recipient: 'California Attorney General',
  },
  {
    id: 'us-ca-ag-sample-2026',
    asOf: '2026-03-02',
    spec: { people: { 'US-CA': 501 } },
    deadline: waitingForNotice,
    recipient: 'California Attorney General',
  },
  {
    id: 'us-ca-service-provider-to-owner',
    asOf: '2026-03-02',
    spec: { people: { 'US-CA': 1 }, organisation: { role: 'processor' } },
    deadline: undetermined(D_PLUS_1D, 'discovery'),
  },
  {
    id: 'us-ny-individuals-until-2024',
    asOf: '2024-12-20',
    spec: { people: { 'US-NY': 1 } },
    deadline: undetermined(D_PLUS_30D, 'discovery'),
  },
  {
    id: 'us-ny-individuals-2024',
    asOf: '2024-12-21',
    spec: { people: { 'US-NY': 1 } },
    deadline: fixed(D_PLUS_30D, 'discovery'),
  },
  { id: 'us-ny-ag', asOf: '2026-03-02', spec: { people: { 'US-NY': 1 } }, deadline: waitingForNotice },
  {
    id: 'us-ny-state-agencies',
    asOf: '2026-03-02',
    spec: { people: { 'US-NY': 1 } },
    deadline: waitingForNotice,
  },
  { id: 'us-ny-cra', asOf: '2026-03-02', spec: { people: { 'US-NY': 5001 } }, deadline: waitingForNotice },
  {
    id: 'us-tx-ag-until-2023',
    asOf: '2023-08-31',
    spec: { people: { 'US-TX': 250 } },
    deadline: fixed(A_PLUS_60D, 'determination'),
    recipient: 'Texas Attorney General',
  },
  {
    id: 'us-tx-ag-2023',
    asOf: '2023-09-01',
    spec: { people: { 'US-TX': 250 } },
    deadline: fixed(A_PLUS_30D, 'determination'),
  },
  {
    id: 'us-tx-individuals',
    asOf: '2026-03-02',
    spec: { people: { 'US-TX': 1 } },
    deadline: fixed(A_PLUS_60D, 'determination'),
  },
  {
    id: 'us-tx-cra',
    asOf: '2026-03-02',
    spec: { people: { 'US-TX': 10001 } },
    deadline: undetermined(A_PLUS_60D, 'determination'),
  },
  {
    id: 'us-fl-ag',
    asOf: '2026-03-02',
    spec: { people: { 'US-FL': 500 } },
    deadline: fixed(A_PLUS_30D, 'determination'),
  },
  {
    id: 'us-fl-individuals',
    asOf: '2026-03-02',
    spec: { people: { 'US-FL': 1 } },
    deadline: fixed(A_PLUS_30D, 'determination'),
  },
  {
    id: 'us-fl-cra',
    asOf: '2026-03-02',
    spec: { people: { 'US-FL': 1001 } },
    deadline: undetermined(A_PLUS_30D, 'determination'),
  },
  {
    id: 'us-wa-ag',
    asOf: '2026-03-02',
    spec: { people: { 'US-WA': 501 } },
    deadline: fixed(D_PLUS_30D, 'discovery'),
  },
  {
    id: 'us-wa-individuals',
    asOf: '2026-03-02',
    spec: { people: { 'US-WA': 1 } },
    deadline: fixed(D_PLUS_30D, 'discovery'),
  },
  {
    id: 'us-wa-cra',
    asOf: '2026-03-02',
    spec: { people: { 'US-WA': 1001 } },
    deadline: undetermined(D_PLUS_30D, 'discovery'),
  },
  {
    id: 'us-ma-ag-ocabr',
    asOf: '2026-03-02',
    spec: { people: { 'US-MA': 1 } },
    deadline: undetermined(D_PLUS_30D, 'discovery'),
  },
  {
    id: 'us-ma-individuals',
    asOf: '2026-03-02',
    spec: { people: { 'US-MA': 1 } },
    deadline: undetermined(D_PLUS_30D, 'discovery'),
  },
  {
    id: 'us-co-ag',
    asOf: '2026-03-02',
    spec: { people: { 'US-CO': 500 } },
    deadline: fixed(A_PLUS_30D, 'determination'),
  },
  {
    id: 'us-co-individuals',
    asOf: '2026-03-02',
    spec: { people: { 'US-CO': 1 } },
    deadline: fixed(A_PLUS_30D, 'determination'),
  },
  {
    id: 'us-nj-state-police',
    asOf: '2026-03-02',
    spec: { people: { 'US-NJ': 1 } },
    deadline: undetermined(D_PLUS_28D, 'discovery'),
  },
  {
    id: 'us-nj-individuals',
    asOf: '2026-03-02',
    spec: { people: { 'US-NJ': 1 } },
    deadline: undetermined(D_PLUS_30D, 'discovery'),
  },
  {
    id: 'us-nj-cra',
    asOf: '2026-03-02',
    spec: { people: { 'US-NJ': 1001 } },
    deadline: undetermined(D_PLUS_30D, 'discovery'),
  },
  { id: 'us-il-ag', asOf: '2026-03-02', spec: { people: { 'US-IL': 501 } }, deadline: waitingForNotice },
  {
    id: 'us-il-individuals',
    asOf: '2026-03-02',
    spec: { people: { 'US-IL': 1 } },
    deadline: undetermined(D_PLUS_30D, 'discovery'),
  },
  {
    id: 'us-ftc-safeguards',
    asOf: '2026-03-02',
    spec: { people: { US: 500 }, organisation: { financialInstitution: true } },
    deadline: fixed(D_PLUS_30D, 'discovery'),
    recipient: 'Federal Trade Commission',
  },
];

const ruleOf = (id: string) => {
  const rule = DEFAULT_RULE_PACK.rules.find((r) => r.id === id);
  if (rule === undefined) throw new Error(`no rule ${id}`);
  return rule;
};
/** Where a rule counts people: the EU/EEA for every GDPR rule (the CNIL ones too), else its state. */
const placeOf = (id: string) => {
  const rule = ruleOf(id);
  if (rule.trigger.residentsOf.includes('GDPR') || rule.jurisdiction === 'EU') return 'the EU/EEA';
  return jurisdictionName(rule.jurisdiction);
};

describe('every rule, one row each', () => {
  it('covers every rule of the handbook jurisdictions (the other US rules: obligations-every-us-rule)', () => {
    expect(ROWS.map((r) => r.id).sort()).toEqual(
      DEFAULT_RULE_PACK.rules
        // The regimes abroad and by sector have their own tests (regimes-*.test.ts). The FTC rule
        // is named by its regime ("GLBA / FTC Safeguards Rule") but is DOMAIN.md's, with its row here.
        .filter(
          (r) =>
            HANDBOOK_JURISDICTIONS.includes(r.jurisdiction) &&
            (r.regime === '' || r.id === 'us-ftc-safeguards'),
        )
        .map((r) => r.id)
        .sort(),
    );
  });

  it.each(ROWS.map((row) => [row.id, row] as const))('%s applies, with its deadline', (id, row) => {
    const obligation = obligationIn(evaluate(row.spec, row.asOf), id);
    expect(obligation.deadline).toMatchObject(row.deadline);
    if (row.recipient !== undefined) expect(obligation.recipient.name).toBe(row.recipient);
    const rule = ruleOf(id);
    expect(obligation).toMatchObject({
      title: rule.title,
      jurisdiction: rule.jurisdiction,
      citation: rule.citation,
      verification: rule.verification,
      template: rule.template,
      requiredContent: rule.requiredContent,
      prohibitedContent: rule.prohibitedContent,
      sources: rule.sources,
    });
    expect(obligation.deadline.wording).toBe(rule.deadline.wording);
    const count = Object.values(row.spec.people ?? {}).reduce((a, b) => a + b, 0);
    expect(obligation.why).toContain(
      `${count.toLocaleString('en-US')} affected ${count === 1 ? 'person' : 'people'} in ${placeOf(id)}`,
    );
  });

  it.each(
    ROWS.filter((row) => ruleOf(row.id).trigger.residents.comparison === 'any').map(
      (row) => [row.id, row] as const,
    ),
  )('%s needs at least one affected person there', (id, row) => {
    const people = Object.fromEntries(Object.keys(row.spec.people ?? {}).map((code) => [code, 0]));
    expect(refusalIn(evaluate({ ...row.spec, people }, row.asOf), id).reason).toBe(
      `No affected people recorded in ${placeOf(id)}.`,
    );
    const one = Object.fromEntries(Object.keys(row.spec.people ?? {}).map((code) => [code, 1]));
    expect(triggeredIds(evaluate({ ...row.spec, people: one }, row.asOf))).toContain(id);
  });
});

describe('residents thresholds', () => {
  const cases: [string, string, string, number, boolean, string?][] = [
    [
      'us-fl-ag',
      '2026-03-02',
      'US-FL',
      499,
      false,
      '499 people in Florida (US): this notice needs at least 500.',
    ],
    ['us-fl-ag', '2026-03-02', 'US-FL', 500, true],
    ['us-fl-ag', '2026-03-02', 'US-FL', 501, true],
    [
      'us-co-ag',
      '2026-03-02',
      'US-CO',
      499,
      false,
      '499 people in Colorado (US): this notice needs at least 500.',
    ],
    ['us-co-ag', '2026-03-02', 'US-CO', 500, true],
    ['us-co-ag', '2026-03-02', 'US-CO', 501, true],
    ['us-ftc-safeguards', '2026-03-02', 'US', 499, false],
    ['us-ftc-safeguards', '2026-03-02', 'US', 500, true],
    ['us-ftc-safeguards', '2026-03-02', 'US', 501, true],
    ['us-ca-ag-sample-2026', '2026-03-02', 'US-CA', 499, false],
    [
      'us-ca-ag-sample-2026',
      '2026-03-02',
      'US-CA',
      500,
      false,
      '500 people in California (US): this notice needs more than 500.',
    ],
    ['us-ca-ag-sample-2026', '2026-03-02', 'US-CA', 501, true],
    ['us-ca-ag-sample-until-2025', '2020-11-12', 'US-CA', 500, false],
    ['us-ca-ag-sample-until-2025', '2020-11-12', 'US-CA', 501, true],
    ['us-wa-ag', '2026-03-02', 'US-WA', 499, false],
    [
      'us-wa-ag',
      '2026-03-02',
      'US-WA',
      500,
      false,
      '500 people in Washington (US): this notice needs more than 500.',
    ],
    ['us-wa-ag', '2026-03-02', 'US-WA', 501, true],
    ['us-il-ag', '2026-03-02', 'US-IL', 499, false],
    [
      'us-il-ag',
      '2026-03-02',
      'US-IL',
      500,
      false,
      '500 people in Illinois (US): this notice needs more than 500.',
    ],
    ['us-il-ag', '2026-03-02', 'US-IL', 501, true],
    [
      'us-tx-ag-2023',
      '2026-03-02',
      'US-TX',
      249,
      false,
      '249 people in Texas (US): this notice needs at least 250.',
    ],
    ['us-tx-ag-2023', '2026-03-02', 'US-TX', 250, true],
    ['us-tx-ag-until-2023', '2022-06-01', 'US-TX', 249, false],
    ['us-tx-ag-until-2023', '2022-06-01', 'US-TX', 250, true],
    [
      'us-ny-cra',
      '2026-03-02',
      'US-NY',
      5000,
      false,
      '5,000 people in New York (US): this notice needs more than 5,000.',
    ],
    ['us-ny-cra', '2026-03-02', 'US-NY', 5001, true],
    [
      'us-tx-cra',
      '2026-03-02',
      'US-TX',
      10000,
      false,
      '10,000 people in Texas (US): this notice needs more than 10,000.',
    ],
    ['us-tx-cra', '2026-03-02', 'US-TX', 10001, true],
    ['us-fl-cra', '2026-03-02', 'US-FL', 1000, false],
    ['us-fl-cra', '2026-03-02', 'US-FL', 1001, true],
    ['us-wa-cra', '2026-03-02', 'US-WA', 1000, false],
    ['us-wa-cra', '2026-03-02', 'US-WA', 1001, true],
    ['us-nj-cra', '2026-03-02', 'US-NJ', 1000, false],
    ['us-nj-cra', '2026-03-02', 'US-NJ', 1001, true],
  ];

  it.each(cases)('%s as of %s with %s %i: triggered %s', (id, asOf, code, count, triggered, reason) => {
    const result = evaluate(
      { people: { [code]: count }, organisation: { financialInstitution: true } },
      asOf,
    );
    if (triggered) {
      expect(obligationIn(result, id).residents).toBe(count);
    } else {
      const refusal = refusalIn(result, id);
      expect(refusal.reason).toMatch(/this notice needs (at least|more than)/);
      if (reason !== undefined) expect(refusal.reason).toBe(reason);
    }
  });

  it('adds up the GDPR residents of every EU/EEA state and of "EU", not the rest of the world', () => {
    const result = evaluate(
      { people: { FR: 41000, DE: 60000, NO: 5, EU: 140000, ZZ: 84185, 'US-CA': 1 } },
      '2026-03-02',
    );
    expect(obligationIn(result, 'gdpr-art33-lead-authority').residents).toBe(241005);
    expect(
      refusalIn(evaluate({ people: { ZZ: 10, 'US-CA': 10 } }, '2026-03-02'), 'gdpr-art33-lead-authority')
        .reason,
    ).toBe('No affected people recorded in the EU/EEA.');
  });
});

describe('personal information and encryption', () => {
  const CA = { people: { 'US-CA': 10 } };

  it('does not count encrypted data when the key is safe', () => {
    const refusal = refusalIn(
      evaluate({ ...CA, elements: ['name', { term: 'ssn', encrypted: true }] }, '2026-03-02'),
      'us-ca-individuals-2026',
    );
    expect(refusal.reason).toBe(
      'The data that would count (Name, Social Security number) was encrypted and the key is not recorded as compromised.',
    );
  });

  it('counts encrypted data whose key was compromised', () => {
    const result = evaluate(
      { ...CA, elements: ['name', { term: 'ssn', encrypted: true, keyCompromised: true }] },
      '2026-03-02',
    );
    expect(obligationIn(result, 'us-ca-individuals-2026').why).toContain(
      'name with social security number unencrypted (or with the key) count as personal information under Cal. Civ. Code §1798.82',
    );
  });

  it('finds another combination that is not encrypted', () => {
    const result = evaluate(
      { ...CA, elements: ['name', { term: 'ssn', encrypted: true }, 'email', 'password'] },
      '2026-03-02',
    );
    expect(obligationIn(result, 'us-ca-individuals-2026').why).toContain(
      'e-mail address with password / credentials',
    );
  });

  it('notifies the GDPR authority of encrypted data, but not the people (Art. 34(3)(a))', () => {
    const elements = [
      { term: 'email' as const, encrypted: true },
      { term: 'password' as const, encrypted: true },
    ];
    const result = evaluate({ people: { SE: 10 }, elements, risk: 'high' }, '2026-03-02');
    expect(triggeredIds(result)).toContain('gdpr-art33-lead-authority');
    expect(refusalIn(result, 'gdpr-art34-data-subjects').reason).toBe(
      'The data that would count (E-mail address, Password / credentials) was encrypted and the key is not recorded as compromised.',
    );
    const keyLost = elements.map((e) => ({ ...e, keyCompromised: true }));
    expect(
      triggeredIds(evaluate({ people: { SE: 10 }, elements: keyLost, risk: 'high' }, '2026-03-02')),
    ).toContain('gdpr-art34-data-subjects');
  });

  it('does not count an incomplete combination: an e-mail address without a password', () => {
    const refusal = refusalIn(
      evaluate({ ...CA, elements: ['email'] }, '2026-03-02'),
      'us-ca-individuals-2026',
    );
    expect(refusal.reason).toMatch(
      /^None of the recorded data counts as personal information under Cal\. Civ\. Code §1798\.82 \(it needs name with social security number; or /,
    );
    expect(refusal.reason).toContain('e-mail address with password / credentials');
  });

  it('reads each state its own definition: name and date of birth count in Washington, not California', () => {
    const result = evaluate(
      { people: { 'US-CA': 10, 'US-WA': 10 }, elements: ['name', 'gender', 'date_of_birth'] },
      '2026-03-02',
    );
    expect(triggeredIds(result)).toContain('us-wa-individuals');
    expect(refusalIn(result, 'us-ca-individuals-2026').reason).toMatch(/^None of the recorded data counts/);
  });

  it('counts online credentials in California but not in Massachusetts', () => {
    const result = evaluate(
      { people: { 'US-CA': 10, 'US-MA': 10 }, elements: ['email', 'password'] },
      '2026-03-02',
    );
    expect(triggeredIds(result)).toContain('us-ca-individuals-2026');
    expect(refusalIn(result, 'us-ma-individuals').reason).toMatch(
      /^None of the recorded data counts as personal information under Mass\. Gen\. Laws c\. 93H §3/,
    );
  });

  it('counts a security question with a username in California, not in Texas', () => {
    const result = evaluate(
      { people: { 'US-CA': 10, 'US-TX': 10 }, elements: ['username', 'security_question'] },
      '2026-03-02',
    );
    expect(triggeredIds(result)).toContain('us-ca-individuals-2026');
    expect(refusalIn(result, 'us-tx-individuals').reason).toMatch(/^None of the recorded data counts/);
  });

  it('waits for data elements before any GDPR notice', () => {
    expect(
      refusalIn(evaluate({ people: { SE: 10 }, elements: [] }, '2026-03-02'), 'gdpr-art33-lead-authority')
        .reason,
    ).toBe('No compromised personal data is recorded yet (People & data).');
  });

  it('applies the FTC rule to GLBA financial institutions only, and its safe harbour', () => {
    expect(refusalIn(evaluate({ people: { US: 600 } }, '2026-03-02'), 'us-ftc-safeguards').reason).toBe(
      'Applies only to financial institutions under the Gramm-Leach-Bliley Act; the organisation is not recorded as one.',
    );
    const encrypted = evaluate(
      {
        people: { US: 600 },
        organisation: { financialInstitution: true },
        elements: [{ term: 'financial_account', encrypted: true }],
      },
      '2026-03-02',
    );
    expect(refusalIn(encrypted, 'us-ftc-safeguards').reason).toMatch(
      /was encrypted and the key is not recorded/,
    );
  });
});

describe('the law as of a date', () => {
  const people = { 'US-CA': 600, 'US-TX': 300, 'US-NY': 10, SE: 10 };

  it.each([
    [
      '2025-12-31',
      ['us-ca-individuals-until-2025', 'us-ca-ag-sample-until-2025'],
      ['us-ca-individuals-2026', 'us-ca-ag-sample-2026'],
      'Not in force on 2025-12-31: applies from 2026-01-01.',
    ],
    [
      '2026-01-01',
      ['us-ca-individuals-2026', 'us-ca-ag-sample-2026'],
      ['us-ca-individuals-until-2025', 'us-ca-ag-sample-until-2025'],
      'Not in force on 2026-01-01: replaced from 2026-01-01.',
    ],
    [
      '2023-08-31',
      ['us-tx-ag-until-2023'],
      ['us-tx-ag-2023'],
      'Not in force on 2023-08-31: applies from 2023-09-01.',
    ],
    [
      '2023-09-01',
      ['us-tx-ag-2023'],
      ['us-tx-ag-until-2023'],
      'Not in force on 2023-09-01: replaced from 2023-09-01.',
    ],
    ['2019-12-31', [], ['us-tx-ag-until-2023', 'us-tx-ag-2023'], undefined],
    [
      '2024-12-20',
      ['us-ny-individuals-until-2024'],
      ['us-ny-individuals-2024'],
      'Not in force on 2024-12-20: applies from 2024-12-21.',
    ],
    [
      '2024-12-21',
      ['us-ny-individuals-2024'],
      ['us-ny-individuals-until-2024'],
      'Not in force on 2024-12-21: replaced from 2024-12-21.',
    ],
    ['2018-05-24', [], ['gdpr-art33-lead-authority'], 'Not in force on 2018-05-24: applies from 2018-05-25.'],
  ] as const)('as of %s', (asOf, inForce, notInForce, reason) => {
    const result = evaluate({ people }, asOf);
    for (const id of inForce) expect(triggeredIds(result)).toContain(id);
    for (const id of notInForce) {
      expect(refusalIn(result, id).reason).toMatch(/^Not in force on /);
      if (reason !== undefined) expect(refusalIn(result, id).reason).toBe(reason);
    }
    expect(result.asOf).toBe(asOf);
    expect(triggeredIds(result)).toContain('us-tx-individuals');
  });

  it('gives the Texas AG 60 days before SB 768 and 30 days after it, from the same awareness', () => {
    expect(obligationIn(evaluate({ people }, '2023-08-31'), 'us-tx-ag-until-2023').deadline.due).toBe(
      A_PLUS_60D,
    );
    expect(obligationIn(evaluate({ people }, '2023-09-01'), 'us-tx-ag-2023').deadline.due).toBe(A_PLUS_30D);
  });
});

describe('roles and establishment', () => {
  const people = { SE: 10, 'US-CA': 10 };

  it('holds a processor to its own duties only', () => {
    const result = evaluate({ people, organisation: { role: 'processor' } }, '2026-03-02');
    expect(triggeredIds(result)).toEqual([
      'gdpr-art33-processor-to-controller',
      'us-ca-service-provider-to-owner',
    ]);
    expect(refusalIn(result, 'gdpr-art33-lead-authority').reason).toBe(
      'Written for a controller or joint controller; the organisation is recorded as processor.',
    );
    expect(refusalIn(result, 'us-ca-individuals-2026').reason).toBe(
      'Written for a controller or joint controller; the organisation is recorded as processor.',
    );
  });

  it('holds a controller and a joint controller to the notices, not to the processor duties', () => {
    for (const role of ['controller', 'joint_controller'] as const) {
      const result = evaluate({ people, organisation: { role } }, '2026-03-02');
      expect(triggeredIds(result)).toEqual(['gdpr-art33-lead-authority', 'us-ca-individuals-2026']);
      expect(refusalIn(result, 'gdpr-art33-processor-to-controller').reason).toBe(
        `Written for a processor; the organisation is recorded as ${role.replace('_', ' ')}.`,
      );
    }
  });

  it('sends an organisation established in Sweden to IMY, not the CNIL', () => {
    const result = evaluate({ people: { FR: 10 }, organisation: { establishment: 'SE' } }, '2026-03-02');
    expect(obligationIn(result, 'gdpr-art33-lead-authority').recipient.name).toBe(IMY);
    expect(refusalIn(result, 'gdpr-art33-cnil-initial').reason).toBe(
      'Applies where the main establishment is in FR; it is SE.',
    );
  });

  it('sends an organisation established in France to the CNIL in two steps', () => {
    const result = evaluate({ people: { SE: 10 }, organisation: { establishment: 'FR' } }, '2026-03-02');
    expect(triggeredIds(result)).toEqual(['gdpr-art33-cnil-complementary', 'gdpr-art33-cnil-initial']);
    expect(refusalIn(result, 'gdpr-art33-lead-authority').reason).toBe(
      "The main establishment is in FR, where the authority's own practice applies instead.",
    );
    expect(obligationIn(result, 'gdpr-art33-cnil-complementary').order).toEqual([
      expect.objectContaining({ ruleId: 'gdpr-art33-cnil-initial', relation: 'after' }),
    ]);
  });

  it.each([
    ['IE', 'Data Protection Commission (DPC), Ireland'],
    ['DE', 'the competent German supervisory authority (federal BfDI or a state authority)'],
    ['NO', 'Datatilsynet, Norway'],
    ['', 'the lead supervisory authority (not named: no main establishment in the EU/EEA is recorded)'],
  ])('names the lead authority for an establishment in "%s"', (establishment, name) => {
    const result = evaluate({ people: { SE: 10 }, organisation: { establishment } }, '2026-03-02');
    expect(obligationIn(result, 'gdpr-art33-lead-authority').recipient.name).toBe(name);
  });

  it('says when the establishment is not recorded', () => {
    const result = evaluate({ people: { SE: 10 }, organisation: { establishment: '' } }, '2026-03-02');
    expect(refusalIn(result, 'gdpr-art33-cnil-initial').reason).toBe(
      'Applies where the main establishment is in FR; it is not recorded.',
    );
  });
});

describe('GDPR risk decisions', () => {
  it.each([
    [null, true, 'no decision says a risk is unlikely'],
    [
      'unlikely',
      false,
      'The breach is recorded as unlikely to result in a risk to people (confirmed severity decision).',
    ],
    ['risk', true, 'the confirmed risk level is "risk"'],
    ['high', true, 'the confirmed risk level is "high"'],
  ] as const)('Art. 33 with risk %s: owed %s', (risk, owed, text) => {
    const result = evaluate({ people: { SE: 10 }, risk }, '2026-03-02');
    if (owed) expect(obligationIn(result, 'gdpr-art33-lead-authority').why).toContain(text);
    else expect(refusalIn(result, 'gdpr-art33-lead-authority').reason).toBe(text);
  });

  it.each([
    ['unlikely', false, 'The confirmed severity decision is that the risk to people is not high.'],
    ['risk', false, 'The confirmed severity decision is that the risk to people is not high.'],
    ['high', true, 'a high risk to people is confirmed'],
  ] as const)('Art. 34 with risk %s: owed %s', (risk, owed, text) => {
    const result = evaluate({ people: { SE: 10 }, risk }, '2026-03-02');
    if (owed) expect(obligationIn(result, 'gdpr-art34-data-subjects').why).toContain(text);
    else expect(refusalIn(result, 'gdpr-art34-data-subjects').reason).toBe(text);
  });

  it('never says "not owed" for Art. 34 while nobody has decided: it needs a decision, with the suggestion', () => {
    // A French controller's breach of unencrypted bank account numbers: the calculator suggests a high risk.
    const spec: CaseSpec = {
      people: { FR: 1200 },
      elements: ['name', { term: 'financial_account', encrypted: false }],
      organisation: { establishment: 'FR' },
      suggestedRisk: 'high',
    };
    const undecided = evaluate({ ...spec, risk: null }, '2026-03-02');
    expect(undecided.notTriggered.map((n) => n.ruleId)).not.toContain('gdpr-art34-data-subjects');
    expect(triggeredIds(undecided)).not.toContain('gdpr-art34-data-subjects');
    expect(decisionIn(undecided, 'gdpr-art34-data-subjects')).toEqual({
      ruleId: 'gdpr-art34-data-subjects',
      title: ruleOf('gdpr-art34-data-subjects').title,
      jurisdiction: 'EU',
      law: ruleOf('gdpr-art34-data-subjects').law,
      recipient: expect.objectContaining({ kind: 'affected_individuals' }) as unknown,
      residents: 1200,
      rosterGroups: [],
      decision: {
        kind: 'gdpr_risk',
        question: 'What is the risk to the people affected: unlikely, a risk, or a high risk?',
        reason:
          'Owed only if a person confirms that the breach is likely to result in a high risk to people; no risk decision is confirmed yet.',
        suggestion: 'high',
        jurisdiction: null,
        test: null,
        citation: null,
        regimeDecision: null,
      },
      citation: ruleOf('gdpr-art34-data-subjects').citation,
      verification: 'verified',
    });

    expect(
      obligationIn(evaluate({ ...spec, risk: 'high' }, '2026-03-02'), 'gdpr-art34-data-subjects').why,
    ).toContain('a high risk to people is confirmed');
    const decidedRisk = evaluate({ ...spec, risk: 'risk' }, '2026-03-02');
    expect(refusalIn(decidedRisk, 'gdpr-art34-data-subjects').reason).toBe(
      'The confirmed severity decision is that the risk to people is not high.',
    );
    expect(decidedRisk.decisionNeeded).toEqual([]);
  });

  it('has no suggestion to show before any severity assessment is saved', () => {
    const result = evaluate({ people: { SE: 10 } }, '2026-03-02');
    expect(decisionIn(result, 'gdpr-art34-data-subjects').decision.suggestion).toBeNull();
  });

  it('keeps Art. 33 owed while nobody has decided, its clock running, marked as resting on the risk decision', () => {
    const undecided = obligationIn(
      evaluate(
        { people: { FR: 10 }, organisation: { establishment: 'FR' }, suggestedRisk: 'risk' },
        '2026-03-02',
      ),
      'gdpr-art33-cnil-initial',
    );
    expect(undecided.deadline).toMatchObject({ state: 'fixed', due: A_PLUS_72H });
    expect(undecided.openDecision).toMatchObject({
      kind: 'gdpr_risk',
      suggestion: 'risk',
      reason: expect.stringMatching(/^Owed unless a person confirms that the breach is unlikely/) as unknown,
    });
    const decided = obligationIn(
      evaluate({ people: { SE: 10 }, risk: 'risk' }, '2026-03-02'),
      'gdpr-art33-lead-authority',
    );
    expect(decided.openDecision).toBeNull();
    // Rules that turn on no decision never carry one.
    const us = obligationIn(evaluate({ people: { 'US-TX': 300 } }, '2026-03-02'), 'us-tx-ag-2023');
    expect(us.openDecision).toBeNull();
  });

  it('lets a processor notify the controller whatever the risk', () => {
    const result = evaluate(
      { people: { SE: 10 }, risk: 'unlikely', organisation: { role: 'processor' } },
      '2026-03-02',
    );
    expect(triggeredIds(result)).toEqual(['gdpr-art33-processor-to-controller']);
  });
});

describe('deadlines', () => {
  it('waits for the awareness time before the 72 hours run', () => {
    const result = evaluate({ people: { SE: 10, 'US-TX': 300 }, awareAt: null }, '2026-03-02');
    const art33 = obligationIn(result, 'gdpr-art33-lead-authority');
    expect(art33.deadline).toMatchObject({ state: 'waiting', due: null, clock: 'awareness', clockAt: null });
    expect(art33.deadline.wording).toMatch(/\(the awareness time is not recorded yet\)$/);
    const texas = obligationIn(result, 'us-tx-ag-2023');
    expect(texas.deadline).toMatchObject({ state: 'waiting', due: null, clock: 'determination' });
    expect(texas.deadline.wording).toMatch(/\(the awareness time is not recorded yet\)$/);
  });

  it('waits for the discovery time, and has no suggested target without it', () => {
    const people = { 'US-CA': 10 };
    const now = obligationIn(
      evaluate({ people, discoveredAt: null }, '2026-03-02'),
      'us-ca-individuals-2026',
    );
    expect(now.deadline).toMatchObject({ state: 'waiting', due: null, clock: 'discovery' });
    expect(now.deadline.wording).toMatch(/\(the discovery time is not recorded yet\)$/);
    const before = obligationIn(
      evaluate({ people, discoveredAt: null }, '2025-06-01'),
      'us-ca-individuals-until-2025',
    );
    expect(before.deadline).toMatchObject({
      state: 'undetermined',
      due: null,
      suggested: null,
      clockAt: null,
    });
  });

  it('counts 72 hours exactly, across a change of summer time', () => {
    const awareAt = '2026-10-23T10:00:00.000Z'; // 12:00 CEST; the clocks go back on 25 October
    const result = evaluate({ people: { SE: 10 }, awareAt, zone: 'Europe/Stockholm' }, '2026-10-23');
    expect(obligationIn(result, 'gdpr-art33-lead-authority').deadline.due).toBe('2026-10-26T10:00:00.000Z');
  });

  it('counts calendar days in the zone of the clock, across a change of summer time', () => {
    const discoveredAt = '2026-10-20T17:00:00.000Z'; // 10:00 PDT
    const sent = '2026-10-25T17:00:00.000Z'; // 10:00 PDT
    const result = evaluate(
      {
        people: { 'US-CA': 501 },
        discoveredAt,
        zone: 'America/Los_Angeles',
        sentAt: { 'us-ca-individuals-2026': sent },
      },
      '2026-10-20',
    );
    // 30 and 15 days later it is 10:00 PST, one hour later in UTC.
    expect(obligationIn(result, 'us-ca-individuals-2026').deadline.due).toBe('2026-11-19T18:00:00.000Z');
    expect(obligationIn(result, 'us-ca-ag-sample-2026').deadline.due).toBe('2026-11-09T18:00:00.000Z');
  });

  it('runs the California AG deadline 15 days from the residents notice once it is sent', () => {
    const people = { 'US-CA': 501 };
    expect(obligationIn(evaluate({ people }, '2026-03-02'), 'us-ca-ag-sample-2026').deadline).toMatchObject(
      waitingForNotice,
    );
    const sent = '2026-03-20T12:00:00.000Z';
    const result = evaluate({ people, sentAt: { 'us-ca-individuals-2026': sent } }, '2026-03-02');
    expect(obligationIn(result, 'us-ca-ag-sample-2026').deadline).toMatchObject({
      state: 'fixed',
      due: '2026-04-04T12:00:00.000Z',
      clock: 'notice',
      clockAt: sent,
    });
  });

  it('has no statutory deadline for the California AG before 2026: once residents are notified, sending with them is the target', () => {
    const sent = '2020-11-20T08:00:00.000Z';
    const result = evaluate(
      { people: { 'US-CA': 1240 }, sentAt: { 'us-ca-individuals-until-2025': sent } },
      '2020-11-12',
    );
    const sample = obligationIn(result, 'us-ca-ag-sample-until-2025');
    expect(sample.deadline).toMatchObject({
      state: 'undetermined',
      due: null,
      clock: 'notice',
      clockAt: sent,
      suggested: sent,
    });
    const before = obligationIn(
      evaluate({ people: { 'US-CA': 1240 } }, '2020-11-12'),
      'us-ca-ag-sample-until-2025',
    );
    expect(before.deadline).toMatchObject({ state: 'waiting', due: null, clockAt: null });
    expect(sample.deadline.wording).toMatch(/^No statutory deadline before 2026/);
    expect(sample.prohibitedContent.map((c) => c.id)).toEqual(['ca-ag-no-pii']);
    expect(sample.recipient.channel).toBe('AG web form, PDF');
  });

  it('runs the CNIL complementary notification 72 hours from the initial one', () => {
    const sent = '2026-03-06T10:00:00.000Z';
    const result = evaluate(
      {
        people: { FR: 10 },
        organisation: { establishment: 'FR' },
        sentAt: { 'gdpr-art33-cnil-initial': sent },
      },
      '2026-03-02',
    );
    expect(obligationIn(result, 'gdpr-art33-cnil-complementary').deadline).toMatchObject({
      state: 'fixed',
      due: '2026-03-09T10:00:00.000Z',
      clockAt: sent,
    });
  });
});

describe('ordering and content constraints', () => {
  it('reports New Jersey to the State Police before the residents', () => {
    const result = evaluate({ people: { 'US-NJ': 10 } }, '2026-03-02');
    expect(obligationIn(result, 'us-nj-state-police').order).toEqual([
      {
        ruleId: 'us-nj-individuals',
        title: 'Notify New Jersey residents',
        relation: 'before',
        wording: 'Report to the Division of State Police before notifying any New Jersey resident.',
      },
    ]);
    expect(obligationIn(result, 'us-nj-individuals').order).toEqual([
      expect.objectContaining({ ruleId: 'us-nj-state-police', relation: 'after' }),
    ]);
    const ids = result.obligations.map((o) => o.ruleId);
    expect(ids.indexOf('us-nj-state-police')).toBeLessThan(ids.indexOf('us-nj-individuals'));
  });

  it('tells the Illinois AG no later than the residents, and keeps the count out of the residents notice', () => {
    const result = evaluate({ people: { 'US-IL': 600 } }, '2026-03-02');
    expect(obligationIn(result, 'us-il-ag').order).toEqual([
      expect.objectContaining({
        ruleId: 'us-il-individuals',
        relation: 'no_later_than',
        title: 'Notify Illinois residents',
      }),
    ]);
    expect(obligationIn(result, 'us-il-individuals').prohibitedContent).toEqual([
      expect.objectContaining({
        id: 'il-no-count',
        text: 'The number of Illinois residents affected by the breach.',
      }),
    ]);
  });

  it('keeps the nature and the count out of the Massachusetts residents notice (⚠)', () => {
    const obligation = obligationIn(evaluate({ people: { 'US-MA': 1 } }, '2026-03-02'), 'us-ma-individuals');
    expect(obligation.prohibitedContent.map((c) => c.id)).toEqual(['ma-no-nature', 'ma-no-count']);
    expect(obligation.verification).toBe('unverified');
  });

  it('lists the Art. 33(3) items and the reasons for delay', () => {
    const obligation = obligationIn(
      evaluate({ people: { SE: 1 } }, '2026-03-02'),
      'gdpr-art33-lead-authority',
    );
    expect(obligation.requiredContent.map((c) => c.citation)).toEqual([
      'GDPR Art. 33(3)(a)',
      'GDPR Art. 33(3)(b)',
      'GDPR Art. 33(3)(c)',
      'GDPR Art. 33(3)(d)',
      'GDPR Art. 33(1)',
    ]);
    expect(obligation.template).toBe('gdpr-art33-authority-en');
  });
});

describe('verification on every answer', () => {
  it('marks a rule not triggered as unverified too: Colorado AG with 499 residents', () => {
    const result = evaluate({ people: { 'US-CO': 499 } }, '2026-03-02');
    expect(triggeredIds(result)).not.toContain('us-co-ag');
    expect(refusalIn(result, 'us-co-ag')).toMatchObject({
      verification: 'unverified',
      citation: ruleOf('us-co-ag').citation,
    });
    expect(refusalIn(result, 'us-co-ag').reason).toMatch(/499 people in Colorado/);
  });

  it('gives every answer, in all three states, the verification of its rule', () => {
    const result = evaluate({ people: { SE: 10, 'US-CO': 499 } }, '2026-03-02');
    const answers = [...result.obligations, ...result.decisionNeeded, ...result.notTriggered];
    expect(answers).toHaveLength(DEFAULT_RULE_PACK.rules.length);
    for (const answer of answers) expect(answer.verification).toBe(ruleOf(answer.ruleId).verification);
  });
});

describe('the answer as a whole', () => {
  const busy: CaseSpec = {
    people: {
      SE: 10,
      FR: 10,
      'US-CA': 501,
      'US-TX': 300,
      'US-WA': 10,
      'US-NJ': 10,
      'US-IL': 501,
      'US-NY': 10,
    },
    elements: ['name', 'ssn', 'email', 'password'],
    risk: 'high',
  };

  it('is deterministic', () => {
    const first = evaluate(busy, '2026-03-02');
    const second = evaluate(busy, '2026-03-02');
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('accounts for every rule once, and matches the result schema', () => {
    const result = evaluate(busy, '2026-03-02');
    const ids = [...result.obligations, ...result.decisionNeeded, ...result.notTriggered].map(
      (x) => x.ruleId,
    );
    expect(ids.sort()).toEqual(DEFAULT_RULE_PACK.rules.map((r) => r.id).sort());
    expect(engineResultSchema.parse(result)).toEqual(result);
    expect(result).toMatchObject({ packId: 'breachdesk-us-eu', packVersion: '2026.12', asOf: '2026-03-02' });
  });

  it('sorts obligations by due date, then by suggested target, then those waiting', () => {
    const result = evaluate({ people: { SE: 10, 'US-WA': 10, 'US-TX': 300, 'US-CA': 501 } }, '2026-03-02');
    expect(result.obligations.map((o) => o.ruleId)).toEqual([
      'gdpr-art33-lead-authority',
      'us-ca-individuals-2026',
      'us-wa-individuals',
      'us-tx-ag-2023',
      'us-tx-individuals',
      'us-ca-ag-sample-2026',
    ]);
    const busyResult = evaluate(busy, '2026-03-02');
    const keys = busyResult.obligations.map(
      (o) => [o.deadline.due === null ? 1 : 0, o.deadline.due ?? o.deadline.suggested ?? '9999'] as const,
    );
    for (let i = 1; i < keys.length; i += 1) {
      const [rankA, keyA] = keys[i - 1] ?? [0, ''];
      const [rankB, keyB] = keys[i] ?? [0, ''];
      expect(rankA < rankB || (rankA === rankB && keyA <= keyB)).toBe(true);
    }
  });
});

describe('notices that follow another', () => {
  it('start from whichever version of the notice they follow was sent (New York before and after Dec 2024)', () => {
    const sent = '2020-11-25T09:00:00.000Z';
    const result = evaluate(
      { people: { 'US-NY': 610 }, sentAt: { 'us-ny-individuals-until-2024': sent } },
      '2020-11-12',
    );
    expect(obligationIn(result, 'us-ny-ag').deadline).toMatchObject({ clock: 'notice', clockAt: sent });
  });

  it('make the Illinois AG notice due when residents are notified ("no later than")', () => {
    const sent = '2020-11-25T09:00:00.000Z';
    const waiting = obligationIn(evaluate({ people: { 'US-IL': 600 } }, '2020-11-12'), 'us-il-ag');
    expect(waiting.deadline).toMatchObject({ state: 'waiting', due: null });
    const due = obligationIn(
      evaluate({ people: { 'US-IL': 600 }, sentAt: { 'us-il-individuals': sent } }, '2020-11-12'),
      'us-il-ag',
    );
    expect(due.deadline).toMatchObject({ state: 'fixed', due: sent });
  });
});
