import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import { evaluateObligations, type EngineCase } from '../../shared/obligations/engine';
import type { RegimeDecision } from '../../shared/obligations/regime-decisions';
import { rulePackSchema, type RulePack } from '../../shared/obligations/rule-pack';
import { AWARE, engineCase, withDecisions, type CaseSpec } from '../helpers/obligations';

/**
 * The engine's mechanics for the regimes abroad and by sector, on a pack made for the test (the
 * shipped rules have their own tests): regulated roles, countries of establishment, incident
 * reporting without people, dated decisions as conditions and exemptions, clocks from a
 * decision, staged reports in order, calendar months, "fewer than" thresholds, "US" residents.
 */
const base = {
  title: 'A rule',
  jurisdiction: 'EU',
  law: 'Test law',
  recipient: { kind: 'other_regulator', name: 'The authority', channel: 'Portal' },
  requiredContent: [],
  prohibitedContent: [],
  template: null,
  citation: 'Art. 1',
  sources: [],
  effectiveFrom: '2024-01-01',
  effectiveTo: null,
  lastReviewed: '2026-12-07',
  verification: 'verified',
};
const incidentTrigger = {
  roles: ['controller', 'processor', 'joint_controller'],
  residentsOf: ['GDPR'],
  residents: { comparison: 'any', count: 0 },
  personalInformation: null,
  encryptionSafeHarbour: false,
  risk: null,
  establishment: null,
  financialInstitution: null,
  personalDataNeeded: false,
};
const STAGED_DEADLINE = {
  kind: 'period',
  clock: 'decision',
  period: { hours: 4 },
  notLaterThan: { clock: 'awareness', period: { hours: 24 } },
  wording: 'Within 4 hours of the classification, no later than 24 hours after awareness.',
};

const PACK: RulePack = rulePackSchema.parse({
  ...DEFAULT_RULE_PACK,
  rules: [
    {
      ...base,
      id: 'staged',
      regime: 'Staged regime',
      form: 'staged-form',
      trigger: {
        ...incidentTrigger,
        regulatedRoles: ['dora_financial_entity'],
        establishedIn: ['EU'],
        decision: { key: 'dora_major', kind: 'condition' },
      },
      deadline: STAGED_DEADLINE,
      stages: [
        { id: 'initial', title: 'Initial notification', deadline: STAGED_DEADLINE, form: 'f1' },
        {
          id: 'intermediate',
          title: 'Intermediate report',
          deadline: {
            kind: 'after_stage',
            stageId: 'initial',
            period: { hours: 72 },
            wording: '72 h later.',
          },
        },
        {
          id: 'final',
          title: 'Final report',
          deadline: {
            kind: 'after_stage',
            stageId: 'intermediate',
            period: { months: 1 },
            wording: 'A month later.',
          },
        },
      ],
    },
    {
      ...base,
      id: 'exempted',
      jurisdiction: 'US',
      trigger: {
        ...incidentTrigger,
        residentsOf: ['US'],
        personalDataNeeded: true,
        residents: { comparison: 'lt', count: 500 },
        decision: { key: 'hipaa_low_probability', kind: 'exemption' },
      },
      deadline: { kind: 'period', clock: 'discovery', period: { days: 60 }, wording: '60 days.' },
    },
  ],
});

const DECIDED = '2027-01-29T10:00:00.000Z';

function caseWith(spec: CaseSpec, decisions: Partial<Record<RegimeDecision, 'yes' | 'no'>> = {}): EngineCase {
  const answered = Object.fromEntries(
    Object.entries(decisions).map(([key, answer]) => [key, { answer, at: DECIDED, zone: 'Europe/Paris' }]),
  );
  return withDecisions(engineCase(spec), answered);
}

const dora = { organisation: { regulatedRoles: ['dora_financial_entity' as const], establishment: '' } };

