import { describe, expect, it } from 'vitest';
import type { RegulatedRole } from '../../shared/domain/facts';
import { checkLetter } from '../../shared/letters/checks';
import { documentFromTemplate } from '../../shared/letters/from-markdown';
import { templateForRule } from '../../shared/letters/obligation-template';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import { evaluateObligations, type EngineCase } from '../../shared/obligations/engine';
import type { EngineResult, Obligation } from '../../shared/obligations/obligation';
import { JURISDICTION_FILES } from '../../shared/obligations/packs/breachdesk-us-eu';
import type { RegimeDecision } from '../../shared/obligations/regime-decisions';
import { ruleSchema, type ContentItem, type Rule } from '../../shared/obligations/rule-pack';
import {
  AWARE,
  decisionIn,
  DISCOVERED,
  engineCase,
  obligationIn,
  refusalIn,
  withDecisions,
  type CaseSpec,
  type TestDecision,
} from '../helpers/obligations';
import { demoValuesFor } from './letters-fixture';

/**
 * The UK GDPR (with PECR), Switzerland (revFADP, ISA), NIS2 and DORA rules of issue 21. Clocks as
 * in obligations-engine.test.ts: discovered 2026-03-02 09:00 UTC, aware 2026-03-04 15:00 UTC.
 */
const FILES = ['GB', 'CH', 'EU/NIS2', 'EU/DORA'] as const;
const RULES: readonly Rule[] = FILES.flatMap((code) => ruleSchema.array().parse(JURISDICTION_FILES[code]));

const AS_OF = '2026-03-04';

/** An engine case with regime decisions recorded in Facts › Decisions, each answered at `at`. */
function caseWith(spec: CaseSpec, decisions: Partial<Record<RegimeDecision, TestDecision>> = {}): EngineCase {
  return withDecisions(engineCase(spec), decisions);
}

function run(
  spec: CaseSpec,
  decisions: Parameters<typeof caseWith>[1] = {},
  asOf: string = AS_OF,
): EngineResult {
  return evaluateObligations(caseWith(spec, decisions), DEFAULT_RULE_PACK, asOf);
}

const entity = (...roles: RegulatedRole[]) => ({ regulatedRoles: roles, establishment: 'DE' });

const stageDue = (o: Obligation) => o.stages.map((s) => [s.id, s.deadline.state, s.deadline.due]);

describe('the European regimes in the pack', () => {
  it('are the rules of the four files, each named by its regime, and dated', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual(
      [
        'uk-gdpr-art33-ico',
        'uk-gdpr-art33-processor-to-controller',
        'uk-gdpr-art34-data-subjects',
        'uk-pecr-ico-until-2025',
        'uk-pecr-ico-2025',
        'ch-fadp-fdpic',
        'ch-fadp-data-subjects',
        'ch-fadp-processor-to-controller',
        'ch-isa-ncsc-cyberattack',
        'nis2-art23-csirt',
        'nis2-art23-service-recipients',
        'dora-art19-competent-authority',
        'dora-art19-3-clients',
      ].sort(),
    );
    const regimes = new Set(RULES.map((r) => r.regime));
    expect([...regimes].sort()).toEqual(['DORA', 'NIS2', 'Swiss ISA', 'UK GDPR', 'UK PECR', 'revFADP']);
    for (const rule of RULES) {
      expect(rule.lastReviewed, rule.id).toBe('2026-12-07');
      // A staged report's own deadline is its first stage's.
      if (rule.stages.length > 0) expect(rule.deadline, rule.id).toEqual(rule.stages[0]?.deadline);
    }
    const byId = new Map(RULES.map((r) => [r.id, r]));
    expect(byId.get('uk-gdpr-art33-ico')?.effectiveFrom).toBe('2021-01-01');
    expect(byId.get('ch-isa-ncsc-cyberattack')?.effectiveFrom).toBe('2025-04-01');
    expect(byId.get('nis2-art23-csirt')?.effectiveFrom).toBe('2024-10-18');
    expect(byId.get('dora-art19-competent-authority')?.effectiveFrom).toBe('2025-01-17');
    // The PECR deadline changed from 24 to 72 hours on 20 August 2025 (⚠, unverified).
    expect(byId.get('uk-pecr-ico-until-2025')?.effectiveTo).toBe('2025-08-20');
    expect(byId.get('uk-pecr-ico-2025')?.effectiveFrom).toBe('2025-08-20');
    for (const id of ['uk-pecr-ico-2025', 'nis2-art23-csirt', 'ch-isa-ncsc-cyberattack']) {
      expect(byId.get(id)?.verification, id).toBe('unverified');
      expect(byId.get(id)?.note, id).toContain('⚠');
    }
  });
});

