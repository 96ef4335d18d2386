import { describe, expect, it } from 'vitest';
import { checkLetter } from '../../shared/letters/checks';
import { documentFromTemplate } from '../../shared/letters/from-markdown';
import { templateForRule } from '../../shared/letters/obligation-template';
import { templateById } from '../../shared/letters/templates';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import { evaluateObligations, type EngineCase } from '../../shared/obligations/engine';
import type { EngineResult } from '../../shared/obligations/obligation';
import type { RegimeDecision } from '../../shared/obligations/regime-decisions';
import type { Rule } from '../../shared/obligations/rule-pack';
import {
  AWARE,
  decisionIn,
  DISCOVERED,
  engineCase,
  obligationIn,
  refusalIn,
  withDecisions,
  type CaseSpec,
} from '../helpers/obligations';
import { demoValuesFor } from './letters-fixture';

/**
 * The regimes of Australia, Brazil, India, Japan, Singapore and South Korea (REGIMES.md), run
 * through the engine. Clocks as in obligations-engine.test.ts: DISCOVERED 2026-03-02 09:00 UTC,
 * AWARE 2026-03-04 15:00 UTC; a regime's decision is recorded at DECIDED unless a case says otherwise.
 */
const DECIDED = '2026-03-06T10:00:00.000Z';

type Answer = 'yes' | 'no';

/** An engine case with regime decisions recorded in Facts › Decisions (all made at `at`). */
function caseWith(
  spec: CaseSpec,
  decisions: Partial<Record<RegimeDecision, Answer>> = {},
  at: string = DECIDED,
): EngineCase {
  const answered = Object.fromEntries(
    Object.entries(decisions).map(([key, answer]) => [key, { answer, at }]),
  );
  return withDecisions(engineCase(spec), answered);
}

function run(
  spec: CaseSpec,
  asOf: string,
  decisions: Partial<Record<RegimeDecision, Answer>> = {},
  at?: string,
): EngineResult {
  return evaluateObligations(caseWith(spec, decisions, at), DEFAULT_RULE_PACK, asOf);
}

function rule(id: string): Rule {
  const found = DEFAULT_RULE_PACK.rules.find((r) => r.id === id);
  if (found === undefined) throw new Error(`no rule ${id}`);
  return found;
}

const plusHours = (utc: string, hours: number) => new Date(Date.parse(utc) + hours * 3_600_000).toISOString();

describe('Australia: Notifiable Data Breaches scheme', () => {
  const AU_RULES = ['au-ndb-oaic-statement', 'au-ndb-individuals'];

  it('people in Australia and no completed assessment: both notices wait for the eligible-breach decision', () => {
    const result = run({ people: { AU: 10 } }, '2026-03-02');
    for (const id of AU_RULES) {
      const waiting = decisionIn(result, id);
      expect(waiting.decision).toMatchObject({ kind: 'regime', regimeDecision: 'au_eligible' });
      expect(result.obligations.some((o) => o.ruleId === id)).toBe(false);
    }
  });

  it('an eligible data breach: the OAIC and the individuals are owed as soon as practicable, with a target after the assessment', () => {
    const result = run({ people: { AU: 10 } }, '2026-03-02', { au_eligible: 'yes' });
    for (const id of AU_RULES) {
      const owed = obligationIn(result, id);
      expect(owed.regime).toBe('Australia NDB');
      expect(owed.deadline).toMatchObject({
        state: 'undetermined',
        due: null,
        clock: 'decision',
        clockAt: DECIDED,
        suggested: plusHours(DECIDED, 72),
      });
      expect(owed.deadline.reckoning).toMatch(/completed assessment/);
    }
    expect(obligationIn(result, 'au-ndb-oaic-statement').template).toBe('au-oaic-statement');
  });

  it('not eligible: neither notice is owed, and people elsewhere do not bring them in', () => {
    const no = run({ people: { AU: 10 } }, '2026-03-02', { au_eligible: 'no' });
    for (const id of AU_RULES) expect(refusalIn(no, id).reason).toMatch(/answers "no"/);
    const elsewhere = run({ people: { NZ: 10 } }, '2026-03-02', { au_eligible: 'yes' });
    for (const id of AU_RULES) refusalIn(elsewhere, id);
  });
});