describe('regimes abroad and by sector: engine mechanics', () => {
  it('says a rule for a regulated role does not reach an organisation without it, naming the role', () => {
    const result = evaluateObligations(caseWith({}), PACK, '2027-01-29');
    expect(result.notTriggered.find((n) => n.ruleId === 'staged')?.reason).toBe(
      'Applies only to a DORA financial entity; the organisation is not recorded as one (Facts › Organisation › Regulated roles).',
    );
  });

  it('needs an establishment in an EU member state, read from the main one or any other', () => {
    const nowhere = evaluateObligations(caseWith(dora), PACK, '2027-01-29');
    expect(nowhere.notTriggered.find((n) => n.ruleId === 'staged')?.reason).toMatch(
      /established in an EU member state; no country of establishment is recorded/,
    );
    const norway = evaluateObligations(
      caseWith({ organisation: { ...dora.organisation, establishedIn: ['NO', 'GB'] } }),
      PACK,
      '2027-01-29',
    );
    expect(norway.notTriggered.find((n) => n.ruleId === 'staged')?.reason).toMatch(
      /recorded as established in/,
    );
    const germany = evaluateObligations(
      caseWith({ organisation: { ...dora.organisation, establishedIn: ['DE'] } }),
      PACK,
      '2027-01-29',
    );
    expect(germany.notTriggered.map((n) => n.ruleId)).not.toContain('staged');
  });

  it('waits for an undecided condition ("decision needed"), needing no people at all', () => {
    const spec = { organisation: { ...dora.organisation, establishment: 'DE' }, people: {} };
    const result = evaluateObligations(caseWith(spec), PACK, '2027-01-29');
    const waiting = result.decisionNeeded.find((d) => d.ruleId === 'staged');
    expect(waiting?.decision).toMatchObject({ kind: 'regime', regimeDecision: 'dora_major' });
    expect(waiting?.decision.reason).toMatch(/^Owed only if a person answers yes/);
    const no = evaluateObligations(caseWith(spec, { dora_major: 'no' }), PACK, '2027-01-29');
    expect(no.notTriggered.find((n) => n.ruleId === 'staged')?.reason).toMatch(
      /^The DORA major ICT-related incident recorded on 2027-01-29 answers "no"/,
    );
  });

  it('runs the stages in order from the decision: 4 h, 72 h after the first is sent, a month after the second', () => {
    const spec = { organisation: { ...dora.organisation, establishment: 'DE' } };
    const first = evaluateObligations(caseWith(spec, { dora_major: 'yes' }), PACK, '2027-01-29');
    const staged = first.obligations.find((o) => o.ruleId === 'staged');
    expect(staged?.why).toMatch(/DORA financial entity established in Germany.*answers "yes"/);
    expect(staged?.regime).toBe('Staged regime');
    expect(staged?.form).toBe('staged-form');
    expect(staged?.stages.map((s) => [s.id, s.deadline.state, s.deadline.due])).toEqual([
      ['initial', 'fixed', '2027-01-29T14:00:00.000Z'],
      ['intermediate', 'waiting', null],
      ['final', 'waiting', null],
    ]);
    expect(staged?.stages[0]?.deadline.reckoning).toMatch(/4 hours after the classification as major/);
    expect(staged?.deadline.due).toBe('2027-01-29T14:00:00.000Z');
    expect(staged?.stages[0]?.form).toBe('f1');

    const sentAt = { 'staged/initial': '2027-01-29T13:00:00.000Z' };
    const second = evaluateObligations(
      { ...caseWith(spec, { dora_major: 'yes' }), sentAt },
      PACK,
      '2027-01-29',
    );
    const next = second.obligations.find((o) => o.ruleId === 'staged');
    expect(next?.stages.map((s) => s.deadline.due)).toEqual([
      '2027-01-29T14:00:00.000Z',
      '2027-02-01T13:00:00.000Z',
      null,
    ]);
    expect(next?.stages[0]?.sentAt).toBe('2027-01-29T13:00:00.000Z');
    // The obligation is due by its first stage not yet sent.
    expect(next?.deadline.due).toBe('2027-02-01T13:00:00.000Z');

    // One calendar month after 31 January is the last day of February (in the case's zone).
    const third = evaluateObligations(
      {
        ...caseWith(spec, { dora_major: 'yes' }),
        sentAt: { ...sentAt, 'staged/intermediate': '2027-01-31T10:00:00.000Z' },
      },
      PACK,
      '2027-01-29',
    );
    const last = third.obligations.find((o) => o.ruleId === 'staged')?.stages[2]?.deadline;
    expect(last).toMatchObject({ due: '2027-02-28T10:00:00.000Z', unit: 'months' });
    expect(last?.reckoning).toMatch(/^1 calendar month after the Intermediate report was sent on 2027-01-31/);
  });

  it('applies the earlier of "4 h from the classification" and "24 h from awareness", unless classified after the 24 h', () => {
    const organisation = { ...dora.organisation, establishment: 'DE' };
    const dueWith = (awareAt: string) =>
      evaluateObligations(
        caseWith({ organisation, awareAt }, { dora_major: 'yes' }),
        PACK,
        '2027-01-29',
      ).obligations.find((o) => o.ruleId === 'staged')?.stages[0]?.deadline;
    // Aware the evening before: 24 h end at 20:00, after the 4 h (14:00).
    expect(dueWith('2027-01-28T20:00:00.000Z')).toMatchObject({ due: '2027-01-29T14:00:00.000Z' });
    expect(dueWith('2027-01-28T20:00:00.000Z')?.reckoning).toMatch(
      /, within the limit of 24 hours after awareness/,
    );
    // Aware at noon the day before: the 24 hours end first, at noon.
    const early = dueWith('2027-01-28T12:00:00.000Z');
    expect(early).toMatchObject({ due: '2027-01-29T12:00:00.000Z' });
    expect(early?.reckoning).toMatch(
      /^24 hours after awareness at .*, earlier than 4 hours after the classification as major/,
    );
    // Classified after the 24 hours had passed: 4 hours from the classification.
    const late = dueWith('2027-01-27T00:00:00.000Z');
    expect(late).toMatchObject({ due: '2027-01-29T14:00:00.000Z' });
    expect(late?.reckoning).toMatch(/it started after the limit of 24 hours after awareness/);
  });

  it('keeps an exemption owed while undecided, with the decision open, and lifts it on "yes"', () => {
    const spec = { people: { 'US-CA': 499 } };
    const open = evaluateObligations(caseWith(spec), PACK, '2026-03-02');
    const owed = open.obligations.find((o) => o.ruleId === 'exempted');
    expect(owed?.openDecision).toMatchObject({ kind: 'regime', regimeDecision: 'hipaa_low_probability' });
    expect(owed?.deadline.due).toBe('2026-05-01T09:00:00.000Z');
    const lifted = evaluateObligations(caseWith(spec, { hipaa_low_probability: 'yes' }), PACK, '2026-03-02');
    expect(lifted.notTriggered.find((n) => n.ruleId === 'exempted')?.reason).toMatch(/answers "yes"/);
  });

  it('counts every US state for "US" and reads "fewer than" thresholds', () => {
    const many = evaluateObligations(
      caseWith({ people: { 'US-CA': 300, 'US-TX': 200 } }),
      PACK,
      '2026-03-02',
    );
    expect(many.notTriggered.find((n) => n.ruleId === 'exempted')?.reason).toBe(
      '500 people in United States of America: this notice needs at least one and fewer than 500.',
    );
    const few = evaluateObligations(caseWith({ people: { 'US-CA': 300, 'US-TX': 199 } }), PACK, '2026-03-02');
    expect(few.obligations.find((o) => o.ruleId === 'exempted')?.residents).toBe(499);
  });

  it('refuses a pack whose stage follows a later stage, or whose decision clock names no decision', () => {
    const broken = structuredClone(PACK);
    const staged = broken.rules[0];
    if (staged === undefined) throw new Error('no rule');
    staged.stages = [...staged.stages].reverse();
    expect(rulePackSchema.safeParse(broken).error?.issues.map((i) => i.message)).toContain(
      'Stage final of staged follows intermediate, which is not an earlier stage',
    );
    const noDecision = structuredClone(PACK);
    const rule = noDecision.rules[0];
    if (rule === undefined) throw new Error('no rule');
    rule.trigger.decision = null;
    expect(rulePackSchema.safeParse(noDecision).error?.issues.map((i) => i.message)).toContain(
      'Rule staged runs a clock from a decision but names none (trigger.decision)',
    );
  });

  it('leaves the awareness clock of other rules alone', () => {
    expect(AWARE).toBe('2026-03-04T15:00:00.000Z');
  });
});
