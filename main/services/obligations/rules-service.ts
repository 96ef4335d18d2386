import type { z } from 'zod';
import { jurisdictionName } from '../../../shared/jurisdictions/jurisdictions';
import type { rulePackListingSchema } from '../../../shared/ipc/obligations-contract';
import { activeRulePack } from './active-pack';
import type { Rule, RulePack } from '../../../shared/obligations/rule-pack';

export type RulePackListing = z.output<typeof rulePackListingSchema>;

/**
 * Where a law's jurisdiction is not one place people live, its name says which law: the EU row
 * holds the GDPR's rules (not "member states not listed separately", the population wording),
 * the US row federal rules.
 */
const LAW_JURISDICTION_NAMES: Readonly<Record<string, string>> = {
  EU: 'European Union (GDPR, every member state)',
  US: 'United States (federal)',
};

/**
 * Every jurisdiction of the rule pack, sorted by code, with its rules, how many are ⚠ and the
 * references they cite; jurisdictions the pack knows to have no breach law come with why.
 */
export function listRules(pack: RulePack = activeRulePack()): RulePackListing {
  const byCode = new Map<string, Rule[]>();
  for (const code of Object.keys(pack.withoutBreachLaw)) byCode.set(code, []);
  for (const rule of pack.rules)
    byCode.set(rule.jurisdiction, [...(byCode.get(rule.jurisdiction) ?? []), rule]);
  const jurisdictions = [...byCode.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, rules]) => ({
      code,
      name: LAW_JURISDICTION_NAMES[code] ?? jurisdictionName(code),
      ruleCount: rules.length,
      unverifiedCount:
        rules.filter((r) => r.verification === 'unverified').length +
        (pack.withoutBreachLaw[code]?.verification === 'unverified' ? 1 : 0),
      rules: rules.map((r) => ({
        id: r.id,
        title: r.title,
        law: r.law,
        regime: r.regime,
        recipientKind: r.recipient.kind,
        citation: r.citation,
        effectiveFrom: r.effectiveFrom,
        effectiveTo: r.effectiveTo,
        lastReviewed: r.lastReviewed,
        verification: r.verification,
        sources: r.sources,
      })),
      withoutLaw: withoutLawOf(pack, code),
      references: Object.entries(pack.references[code] ?? {}).map(([key, ref]) => ({ key, ...ref })),
    }));
  return {
    packId: pack.id,
    packVersion: pack.version,
    published: pack.published,
    jurisdictions,
    regimes: regimesOf(pack),
  };
}

/** Each named regime with the jurisdictions and rules it spans, sorted by name. */
function regimesOf(pack: RulePack): RulePackListing['regimes'] {
  const byName = new Map<string, Rule[]>();
  for (const rule of pack.rules)
    if (rule.regime !== '') byName.set(rule.regime, [...(byName.get(rule.regime) ?? []), rule]);
  return [...byName.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en'))
    .map(([name, rules]) => ({
      name,
      jurisdictions: [...new Set(rules.map((r) => r.jurisdiction))],
      ruleIds: rules.map((r) => r.id),
      unverifiedCount: rules.filter((r) => r.verification === 'unverified').length,
    }));
}

function withoutLawOf(pack: RulePack, code: string): RulePackListing['jurisdictions'][number]['withoutLaw'] {
  const known = pack.withoutBreachLaw[code];
  return known === undefined ? null : { note: known.note, verification: known.verification };
}