describe('Brazil: LGPD and the RCIS', () => {
  // Thursday 19 November 2026, 22:00 in São Paulo, is already Friday 20 November in UTC.
  const AWARE_BR = '2026-11-20T01:00:00.000Z';
  const spec: CaseSpec = {
    people: { BR: 50 },
    discoveredAt: AWARE_BR,
    awareAt: AWARE_BR,
  };

  it('date-holidays lists Black Awareness Day (20 November) as a public holiday of Brazil', () => {
    // A precondition of the count below: the national holiday since 2024 (Lei 14.759/2023).
    const result = run(spec, '2026-11-19', { br_relevant_risk: 'yes' });
    expect(obligationIn(result, 'br-lgpd-anpd').deadline.reckoning).toMatch(/Black Awareness Day \(20 Nov\)/);
  });

  it('relevant risk decided: the ANPD and the data subjects are due 3 Brazilian business days after awareness, in São Paulo time', () => {
    const result = run(spec, '2026-11-19', { br_relevant_risk: 'yes' });
    for (const id of ['br-lgpd-anpd', 'br-lgpd-data-subjects']) {
      // Day of awareness Thu 19 (São Paulo); Fri 20 is a holiday; Mon 23, Tue 24, Wed 25.
      expect(obligationIn(result, id).deadline).toMatchObject({
        state: 'fixed',
        due: '2026-11-26T01:00:00.000Z',
        clock: 'awareness',
        clockAt: AWARE_BR,
        unit: 'businessDays',
      });
    }
  });

  it('waits for the relevant-risk decision, and "no" takes both notices out', () => {
    expect(decisionIn(run(spec, '2026-11-19'), 'br-lgpd-anpd').decision.regimeDecision).toBe(
      'br_relevant_risk',
    );
    const no = run(spec, '2026-11-19', { br_relevant_risk: 'no' });
    refusalIn(no, 'br-lgpd-anpd');
    refusalIn(no, 'br-lgpd-data-subjects');
  });
});

describe('South Korea: PIPA', () => {
  it('one person affected: the data subjects are owed a notice within 72 hours of awareness, no decision needed', () => {
    const result = run({ people: { KR: 1 } }, '2026-03-02');
    expect(obligationIn(result, 'kr-pipa-data-subjects-until-2026-09').deadline).toMatchObject({
      state: 'fixed',
      due: plusHours(AWARE, 72),
      clock: 'awareness',
    });
    expect(decisionIn(result, 'kr-pipa-report-until-2026-09').decision.regimeDecision).toBe('kr_reportable');
  });

  it('a report due: the PIPC or KISA within 72 hours of awareness', () => {
    const result = run({ people: { KR: 1 } }, '2026-03-02', { kr_reportable: 'yes' });
    expect(obligationIn(result, 'kr-pipa-report-until-2026-09').deadline).toMatchObject({
      state: 'fixed',
      due: plusHours(AWARE, 72),
    });
  });

  it('from 11 September 2026 the amended rule applies, adding remedy information; before it, the earlier one', () => {
    const before = run({ people: { KR: 1 } }, '2026-09-10', { kr_reportable: 'yes' });
    const after = run({ people: { KR: 1 } }, '2026-09-11', { kr_reportable: 'yes' });
    for (const kind of ['data-subjects', 'report']) {
      const earlier = `kr-pipa-${kind}-until-2026-09`;
      const amended = `kr-pipa-${kind}-2026-09`;
      expect(obligationIn(before, earlier).requiredContent.map((c) => c.id)).not.toContain('kr-remedies');
      refusalIn(before, amended);
      expect(obligationIn(after, amended).requiredContent.map((c) => c.id)).toContain('kr-remedies');
      refusalIn(after, earlier);
    }
  });
});