describe('UK GDPR', () => {
  it('owes the ICO a report 72 hours after awareness when people in the UK are affected', () => {
    const result = run({ people: { GB: 10 } });
    const ico = obligationIn(result, 'uk-gdpr-art33-ico');
    expect(ico.deadline).toMatchObject({
      state: 'fixed',
      clock: 'awareness',
      clockAt: AWARE,
      due: '2026-03-07T15:00:00.000Z',
    });
    expect(ico).toMatchObject({
      regime: 'UK GDPR',
      form: 'ico-personal-data-breach',
      template: 'uk-ico-report',
      recipient: { kind: 'supervisory_authority', name: "Information Commissioner's Office (ICO)" },
    });
    // Art. 34 waits for the high-risk decision; the PECR rules are for communications providers.
    expect(decisionIn(result, 'uk-gdpr-art34-data-subjects').decision.kind).toBe('gdpr_risk');
    expect(refusalIn(result, 'uk-pecr-ico-2025').reason).toMatch(/communications service provider/);
  });

  it('is not in force before 2021 (IP completion day, 31 December 2020 at 23:00)', () => {
    const result = run({ people: { GB: 10 } }, {}, '2020-12-31');
    expect(refusalIn(result, 'uk-gdpr-art33-ico').reason).toMatch(/applies from 2021-01-01/);
  });

  it('gives a PECR provider 24 hours before 20 August 2025 and 72 hours from then', () => {
    const spec = (aware: string): CaseSpec => ({
      people: { GB: 10 },
      organisation: { regulatedRoles: ['uk_pecr_provider'] },
      discoveredAt: aware,
      awareAt: aware,
    });
    const before = run(spec('2025-08-19T08:00:00.000Z'), {}, '2025-08-19');
    expect(obligationIn(before, 'uk-pecr-ico-until-2025').deadline.due).toBe('2025-08-20T08:00:00.000Z');
    expect(refusalIn(before, 'uk-pecr-ico-2025').reason).toMatch(/applies from 2025-08-20/);
    const after = run(spec('2025-08-20T08:00:00.000Z'), {}, '2025-08-20');
    expect(obligationIn(after, 'uk-pecr-ico-2025').deadline.due).toBe('2025-08-23T08:00:00.000Z');
    expect(refusalIn(after, 'uk-pecr-ico-until-2025').reason).toMatch(/replaced from 2025-08-20/);
  });
});

