import { describe, expect, it } from 'vitest';
import { checkLetter } from '../../shared/letters/checks';
import { documentFromTemplate } from '../../shared/letters/from-markdown';
import { templateById } from '../../shared/letters/templates';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import { evaluateObligations } from '../../shared/obligations/engine';
import type { EngineResult } from '../../shared/obligations/obligation';
import type { RegimeDecision } from '../../shared/obligations/regime-decisions';
import {
  decisionIn,
  DISCOVERED,
  engineCase,
  obligationIn,
  refusalIn,
  triggeredIds,
  withDecisions,
  type CaseSpec,
} from '../helpers/obligations';
import { demoValuesFor } from './letters-fixture';

/**
 * The US federal regimes (SEC Form 8-K Item 1.05, HIPAA, the FTC Safeguards Rule) and Canada's
 * (PIPEDA, Québec Law 25) on small cases, through the engine with the shipped pack. The discovery
 * clock is DISCOVERED (2026-03-02 09:00 UTC).
 */
const D_PLUS_60D = '2026-05-01T09:00:00.000Z';
const SEC_IDS = ['us-sec-8k-item-105', 'us-sec-8k-a-amendment', 'us-sec-fbi-delay-request'];
const HIPAA_CE_IDS = ['us-hipaa-individuals', 'us-hipaa-hhs-500-or-more', 'us-hipaa-media'];

interface Decided {
  answer: 'yes' | 'no';
  /** The instant (UTC) and the zone the decision was recorded in. */
  utc: string;
  zone: string;
}

/** The engine on a case with the regime decisions given recorded in Facts › Decisions. */
function evaluateWith(
  spec: CaseSpec,
  decisions: Partial<Record<RegimeDecision, Decided>>,
  asOf = '2026-12-01',
): EngineResult {
  const given = Object.fromEntries(
    Object.entries(decisions).map(([key, d]) => [key, { answer: d.answer, at: d.utc, zone: d.zone }]),
  );
  return evaluateObligations(withDecisions(engineCase(spec), given), DEFAULT_RULE_PACK, asOf);
}

describe('SEC Form 8-K Item 1.05', () => {
  const registrant: CaseSpec = { organisation: { regulatedRoles: ['sec_registrant'] }, elements: [] };
  // Wednesday 25 November 2026, 4 p.m. in New York, the day before Thanksgiving (26 November).
  const MATERIAL: Decided = { answer: 'yes', utc: '2026-11-25T21:00:00.000Z', zone: 'America/New_York' };

  it('waits for the materiality determination, with no people or personal data recorded', () => {
    const result = evaluateWith(registrant, {});
    for (const id of SEC_IDS) {
      const waiting = decisionIn(result, id);
      expect(waiting.decision).toMatchObject({ kind: 'regime', regimeDecision: 'sec_materiality' });
    }
    expect(triggeredIds(result).filter((id) => SEC_IDS.includes(id))).toEqual([]);
  });

  it('is not owed by an organisation that is not an SEC registrant, nor when the incident is not material', () => {
    const notRegistrant = evaluateWith({ elements: [] }, { sec_materiality: MATERIAL });
    expect(refusalIn(notRegistrant, 'us-sec-8k-item-105').reason).toMatch(/SEC registrant/);
    const immaterial = evaluateWith(registrant, { sec_materiality: { ...MATERIAL, answer: 'no' } });
    expect(refusalIn(immaterial, 'us-sec-8k-item-105').reason).toMatch(/materiality[\s\S]*"no"/);
  });

  it('is due four US business days after the determination, skipping Thanksgiving, in New York time', () => {
    const result = evaluateWith(registrant, { sec_materiality: MATERIAL });
    const filing = obligationIn(result, 'us-sec-8k-item-105');
    // Thu 26 Nov is Thanksgiving; Fri 27, Mon 30 Nov, Tue 1 and Wed 2 Dec are the four days.
    expect(filing.deadline).toMatchObject({
      state: 'fixed',
      clock: 'decision',
      clockAt: MATERIAL.utc,
      due: '2026-12-02T21:00:00.000Z',
      unit: 'businessDays',
    });
    expect(filing.deadline.reckoning).toMatch(/^4 business days after .*2026-11-25.*Thanksgiving/);
    expect(filing.form).toBe('sec-8k-item-105');
    expect(filing.template).toBe('sec-8k-disclosure-draft');
    expect(filing.regime).toBe('SEC Form 8-K Item 1.05');
  });

  it('gives the amendment no date of its own and the FBI request a target right after the determination', () => {
    const result = evaluateWith(registrant, { sec_materiality: MATERIAL });
    expect(obligationIn(result, 'us-sec-8k-a-amendment').deadline).toMatchObject({
      state: 'undetermined',
      due: null,
      suggested: null,
    });
    const fbi = obligationIn(result, 'us-sec-fbi-delay-request');
    expect(fbi.deadline).toMatchObject({ state: 'undetermined', suggested: '2026-11-25T23:00:00.000Z' });
    expect(fbi.note).toMatch(/Optional[\s\S]*national security/);
    expect(fbi.verification).toBe('unverified');
  });
});