describe('Japan: APPI', () => {
  it('a reportable leakage: the preliminary report, then the final report 30 days after awareness, in order', () => {
    const result = run({ people: { JP: 1 } }, '2026-03-02', { jp_reportable: 'yes' });
    const report = obligationIn(result, 'jp-appi-ppc-report');
    expect(report.stages.map((s) => s.id)).toEqual(['preliminary-report', 'final-report']);
    const [preliminary, final] = report.stages;
    expect(preliminary?.deadline).toMatchObject({
      state: 'undetermined',
      clock: 'awareness',
      suggested: plusHours(AWARE, 5 * 24),
    });
    expect(final?.deadline).toMatchObject({ state: 'fixed', due: plusHours(AWARE, 30 * 24) });
    // The board shows the first stage not yet sent; once the preliminary report is sent, the final one.
    expect(report.deadline).toEqual(preliminary?.deadline);
    const sent = evaluateObligations(
      {
        ...caseWith({ people: { JP: 1 } }, { jp_reportable: 'yes' }),
        sentAt: { 'jp-appi-ppc-report/preliminary-report': plusHours(AWARE, 48) },
      },
      DEFAULT_RULE_PACK,
      '2026-03-02',
    );
    expect(obligationIn(sent, 'jp-appi-ppc-report').deadline).toMatchObject({
      due: plusHours(AWARE, 30 * 24),
    });
    expect(obligationIn(result, 'jp-appi-individuals').deadline.state).toBe('undetermined');
  });

  it('undecided, the report and the notice wait; encrypted data with its key safe owes neither', () => {
    expect(
      decisionIn(run({ people: { JP: 1 } }, '2026-03-02'), 'jp-appi-ppc-report').decision.regimeDecision,
    ).toBe('jp_reportable');
    const encrypted = run(
      {
        people: { JP: 1 },
        elements: [
          { term: 'name', encrypted: true },
          { term: 'email', encrypted: true },
        ],
      },
      '2026-03-02',
      { jp_reportable: 'yes' },
    );
    refusalIn(encrypted, 'jp-appi-ppc-report');
    refusalIn(encrypted, 'jp-appi-individuals');
  });
});

describe('Singapore: PDPA Part 6A', () => {
  it('the PDPC is due 3 calendar days after the assessment that the breach is notifiable, not after discovery', () => {
    const result = run({ people: { SG: 600 } }, '2026-03-02', { sg_notifiable: 'yes' });
    expect(obligationIn(result, 'sg-pdpa-pdpc').deadline).toMatchObject({
      state: 'fixed',
      due: plusHours(DECIDED, 72),
      clock: 'decision',
      clockAt: DECIDED,
    });
  });

  it('the individuals only where significant harm is found, on or after the PDPC notice', () => {
    const scaleOnly = run({ people: { SG: 600 } }, '2026-03-02', { sg_notifiable: 'yes' });
    expect(decisionIn(scaleOnly, 'sg-pdpa-individuals').decision.kind).toBe('state_harm');
    const harmful = evaluateObligations(
      { ...caseWith({ people: { SG: 600 } }, { sg_notifiable: 'yes' }), harmFindings: { SG: 'harm_likely' } },
      DEFAULT_RULE_PACK,
      '2026-03-02',
    );
    const notice = obligationIn(harmful, 'sg-pdpa-individuals');
    expect(notice.deadline).toMatchObject({ state: 'undetermined', suggested: plusHours(DECIDED, 72) });
    expect(notice.order).toMatchObject([{ ruleId: 'sg-pdpa-pdpc', relation: 'after' }]);
  });

  it('a data intermediary tells the organisation without undue delay, whatever the assessment', () => {
    const result = run({ people: { SG: 1 }, organisation: { role: 'processor' } }, '2026-03-02');
    const owed = obligationIn(result, 'sg-pdpa-intermediary-to-organisation');
    expect(owed.recipient.kind).toBe('data_owner');
    expect(owed.deadline).toMatchObject({ state: 'undetermined', suggested: plusHours(AWARE, 24) });
    refusalIn(result, 'sg-pdpa-pdpc');
  });
});

