import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import type { Rule, RulePack } from '../../shared/obligations/rule-pack';

/** A mutable copy of the shipped pack, as JSON would give it. */
export function shippedPackCopy(): RulePack {
  return JSON.parse(JSON.stringify(DEFAULT_RULE_PACK)) as RulePack;
}

/** Rules no other rule points to (after_notice, order): removing one keeps the pack valid. */
function unreferenced(pack: RulePack): Rule[] {
  const referenced = new Set(
    pack.rules.flatMap((rule) => [
      ...(rule.deadline.kind === 'after_notice' ? [rule.deadline.ruleId].flat() : []),
      ...rule.order.map((o) => o.ruleId),
    ]),
  );
  return pack.rules.filter((rule) => !referenced.has(rule.id));
}

export interface NewerPack {
  pack: RulePack;
  /** The rule whose deadline and citation changed. */
  changed: Rule;
  /** The rule the new pack no longer has. */
  retired: Rule;
  /** The rule only the new pack has. */
  added: Rule;
}

/**
 * A newer release of the shipped pack: version and publication date moved on, one rule added
 * (in force from 2027-01-01), one changed (deadline wording and citation), one retired. Chosen
 * from whatever the shipped pack holds today, so rules added to it do not break the tests.
 */
export function newerPack(version = '2099.1', published = '2099-01-15'): NewerPack {
  const pack = shippedPackCopy();
  // Without stages: a staged rule's deadline must stay its first stage's.
  const changedRule = pack.rules.find((rule) => rule.stages.length === 0);
  const retired = unreferenced(pack)
    .filter((rule) => rule !== changedRule)
    .at(-1);
  if (changedRule === undefined || retired === undefined)
    throw new Error('the shipped pack has too few rules');
  const changed: Rule = {
    ...changedRule,
    citation: `${changedRule.citation} (as amended)`,
    deadline: { ...changedRule.deadline, wording: `${changedRule.deadline.wording} (amended)` },
  };
  const added: Rule = {
    ...changedRule,
    id: 'zz-test-added-rule',
    title: 'A rule only the newer pack has',
    effectiveFrom: '2027-01-01',
    effectiveTo: null,
  };
  pack.version = version;
  pack.published = published;
  pack.rules = [
    ...pack.rules.filter((r) => r.id !== retired.id).map((r) => (r.id === changed.id ? changed : r)),
    added,
  ];
  return { pack, changed, retired, added };
}
