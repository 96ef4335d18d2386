import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import { evaluateObligations } from '../../shared/obligations/engine';
import { rulePackSchema, type Rule, type RulePack } from '../../shared/obligations/rule-pack';
import { decisionIn, engineCase, obligationIn, refusalIn, type CaseSpec } from '../helpers/obligations';

/**
 * Texas's notice to residents, turned into test-only variants so the engine's reading of a
 * state's harm test, key-compromise exception and substitute-notice condition is pinned down
 * whatever the shipped rules say.
 */
function packWith(change: (rule: Rule) => void): RulePack {
  const pack = structuredClone(DEFAULT_RULE_PACK);
  for (const rule of pack.rules) if (rule.id === 'us-tx-individuals') change(rule);
  return rulePackSchema.parse(pack);
}

const EXEMPTION = {
  kind: 'exemption' as const,
  test: 'there is no reasonable likelihood of harm to the residents',
  citation: 'Test. Code §1(c)',
  conditions: 'the determination is in writing and kept for five years.',
};
const CONDITION = {
  kind: 'condition' as const,
  test: 'the breach is reasonably likely to cause substantial harm',
  citation: 'Test. Code §2(a)',
  conditions: '',
};

const run = (pack: RulePack, spec: CaseSpec) =>
  evaluateObligations(engineCase({ people: { 'US-TX': 250 }, ...spec }), pack, '2026-03-02');

describe("a state's risk-of-harm test, decided by a person", () => {
  it('an exemption nobody has decided leaves the notice owed, its clock running, the decision marked', () => {
    const pack = packWith((rule) => (rule.trigger.harm = EXEMPTION));
    const owed = obligationIn(run(pack, {}), 'us-tx-individuals');
    expect(owed.deadline.due).not.toBeNull();
    expect(owed.openDecision).toMatchObject({
      kind: 'state_harm',
      jurisdiction: 'US-TX',
      test: EXEMPTION.test,
      citation: EXEMPTION.citation,
    });
    expect(owed.openDecision?.reason).toContain(
      'Owed unless a person determines that there is no reasonable',
    );
    expect(owed.openDecision?.reason).toContain('kept for five years');
  });

  it('a condition nobody has decided reads "decision needed", never "not owed"', () => {
    const pack = packWith((rule) => (rule.trigger.harm = CONDITION));
    const result = run(pack, {});
    expect(result.notTriggered.map((n) => n.ruleId)).not.toContain('us-tx-individuals');
    expect(result.obligations.map((o) => o.ruleId)).not.toContain('us-tx-individuals');
    expect(decisionIn(result, 'us-tx-individuals').decision).toMatchObject({
      kind: 'state_harm',
      jurisdiction: 'US-TX',
      question: expect.stringContaining('Texas') as unknown,
    });
  });

  it('"harm likely" makes either kind owed and says so; "harm not likely" makes it not owed, naming the test', () => {
    for (const harm of [EXEMPTION, CONDITION]) {
      const pack = packWith((rule) => (rule.trigger.harm = harm));
      const likely = obligationIn(
        run(pack, { harmFindings: { 'US-TX': 'harm_likely' } }),
        'us-tx-individuals',
      );
      expect(likely.openDecision).toBeNull();
      expect(likely.why).toContain(`a person determined that harm is likely (${harm.citation})`);
      const unlikely = refusalIn(
        run(pack, { harmFindings: { 'US-TX': 'harm_not_likely' } }),
        'us-tx-individuals',
      );
      expect(unlikely.reason).toBe(
        `The harm decision recorded for Texas (US) is that harm is not likely (the law's test: ${harm.test}, ${harm.citation}).`,
      );
    }
  });

  it("another state's decision does not decide this one", () => {
    const pack = packWith((rule) => (rule.trigger.harm = CONDITION));
    const result = run(pack, { harmFindings: { 'US-OK': 'harm_not_likely' } });
    expect(decisionIn(result, 'us-tx-individuals').decision.jurisdiction).toBe('US-TX');
  });
});

describe('the encryption safe harbour and its key-compromise exception', () => {
  const encryptedWithKey = [
    { term: 'name' as const },
    { term: 'ssn' as const, encrypted: true, keyCompromised: true },
  ];

  it('with the exception, encrypted data with a compromised key counts', () => {
    const pack = packWith((rule) => (rule.trigger.keyCompromiseException = true));
    expect(obligationIn(run(pack, { elements: encryptedWithKey }), 'us-tx-individuals').why).toContain(
      'unencrypted (or with the key)',
    );
  });

  it('without it, encrypted data stays outside even with the key, and the reason says why', () => {
    const pack = packWith((rule) => (rule.trigger.keyCompromiseException = false));
    expect(refusalIn(run(pack, { elements: encryptedWithKey }), 'us-tx-individuals').reason).toBe(
      'The data that would count (Name, Social Security number) was encrypted, and Tex. Bus. & Com. Code §521.053 makes no exception for a compromised key.',
    );
  });
});

describe('the substitute-notice condition', () => {
  const condition = {
    costOver: 250_000,
    peopleOver: 500_000,
    insufficientContact: true,
    methods: 'e-mail, a conspicuous website notice and statewide media',
    citation: 'Test. Code §3',
  };
  const pack = packWith((rule) => (rule.substituteNotice = condition));

  it('is open by the number of people alone when there are more than the law names', () => {
    const result = evaluateObligations(engineCase({ people: { 'US-TX': 612_000 } }), pack, '2026-03-02');
    expect(obligationIn(result, 'us-tx-individuals').substituteNotice).toEqual({
      available: 'yes',
      text: 'Substitute notice (e-mail, a conspicuous website notice and statewide media) is allowed: 612,000 people to notify is more than 500,000.',
      citation: 'Test. Code §3',
    });
  });

  it('otherwise turns on what the case cannot know (cost, contact details), and says so', () => {
    expect(obligationIn(run(pack, {}), 'us-tx-individuals').substituteNotice).toEqual({
      available: 'if_cost_or_contact',
      text: 'Substitute notice (e-mail, a conspicuous website notice and statewide media) is allowed only if notice would cost more than $250,000 or contact details are insufficient; 250 people to notify is not more than 500,000.',
      citation: 'Test. Code §3',
    });
  });

  it('is absent where the rule has no condition', () => {
    expect(
      obligationIn(
        run(
          packWith((rule) => (rule.substituteNotice = null)),
          {},
        ),
        'us-tx-individuals',
      ).substituteNotice,
    ).toBeNull();
  });
});

describe('people where the pack has no rules', () => {
  it('are listed with what the pack knows, never dropped', () => {
    const pack = rulePackSchema.parse({
      ...structuredClone(DEFAULT_RULE_PACK),
      withoutBreachLaw: {
        'US-AS': {
          note: '⚠ No breach-notification statute found.',
          lastReviewed: '2026-12-07',
          verification: 'unverified',
          sources: ['AS1'],
        },
      },
    });
    const result = evaluateObligations(
      engineCase({ people: { 'US-AS': 40, 'US-TX': 10, NZ: 3 } }),
      pack,
      '2026-03-02',
    );
    expect(result.uncovered).toEqual([
      { jurisdiction: 'US-AS', residents: 40, note: '⚠ No breach-notification statute found.' },
      {
        jurisdiction: 'NZ',
        residents: 3,
        note: 'The rule pack has no rules for New Zealand: check its law yourself.',
      },
    ]);
  });
});
