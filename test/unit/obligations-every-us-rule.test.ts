import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import type { Rule } from '../../shared/obligations/rule-pack';
import {
  AWARE,
  DISCOVERED,
  evaluate,
  HANDBOOK_JURISDICTIONS,
  obligationIn,
  refusalIn,
  type CaseSpec,
} from '../helpers/obligations';

/**
 * Every US rule beyond the handbook's jurisdictions, read generically from its own data: a case
 * that meets its trigger exactly (people at its threshold, its first personal-information
 * combination, its role, harm found likely, the notice it follows sent) must owe it, with the
 * deadline its period gives from the clock it names; one person fewer, or data outside the
 * state's definition, must not; an undecided harm test must never read "not owed".
 */
// The US states' own rules (federal and foreign regimes have their own tests: regimes-*.test.ts).
const RULES = DEFAULT_RULE_PACK.rules.filter(
  (r) => r.jurisdiction.startsWith('US-') && !HANDBOOK_JURISDICTIONS.includes(r.jurisdiction),
);
const SENT = '2026-06-01T12:00:00.000Z';
const HOUR = 3_600_000;

/** A date the rule is in force on: 2026-06-15, or the last day before it was replaced. */
function asOfFor(rule: Rule): string {
  const wanted =
    rule.effectiveFrom !== null && rule.effectiveFrom > '2026-06-15' ? rule.effectiveFrom : '2026-06-15';
  if (rule.effectiveTo === null || wanted < rule.effectiveTo) return wanted;
  const before = new Date(Date.parse(rule.effectiveTo) - 24 * HOUR);
  return before.toISOString().slice(0, 10);
}

function threshold(rule: Rule): number {
  const { comparison, count } = rule.trigger.residents;
  return comparison === 'gt' ? count + 1 : comparison === 'gte' ? Math.max(count, 1) : 1;
}

function triggering(rule: Rule, people = threshold(rule)): CaseSpec {
  const sentAt: Record<string, string> = {};
  if (rule.deadline.kind === 'after_notice')
    for (const id of [rule.deadline.ruleId].flat()) sentAt[id] = SENT;
  return {
    people: { [rule.jurisdiction]: people },
    elements: rule.trigger.personalInformation?.[0] ?? ['name', 'email'],
    organisation: { role: rule.trigger.roles[0] ?? 'controller' },
    harmFindings: rule.trigger.harm === null ? {} : { [rule.jurisdiction]: 'harm_likely' },
    sentAt,
  };
}

const clockAt = (clock: string) => (clock === 'discovery' ? DISCOVERED : AWARE);

describe('every US rule beyond the handbook, from its own data', () => {
  it('covers the other 45 US jurisdictions', () => {
    expect(new Set(RULES.map((r) => r.jurisdiction)).size).toBe(45);
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s is owed when its trigger is met', (id, rule) => {
    const obligation = obligationIn(evaluate(triggering(rule), asOfFor(rule)), id);
    expect(obligation.openDecision).toBeNull();
    const { deadline } = rule;
    if (deadline.kind === 'period') {
      const start = Date.parse(clockAt(deadline.clock));
      const { hours, days, businessDays } = deadline.period;
      expect(obligation.deadline.state).toBe('fixed');
      const due = Date.parse(obligation.deadline.due ?? '');
      if (hours !== undefined) expect(due - start).toBe(hours * HOUR);
      // The helper's case is in UTC: a calendar day is 24 hours.
      if (days !== undefined) expect(due - start).toBe(days * 24 * HOUR);
      if (businessDays !== undefined) {
        // At least one calendar day per business day, and two more per full week of them.
        expect(due - start).toBeGreaterThanOrEqual(
          (businessDays + 2 * Math.floor(businessDays / 5)) * 24 * HOUR,
        );
        expect(obligation.deadline.reckoning).toContain('business day');
      }
    } else if (deadline.kind === 'after_notice') {
      expect(obligation.deadline.clockAt).toBe(SENT);
    } else {
      expect(obligation.deadline.state).toBe('undetermined');
    }
  });

  it.each(RULES.filter((r) => r.trigger.residents.comparison !== 'any').map((r) => [r.id, r] as const))(
    '%s is not owed one person below its threshold, and says so',
    (id, rule) => {
      const spec = triggering(rule, threshold(rule) - 1);
      expect(refusalIn(evaluate(spec, asOfFor(rule)), id).reason).toMatch(
        /this notice needs|No affected people/,
      );
    },
  );

  it.each(RULES.filter((r) => r.trigger.personalInformation !== null).map((r) => [r.id, r] as const))(
    '%s is not owed for data outside its definition of personal information',
    (id, rule) => {
      const spec = { ...triggering(rule), elements: ['gender' as const] };
      expect(refusalIn(evaluate(spec, asOfFor(rule)), id).reason).toMatch(/counts as personal information/);
    },
  );

  it.each(RULES.filter((r) => r.trigger.harm !== null).map((r) => [r.id, r] as const))(
    '%s: an undecided harm test is never "not owed"',
    (id, rule) => {
      const result = evaluate({ ...triggering(rule), harmFindings: {} }, asOfFor(rule));
      expect(result.notTriggered.map((n) => n.ruleId)).not.toContain(id);
      const waiting =
        rule.trigger.harm?.kind === 'condition'
          ? result.decisionNeeded.find((d) => d.ruleId === id)?.decision
          : result.obligations.find((o) => o.ruleId === id)?.openDecision;
      expect(waiting).toMatchObject({ kind: 'state_harm', jurisdiction: rule.jurisdiction });
    },
  );
});