describe('India: CERT-In Directions and the DPDP Act', () => {
  it('CERT-In: 6 hours after the incident was noticed, for an organisation in India, whoever the people are', () => {
    const result = run({ people: {}, organisation: { establishment: 'IN' } }, '2026-03-02');
    expect(obligationIn(result, 'in-cert-in-incident-report').deadline).toMatchObject({
      state: 'fixed',
      due: plusHours(DISCOVERED, 6),
      clock: 'discovery',
    });
    const abroad = run({ people: { IN: 10 }, organisation: { establishment: 'SE' } }, '2026-03-02');
    expect(refusalIn(abroad, 'in-cert-in-incident-report').reason).toMatch(/India/);
  });

  it('CERT-In was not in force before 28 June 2022', () => {
    const spec: CaseSpec = { organisation: { establishment: 'IN' } };
    refusalIn(run(spec, '2022-06-27'), 'in-cert-in-incident-report');
    obligationIn(run(spec, '2022-06-28'), 'in-cert-in-incident-report');
  });

  it('DPDP: not in force before 13 May 2027; from then, the Board (intimation, 72-hour report) and each Data Principal', () => {
    const discovered = '2027-05-20T09:00:00.000Z';
    const aware = '2027-05-20T12:00:00.000Z';
    const spec: CaseSpec = { people: { IN: 10 }, discoveredAt: discovered, awareAt: aware };
    const before = run(spec, '2027-05-12');
    for (const id of ['in-dpdp-board', 'in-dpdp-data-principals']) {
      expect(refusalIn(before, id).reason).toMatch(/2027-05-13/);
    }
    const after = run(spec, '2027-05-13');
    const board = obligationIn(after, 'in-dpdp-board');
    expect(board.stages.map((s) => [s.id, s.deadline.state])).toEqual([
      ['intimation', 'undetermined'],
      ['detailed-report', 'fixed'],
    ]);
    expect(board.stages[1]?.deadline.due).toBe(plusHours(aware, 72));
    expect(obligationIn(after, 'in-dpdp-data-principals').deadline).toMatchObject({
      state: 'undetermined',
      suggested: plusHours(aware, 72),
    });
  });
});

describe('the OAIC statement letter', () => {
  const template = templateById('au-oaic-statement');

  function contentChecks(body: string, id: string) {
    if (template === null) throw new Error('no template au-oaic-statement');
    return checkLetter({
      doc: documentFromTemplate(body),
      template,
      values: demoValuesFor(template),
      requiredContent: rule(id).requiredContent,
      bodyFontPt: 11,
    }).filter((c) => c.id.startsWith('content:'));
  }

  it('is the template of the OAIC rule and, freshly drafted, has every s. 26WK(3) item', () => {
    expect(template).not.toBeNull();
    expect(templateForRule(rule('au-ndb-oaic-statement')).template?.id).toBe('au-oaic-statement');
    const checks = contentChecks(template?.body ?? '', 'au-ndb-oaic-statement');
    expect(checks.map((c) => c.id).sort()).toEqual(
      rule('au-ndb-oaic-statement')
        .requiredContent.map((c) => `content:${c.id}`)
        .sort(),
    );
    expect(checks.filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('fails the recommended-steps item when that section is taken out', () => {
    const body = (template?.body ?? '').replace(
      '### (d) Recommended steps for individuals',
      '### Next steps',
    );
    const steps = contentChecks(body, 'au-ndb-oaic-statement').find(
      (c) => c.id === 'content:au-statement-d-steps',
    );
    expect(steps?.status).toBe('fail');
  });

  it('the notice to individuals, drafted from the generic template, finds the same four items', () => {
    const choice = templateForRule(rule('au-ndb-individuals'));
    expect(choice.generic).toBe(true);
    const generic = choice.template;
    if (generic === null) throw new Error('no generic template');
    const checks = checkLetter({
      doc: documentFromTemplate(generic.body),
      template: generic,
      values: demoValuesFor(generic),
      requiredContent: rule('au-ndb-individuals').requiredContent,
      bodyFontPt: 11,
    }).filter((c) => c.id.startsWith('content:'));
    expect(checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(checks).toHaveLength(4);
  });
});