describe('HIPAA', () => {
  const coveredEntity = (people: number): CaseSpec => ({
    organisation: { regulatedRoles: ['hipaa_covered_entity'] },
    elements: ['name', 'health'],
    people: { 'US-CA': people },
  });

  it('a covered entity with 600 people whose health data was exposed owes individuals, HHS and the media at 60 days', () => {
    const result = evaluateWith(coveredEntity(600), {});
    for (const id of HIPAA_CE_IDS) {
      const owed = obligationIn(result, id);
      expect(owed.deadline, id).toMatchObject({ state: 'fixed', clock: 'discovery', due: D_PLUS_60D });
      expect(owed.residents, id).toBe(600);
      // Owed unless a person finds a low probability of compromise; the clock runs meanwhile.
      expect(owed.openDecision, id).toMatchObject({
        kind: 'regime',
        regimeDecision: 'hipaa_low_probability',
      });
    }
    expect(obligationIn(result, 'us-hipaa-hhs-500-or-more')).toMatchObject({
      form: 'hhs-ocr-breach',
      template: 'hhs-ocr-notice',
    });
    expect(obligationIn(result, 'us-hipaa-media').note).toMatch(/The law counts the residents of each State/);
    expect(refusalIn(result, 'us-hipaa-hhs-under-500').reason).toMatch(/fewer than 500/);
    expect(refusalIn(result, 'us-hipaa-ba-to-covered-entity').reason).toMatch(/processor/);
  });

  it('owes none of them once a low probability of compromise is recorded', () => {
    const lowProbability: Decided = {
      answer: 'yes',
      utc: '2026-03-10T15:00:00.000Z',
      zone: 'America/Chicago',
    };
    const result = evaluateWith(coveredEntity(600), { hipaa_low_probability: lowProbability });
    for (const id of HIPAA_CE_IDS) {
      expect(refusalIn(result, id).reason, id).toMatch(/low probability of compromise[\s\S]*"yes"/);
    }
  });

  it('needs health data with an identifier, unencrypted', () => {
    const noHealth = evaluateWith({ ...coveredEntity(600), elements: ['name', 'email'] }, {});
    expect(refusalIn(noHealth, 'us-hipaa-individuals').reason).toMatch(/counts as personal information/);
    const encrypted = evaluateWith(
      { ...coveredEntity(600), elements: ['name', { term: 'health', encrypted: true }] },
      {},
    );
    expect(refusalIn(encrypted, 'us-hipaa-individuals').reason).toMatch(/encrypted/);
  });

  it('fewer than 500: the annual report to HHS, with a suggested target at 60 days after discovery', () => {
    const result = evaluateWith(coveredEntity(120), {});
    const annual = obligationIn(result, 'us-hipaa-hhs-under-500');
    expect(annual.deadline).toMatchObject({ state: 'undetermined', due: null, suggested: D_PLUS_60D });
    expect(annual.deadline.wording).toMatch(/60 days after the end of the calendar year/);
    expect(obligationIn(result, 'us-hipaa-individuals').deadline.due).toBe(D_PLUS_60D);
    expect(refusalIn(result, 'us-hipaa-hhs-500-or-more').reason).toMatch(/at least 500/);
    expect(refusalIn(result, 'us-hipaa-media').reason).toMatch(/more than 500/);
  });

  it("owes the media notice only where one state has more than 500, and counts that state's people", () => {
    const spread = evaluateWith({ ...coveredEntity(0), people: { 'US-CA': 400, 'US-TX': 300 } }, {});
    expect(obligationIn(spread, 'us-hipaa-hhs-500-or-more').residents).toBe(700);
    expect(refusalIn(spread, 'us-hipaa-media').reason).toMatch(
      /^No single state or jurisdiction has more than 500 people who count under .*: the most is 400 in California \(US\)\.$/,
    );
    const texasHeavy = evaluateWith({ ...coveredEntity(0), people: { 'US-CA': 400, 'US-TX': 501 } }, {});
    const media = obligationIn(texasHeavy, 'us-hipaa-media');
    expect(media.residents).toBe(501);
    expect(media.why).toMatch(/more than 500 in one state or jurisdiction needed/);
  });

  it('a business associate owes the covered entity its notice at 60 days from its discovery', () => {
    const result = evaluateWith(
      {
        organisation: { role: 'processor', regulatedRoles: ['hipaa_business_associate'] },
        elements: ['name', 'health'],
        people: { 'US-NY': 40 },
      },
      {},
    );
    const notice = obligationIn(result, 'us-hipaa-ba-to-covered-entity');
    expect(notice.recipient).toMatchObject({ kind: 'data_owner', name: 'the covered entity' });
    expect(notice.deadline).toMatchObject({ state: 'fixed', due: D_PLUS_60D });
    expect(refusalIn(result, 'us-hipaa-individuals').reason).toMatch(/processor/);
  });

  it('the discovery clock is the one the board shows', () => {
    const result = evaluateWith(coveredEntity(10), {});
    expect(obligationIn(result, 'us-hipaa-individuals').deadline.clockAt).toBe(DISCOVERED);
  });
});

