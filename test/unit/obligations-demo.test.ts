import { describe, expect, it } from 'vitest';
import { DEMO_POPULATIONS, demoScenario } from '../../main/demo/scenario';
import { caseDocumentSchema } from '../../shared/domain/case-document';
import { dataElementSchema } from '../../shared/domain/data-elements';
import { populationSchema } from '../../shared/domain/populations';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import { defaultAsOf, evaluateObligations, type EngineCase } from '../../shared/obligations/engine';
import type { RiskLevel } from '../../shared/obligations/obligation';
import { decisionIn, obligationIn, refusalIn, triggeredIds } from '../helpers/obligations';

/** The demo case of SCENARIO.md, as the engine reads it (no case file needed). */
function demoCase(risk: RiskLevel | null = null, sentAt: Record<string, string> = {}): EngineCase {
  const document = caseDocumentSchema.parse(demoScenario().document);
  if (document.facts === undefined) throw new Error('the demo has no facts');
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    facts: document.facts,
    dataElements: document.dataElements.map((e, i) => dataElementSchema.parse({ ...e, id: id(i + 1) })),
    // The demo case counts these people from its roster; SCENARIO.md's figures stand in for it here.
    populations: DEMO_POPULATIONS.map(([jurisdiction, count], i) =>
      populationSchema.parse({ jurisdiction, count, exact: false, id: id(100 + i) }),
    ),
    roster: [],
    risk,
    suggestedRisk: null,
    harmFindings: {},
    sentAt,
  };
}

function evaluateDemo(risk: RiskLevel | null = null, sentAt: Record<string, string> = {}) {
  const input = demoCase(risk, sentAt);
  const asOf = defaultAsOf(input.facts, '2026-11-28');
  return evaluateObligations(input, DEFAULT_RULE_PACK, asOf);
}

describe('the demo case (SCENARIO.md), as of the day it was discovered', () => {
  it('is a controller established in Sweden and discovered on 2020-11-12', () => {
    const { facts } = demoCase();
    expect(facts.organisation).toMatchObject({ establishment: 'SE', role: 'controller' });
    expect(defaultAsOf(facts, '2026-11-28')).toBe('2020-11-12');
  });

  it('owes IMY an Art. 33 notification 72 hours after awareness (2020-11-16 09:30 Stockholm)', () => {
    const result = evaluateDemo();
    const art33 = obligationIn(result, 'gdpr-art33-lead-authority');
    expect(art33.recipient.name).toBe('Integritetsskyddsmyndigheten (IMY), Sweden');
    expect(art33.deadline).toMatchObject({
      state: 'fixed',
      clock: 'awareness',
      clockAt: '2020-11-16T08:30:00.000Z',
      due: '2020-11-19T08:30:00.000Z',
    });
    expect(art33.why).toBe(
      '263,500 affected people in the EU/EEA, and personal data was compromised; no decision says a risk is unlikely.',
    );
    expect(result.obligations[0]?.ruleId).toBe('gdpr-art33-lead-authority');
    expect(refusalIn(result, 'gdpr-art33-cnil-initial').reason).toBe(
      'Applies where the main establishment is in FR; it is SE.',
    );
  });

  it('owes the California residents a notice and the Attorney General a sample (1,240 > 500)', () => {
    const result = evaluateDemo();
    const residents = obligationIn(result, 'us-ca-individuals-until-2025');
    expect(residents.why).toContain('e-mail address with password / credentials');
    expect(residents.deadline).toMatchObject({
      state: 'undetermined',
      clock: 'discovery',
      suggested: '2020-12-12T13:05:00.000Z',
    });
    const sample = obligationIn(result, 'us-ca-ag-sample-until-2025');
    expect(sample.residents).toBe(1240);
    expect(sample.why).toContain('1,240 affected people in California (US) (more than 500 needed)');
    expect(sample.deadline).toMatchObject({ state: 'waiting', clock: 'notice' });
    expect(refusalIn(result, 'us-ca-individuals-2026').reason).toBe(
      'Not in force on 2020-11-12: applies from 2026-01-01.',
    );
  });

  it('owes the Texas AG a notice under the 60-day rule in force in 2020 (300 ≥ 250)', () => {
    const result = evaluateDemo();
    const texas = obligationIn(result, 'us-tx-ag-until-2023');
    expect(texas.why).toContain('300 affected people in Texas (US) (at least 250 needed)');
    expect(texas.deadline).toMatchObject({ state: 'fixed', due: '2021-01-15T08:30:00.000Z' });
    expect(texas.verification).toBe('unverified');
    expect(refusalIn(result, 'us-tx-ag-2023').reason).toBe(
      'Not in force on 2020-11-12: applies from 2023-09-01.',
    );
  });

  it('owes no Washington AG notice (120 ≤ 500), but the Washington residents one', () => {
    const result = evaluateDemo();
    expect(refusalIn(result, 'us-wa-ag').reason).toBe(
      '120 people in Washington (US): this notice needs more than 500.',
    );
    expect(obligationIn(result, 'us-wa-individuals').deadline).toMatchObject({
      state: 'fixed',
      clock: 'discovery',
      due: '2020-12-12T13:05:00.000Z',
    });
  });

  it('needs a decision on the Art. 34 communication while no risk is confirmed, and owes it once a high risk is', () => {
    expect(evaluateDemo().notTriggered.map((n) => n.ruleId)).not.toContain('gdpr-art34-data-subjects');
    expect(decisionIn(evaluateDemo(), 'gdpr-art34-data-subjects').decision.reason).toMatch(
      /^Owed only if a person confirms that the breach is likely to result in a high risk/,
    );
    const art34 = obligationIn(evaluateDemo('high'), 'gdpr-art34-data-subjects');
    expect(art34.deadline).toMatchObject({ state: 'undetermined', suggested: '2020-11-19T08:30:00.000Z' });
  });

  it('gives exactly these obligations', () => {
    expect(triggeredIds(evaluateDemo())).toEqual(
      [
        'gdpr-art33-lead-authority',
        'us-ca-ag-sample-until-2025',
        'us-ca-individuals-until-2025',
        'us-il-individuals',
        'us-ny-ag',
        'us-ny-individuals-until-2024',
        'us-ny-state-agencies',
        'us-tx-ag-until-2023',
        'us-tx-individuals',
        'us-wa-individuals',
      ].sort(),
    );
    expect(refusalIn(evaluateDemo(), 'us-il-ag').reason).toBe(
      '45 people in Illinois (US): this notice needs more than 500.',
    );
  });

  it('switches California to the 30-day rule and the 15-day AG sample as of 2026', () => {
    const input = demoCase(null, { 'us-ca-individuals-2026': '2020-11-20T08:00:00.000Z' });
    const result = evaluateObligations(input, DEFAULT_RULE_PACK, '2026-01-01');
    expect(obligationIn(result, 'us-ca-individuals-2026').deadline.due).toBe('2020-12-12T13:05:00.000Z');
    expect(obligationIn(result, 'us-ca-ag-sample-2026').deadline.due).toBe('2020-12-05T08:00:00.000Z');
    expect(obligationIn(result, 'us-tx-ag-2023').deadline.due).toBe('2020-12-16T08:30:00.000Z');
  });
});