describe('NIS2', () => {
  it('waits for the significant-incident decision, even with no people recorded', () => {
    const result = run({ organisation: entity('nis2_essential') });
    const waiting = decisionIn(result, 'nis2-art23-csirt');
    expect(waiting.decision).toMatchObject({ kind: 'regime', regimeDecision: 'nis2_significant' });
    expect(decisionIn(result, 'nis2-art23-service-recipients').decision.regimeDecision).toBe(
      'nis2_significant',
    );
  });

  it('with "yes": early warning at 24 hours, notification at 72 hours, then the final report', () => {
    const yes = { nis2_significant: { answer: 'yes' as const, at: '2026-03-04T18:00:00.000Z' } };
    const owed = obligationIn(run({ organisation: entity('nis2_important') }, yes), 'nis2-art23-csirt');
    expect(owed.regime).toBe('NIS2');
    expect(stageDue(owed)).toEqual([
      ['early-warning', 'fixed', '2026-03-05T15:00:00.000Z'],
      ['incident-notification', 'fixed', '2026-03-07T15:00:00.000Z'],
      // One month after the incident notification is sent: not sent yet.
      ['final-report', 'waiting', null],
    ]);
    expect(owed.stages.map((s) => s.form)).toEqual([
      'nis2-early-warning',
      'nis2-incident-notification',
      'nis2-final-report',
    ]);
    expect(owed.deadline.due).toBe('2026-03-05T15:00:00.000Z');

    const sent = {
      ...engineCase({ organisation: entity('nis2_important') }),
      sentAt: {
        'nis2-art23-csirt/early-warning': '2026-03-05T09:00:00.000Z',
        'nis2-art23-csirt/incident-notification': '2026-03-06T10:00:00.000Z',
      },
    };
    const later = evaluateObligations(
      { ...sent, facts: caseWith({ organisation: entity('nis2_important') }, yes).facts },
      DEFAULT_RULE_PACK,
      AS_OF,
    );
    const final = obligationIn(later, 'nis2-art23-csirt');
    expect(final.stages.at(-1)?.deadline).toMatchObject({ state: 'fixed', due: '2026-04-06T10:00:00.000Z' });
    // Due by its first stage not yet sent.
    expect(final.deadline.due).toBe('2026-04-06T10:00:00.000Z');
  });

  it('with "no": not owed, citing the decision', () => {
    const no = { nis2_significant: { answer: 'no' as const, at: '2026-03-04T18:00:00.000Z' } };
    const result = run({ organisation: entity('nis2_essential') }, no);
    expect(refusalIn(result, 'nis2-art23-csirt').reason).toMatch(/NIS2 significant incident[\s\S]*"no"/);
  });

  it('does not apply to an organisation that is not an NIS2 entity, naming the roles', () => {
    const result = run({ people: { DE: 10 }, organisation: { establishment: 'DE' } });
    const reason = refusalIn(result, 'nis2-art23-csirt').reason;
    expect(reason).toMatch(/NIS2 essential entity/);
    expect(reason).toMatch(/NIS2 important entity/);
  });

  it('does not apply to an entity established outside the EU', () => {
    const result = run({ organisation: { regulatedRoles: ['nis2_essential'], establishment: 'US' } });
    expect(refusalIn(result, 'nis2-art23-csirt').reason).toMatch(/established in an EU member state/);
  });
});

describe('DORA', () => {
  const major = { dora_major: { answer: 'yes' as const, at: '2026-03-05T10:00:00.000Z' } };

  it('counts the initial notification from the classification as major, then each report from the last', () => {
    const owed = obligationIn(
      run({ organisation: entity('dora_financial_entity') }, major),
      'dora-art19-competent-authority',
    );
    expect(owed.stages[0]?.deadline).toMatchObject({
      state: 'fixed',
      clock: 'decision',
      clockAt: '2026-03-05T10:00:00.000Z',
      due: '2026-03-05T14:00:00.000Z',
    });
    expect(owed.stages[0]?.deadline.wording).toMatch(/no later than 24 hours after becoming aware/);
    expect(stageDue(owed).slice(1)).toEqual([
      ['intermediate-report', 'waiting', null],
      ['final-report', 'waiting', null],
    ]);

    const facts = caseWith({ organisation: entity('dora_financial_entity') }, major).facts;
    const sentAt = {
      'dora-art19-competent-authority/initial-notification': '2026-03-05T13:00:00.000Z',
      'dora-art19-competent-authority/intermediate-report': '2026-03-08T12:00:00.000Z',
    };
    const later = evaluateObligations(
      { ...engineCase({ organisation: entity('dora_financial_entity') }), facts, sentAt },
      DEFAULT_RULE_PACK,
      AS_OF,
    );
    expect(stageDue(obligationIn(later, 'dora-art19-competent-authority'))).toEqual([
      ['initial-notification', 'fixed', '2026-03-05T14:00:00.000Z'],
      ['intermediate-report', 'fixed', '2026-03-08T13:00:00.000Z'],
      ['final-report', 'fixed', '2026-04-08T12:00:00.000Z'],
    ]);
  });

  it('without a classification, waits; for an entity not under DORA, does not apply', () => {
    const waiting = run({ organisation: entity('dora_financial_entity') });
    expect(decisionIn(waiting, 'dora-art19-competent-authority').decision.regimeDecision).toBe('dora_major');
    const other = run({ organisation: entity('nis2_essential') }, major);
    expect(refusalIn(other, 'dora-art19-competent-authority').reason).toMatch(/DORA financial entity/);
    expect(refusalIn(other, 'dora-art19-3-clients').reason).toMatch(/DORA financial entity/);
  });
});