describe('Canada', () => {
  const canadians: CaseSpec = { elements: ['name', 'email', 'password'], people: { CA: 25 } };

  it('PIPEDA waits for the real-risk-of-significant-harm determination', () => {
    const result = evaluateWith(canadians, {});
    for (const id of ['ca-pipeda-opc-report', 'ca-pipeda-individuals', 'ca-pipeda-other-organisations']) {
      expect(decisionIn(result, id).decision, id).toMatchObject({
        kind: 'regime',
        regimeDecision: 'pipeda_rrosh',
      });
    }
  });

  it('PIPEDA, once a real risk is determined: as soon as feasible, with a target counted from the determination', () => {
    const rrosh: Decided = { answer: 'yes', utc: '2026-03-05T14:00:00.000Z', zone: 'America/Toronto' };
    const result = evaluateWith(canadians, { pipeda_rrosh: rrosh });
    const report = obligationIn(result, 'ca-pipeda-opc-report');
    expect(report.deadline).toMatchObject({
      state: 'undetermined',
      clock: 'decision',
      clockAt: rrosh.utc,
      suggested: '2026-03-08T14:00:00.000Z',
    });
    expect(report.template).toBe('ca-opc-report');
    expect(obligationIn(result, 'ca-pipeda-individuals').deadline.suggested).toBe('2026-03-08T14:00:00.000Z');
    const none = evaluateWith(canadians, { pipeda_rrosh: { ...rrosh, answer: 'no' } });
    expect(refusalIn(none, 'ca-pipeda-opc-report').reason).toMatch(/"no"/);
  });

  it('Québec Law 25 reaches enterprises established in Québec and waits for the serious-injury decision', () => {
    const quebec: CaseSpec = { ...canadians, organisation: { establishedIn: ['CA-QC'] } };
    const undecided = evaluateWith(quebec, {});
    for (const id of ['ca-qc-cai-notice', 'ca-qc-persons-concerned']) {
      expect(decisionIn(undecided, id).decision, id).toMatchObject({
        kind: 'state_harm',
        jurisdiction: 'CA-QC',
      });
    }
    const decided = evaluateObligations(
      { ...engineCase(quebec), harmFindings: { 'CA-QC': 'harm_likely' } },
      DEFAULT_RULE_PACK,
      '2026-03-02',
    );
    expect(obligationIn(decided, 'ca-qc-cai-notice').deadline).toMatchObject({ state: 'undetermined' });
    expect(obligationIn(decided, 'ca-qc-persons-concerned').recipient.kind).toBe('affected_individuals');
    const elsewhere = evaluateWith(canadians, {});
    expect(refusalIn(elsewhere, 'ca-qc-cai-notice').reason).toMatch(/established in/);
  });
});

describe('the letter templates of these regimes', () => {
  const cases: [string, string[]][] = [
    ['sec-8k-disclosure-draft', ['us-sec-8k-item-105', 'us-sec-8k-a-amendment']],
    ['hhs-ocr-notice', ['us-hipaa-hhs-500-or-more', 'us-hipaa-hhs-under-500']],
    ['ca-opc-report', ['ca-pipeda-opc-report']],
  ];

  it.each(cases)('%s, freshly drafted, passes the required-content check of %j', (templateId, ruleIds) => {
    const template = templateById(templateId);
    if (template === null) throw new Error(`no template ${templateId}`);
    for (const ruleId of ruleIds) {
      const rule = DEFAULT_RULE_PACK.rules.find((r) => r.id === ruleId);
      if (rule === undefined) throw new Error(`no rule ${ruleId}`);
      expect(rule.template, ruleId).toBe(templateId);
      const checks = checkLetter({
        doc: documentFromTemplate(template.body),
        template,
        values: demoValuesFor(template),
        requiredContent: rule.requiredContent,
        bodyFontPt: 11,
      });
      const content = checks.filter((c) => c.id.startsWith('content:'));
      expect(content.map((c) => c.id).sort(), ruleId).toEqual(
        rule.requiredContent.map((item) => `content:${item.id}`).sort(),
      );
      expect(
        content.filter((c) => c.status === 'fail'),
        ruleId,
      ).toEqual([]);
    }
  });
});
