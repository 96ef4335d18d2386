import canonicalize from 'canonicalize';
import { z } from 'zod';
import { ruleSchema, type Rule, type RulePack } from './rule-pack';

const isoDate = z.iso.date();

const packStampSchema = z.object({ id: z.string(), version: z.string(), published: isoDate });

/** A rule as an update names it: enough to recognise it and to say when it is in force. */
const ruleMentionSchema = z.object({
  id: z.string(),
  title: z.string(),
  jurisdiction: z.string(),
  effectiveFrom: isoDate.nullable(),
  effectiveTo: isoDate.nullable(),
});

export const rulePackDiffSchema = z.object({
  from: packStampSchema,
  to: packStampSchema,
  /** Rules only the new pack has. */
  added: z.array(ruleMentionSchema),
  /** Rules of both with something different: which fields (rule keys, RULE_FIELDS order), dates before. */
  changed: z.array(
    ruleMentionSchema.extend({
      fields: z.array(z.string()),
      before: ruleMentionSchema.pick({ effectiveFrom: true, effectiveTo: true }),
    }),
  ),
  /** Rules the new pack no longer has: they stop being evaluated once it is installed. */
  retired: z.array(ruleMentionSchema),
  unchanged: z.number().int().nonnegative(),
  /** Pack-wide parts that differ (disclaimer, authorities, references…), by key. */
  packFields: z.array(z.string()),
});
export type RulePackDiff = z.output<typeof rulePackDiffSchema>;

/** A rule's fields in the schema's order, so every diff lists them the same way. */
const RULE_FIELDS = Object.keys(ruleSchema.shape) as (keyof Rule)[];

/** Pack-wide fields other than its stamp and its rules. */
const PACK_FIELDS = [
  'format',
  'disclaimer',
  'authorities',
  'gdprJurisdictions',
  'withoutBreachLaw',
  'references',
] as const satisfies readonly (keyof RulePack)[];

/** How a field is named to a person ("requiredContent" is "required content"). */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  requiredContent: 'required content',
  prohibitedContent: 'prohibited content',
  effectiveFrom: 'in force from',
  effectiveTo: 'in force until',
  lastReviewed: 'last reviewed',
  substituteNotice: 'substitute notice',
  gdprJurisdictions: 'GDPR jurisdictions',
  withoutBreachLaw: 'jurisdictions without a breach law',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

function same(a: unknown, b: unknown): boolean {
  // Parsed packs: defaults filled in, so a default written out is no change. Key order is not one either.
  return canonicalize(a) === canonicalize(b);
}

function mention(rule: Rule): z.output<typeof ruleMentionSchema> {
  return {
    id: rule.id,
    title: rule.title,
    jurisdiction: rule.jurisdiction,
    effectiveFrom: rule.effectiveFrom,
    effectiveTo: rule.effectiveTo,
  };
}

function stamp(pack: RulePack): z.output<typeof packStampSchema> {
  return { id: pack.id, version: pack.version, published: pack.published };
}

/** What installing `next` over `current` changes, rule by rule (matched by rule id), in `next`'s order. */
export function diffRulePacks(current: RulePack, next: RulePack): RulePackDiff {
  const before = new Map(current.rules.map((rule) => [rule.id, rule]));
  const kept = new Set(next.rules.map((rule) => rule.id));
  const added: RulePackDiff['added'] = [];
  const changed: RulePackDiff['changed'] = [];
  let unchanged = 0;
  for (const rule of next.rules) {
    const old = before.get(rule.id);
    if (old === undefined) {
      added.push(mention(rule));
      continue;
    }
    const fields = RULE_FIELDS.filter((field) => !same(old[field], rule[field]));
    if (fields.length === 0) unchanged++;
    else
      changed.push({
        ...mention(rule),
        fields,
        before: { effectiveFrom: old.effectiveFrom, effectiveTo: old.effectiveTo },
      });
  }
  return {
    from: stamp(current),
    to: stamp(next),
    added,
    changed,
    retired: current.rules.filter((rule) => !kept.has(rule.id)).map(mention),
    unchanged,
    packFields: PACK_FIELDS.filter((field) => !same(current[field], next[field])),
  };
}