describe('Switzerland', () => {
  it('gives a critical-infrastructure operator 24 hours from discovery, then 14 days to complete', () => {
    const spec: CaseSpec = { organisation: { regulatedRoles: ['ch_critical_infrastructure'] } };
    const owed = obligationIn(run(spec), 'ch-isa-ncsc-cyberattack');
    expect(owed.regime).toBe('Swiss ISA');
    expect(owed.deadline).toMatchObject({
      state: 'fixed',
      clock: 'discovery',
      clockAt: DISCOVERED,
      due: '2026-03-03T09:00:00.000Z',
    });
    expect(stageDue(owed)).toEqual([
      ['initial-report', 'fixed', '2026-03-03T09:00:00.000Z'],
      ['completion', 'waiting', null],
    ]);
    const sent = evaluateObligations(
      {
        ...engineCase(spec),
        sentAt: { 'ch-isa-ncsc-cyberattack/initial-report': '2026-03-03T08:00:00.000Z' },
      },
      DEFAULT_RULE_PACK,
      AS_OF,
    );
    expect(obligationIn(sent, 'ch-isa-ncsc-cyberattack').stages[1]?.deadline.due).toBe(
      '2026-03-17T08:00:00.000Z',
    );
    expect(refusalIn(run({}), 'ch-isa-ncsc-cyberattack').reason).toMatch(/Swiss critical-infrastructure/);
    expect(refusalIn(run(spec, {}, '2025-03-31'), 'ch-isa-ncsc-cyberattack').reason).toMatch(
      /applies from 2025-04-01/,
    );
  });

  it('reports to the FDPIC only once a likely high risk is decided, as quickly as possible', () => {
    const people: CaseSpec = { people: { CH: 25 } };
    expect(decisionIn(run(people), 'ch-fadp-fdpic').decision.regimeDecision).toBe('ch_high_risk');
    expect(decisionIn(run(people), 'ch-fadp-data-subjects').decision.regimeDecision).toBe('ch_high_risk');
    const high = { ch_high_risk: { answer: 'yes' as const, at: '2026-03-05T12:00:00.000Z' } };
    const fdpic = obligationIn(run(people, high), 'ch-fadp-fdpic');
    expect(fdpic.deadline).toMatchObject({
      state: 'undetermined',
      due: null,
      clock: 'decision',
      suggested: '2026-03-08T12:00:00.000Z',
    });
    expect(fdpic.deadline.wording).toMatch(/as quickly as possible/i);
  });
});

/** Every content item a rule asks for, its stages' included, once each. */
function contentOf(rule: Rule): ContentItem[] {
  const items = new Map<string, ContentItem>();
  for (const item of [...rule.requiredContent, ...rule.stages.flatMap((s) => s.requiredContent)])
    if (!items.has(item.id)) items.set(item.id, item);
  return [...items.values()];
}

describe('the letters for these notices', () => {
  it.each(RULES.map((r) => [r.id, r] as const))(
    '%s: drafted from the template it is offered, holds every required item (its stages too)',
    (_id, rule) => {
      const choice = templateForRule(rule);
      if (choice.template === null) throw new Error(choice.reason);
      if (rule.template !== null) expect(choice.template.id).toBe(rule.template);
      for (const stage of rule.stages) expect(stage.template ?? rule.template).toBe(choice.template.id);
      const checks = checkLetter({
        doc: documentFromTemplate(choice.template.body),
        template: choice.template,
        values: demoValuesFor(choice.template),
        requiredContent: contentOf(rule),
        bodyFontPt: 11,
      });
      const content = checks.filter((c) => c.id.startsWith('content:'));
      expect(content).toHaveLength(contentOf(rule).length);
      expect(content.filter((c) => c.status === 'fail')).toEqual([]);
    },
  );

  it('uses the two new templates where the brief says: the ICO report and the NIS2/DORA incident report', () => {
    const templates = Object.fromEntries(RULES.map((r) => [r.id, r.template]));
    expect(templates).toMatchObject({
      'uk-gdpr-art33-ico': 'uk-ico-report',
      'nis2-art23-csirt': 'nis2-dora-incident-report',
      'dora-art19-competent-authority': 'nis2-dora-incident-report',
    });
  });
});
