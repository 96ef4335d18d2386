import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import {
  BREACHDESK_US_EU_PACK,
  JURISDICTION_FILES,
  REFERENCE_FILES,
} from '../../shared/obligations/packs/breachdesk-us-eu';
import { ruleSchema, type Rule } from '../../shared/obligations/rule-pack';

/** The reference keys of DOMAIN.md §4 (the handbook's own list; rules may cite them bare). */
const DOMAIN_KEY = /^(C([1-9]|10)|G[1-5]|N[1-3]|S([1-9]|1\d|2[0-2]))$/;

/**
 * ISO 3166-2:US, from an oracle that is not ours: the 50 states and DC as date-holidays lists
 * them, and the six outlying areas ISO 3166-2 gives their own codes to (AS, GU, MP, PR, UM, VI).
 */
function iso3166UsSubdivisions(): string[] {
  const states = Object.keys(new Holidays().getStates('US') ?? {}).map((code) => `US-${code}`);
  const outlying = ['AS', 'GU', 'MP', 'PR', 'UM', 'VI'].map((code) => `US-${code}`);
  return [...states, ...outlying].sort();
}

/** The jurisdictions issue 17 names: every state, DC, Puerto Rico, Guam and the US Virgin Islands. */
const MUST_HAVE_RULES = iso3166UsSubdivisions().filter((c) => !['US-AS', 'US-MP', 'US-UM'].includes(c));

const pack = DEFAULT_RULE_PACK;
const rulesOf = (code: string): Rule[] => pack.rules.filter((r) => r.jurisdiction === code);

describe('every US jurisdiction in the rule pack', () => {
  it('knows all 57 ISO 3166-2:US subdivisions', () => {
    expect(iso3166UsSubdivisions()).toHaveLength(57);
  });

  it('has rules for each state, DC, Puerto Rico, Guam and the US Virgin Islands', () => {
    const missing = MUST_HAVE_RULES.filter((code) => rulesOf(code).length === 0);
    expect(missing).toEqual([]);
    expect(MUST_HAVE_RULES).toHaveLength(54);
  });

  it('says of every other subdivision why it has no rules, instead of leaving it silent', () => {
    const uncovered = iso3166UsSubdivisions().filter((code) => rulesOf(code).length === 0);
    expect(uncovered.filter((code) => pack.withoutBreachLaw[code] === undefined)).toEqual([]);
    for (const code of Object.keys(pack.withoutBreachLaw)) expect(rulesOf(code), code).toEqual([]);
  });

  it('gives every jurisdiction with rules a notice to its residents', () => {
    const without = MUST_HAVE_RULES.filter(
      (code) => !rulesOf(code).some((r) => r.recipient.kind === 'affected_individuals'),
    );
    expect(without).toEqual([]);
  });

  it('dates and cites every rule, and marks anything unconfirmed ⚠', () => {
    for (const rule of pack.rules) {
      expect(rule.citation, rule.id).not.toBe('');
      expect(rule.lastReviewed, rule.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(rule.sources.length, rule.id).toBeGreaterThan(0);
      if (rule.verification === 'unverified') expect(rule.note, rule.id).toMatch(/⚠/);
    }
  });

  it('resolves every source a rule cites: a DOMAIN.md key or one of its jurisdiction’s references', () => {
    const unresolved: string[] = [];
    for (const rule of pack.rules) {
      const references = pack.references[rule.jurisdiction] ?? {};
      for (const key of rule.sources) {
        if (!DOMAIN_KEY.test(key) && references[key] === undefined) unresolved.push(`${rule.id}: ${key}`);
      }
    }
    expect(unresolved).toEqual([]);
    for (const [code, references] of Object.entries(pack.references)) {
      for (const [key, reference] of Object.entries(references)) {
        expect(reference.url, `${code} ${key}`).not.toBe('');
        expect(reference.supports, `${code} ${key}`).not.toBe('');
      }
    }
  });

  it('validates each jurisdiction file on its own, so a broken file names itself', () => {
    for (const [code, rules] of Object.entries(JURISDICTION_FILES)) {
      for (const [index, rule] of rules.entries()) {
        const parsed = ruleSchema.safeParse(rule);
        expect(parsed.error?.issues ?? [], `${code} rule ${index}`).toEqual([]);
      }
    }
    for (const code of Object.keys(REFERENCE_FILES)) expect(code in JURISDICTION_FILES, code).toBe(true);
    expect(BREACHDESK_US_EU_PACK).toBeDefined();
  });

  it('gives every owed notice of a state a letter template, except notices between organisations', () => {
    const without = pack.rules.filter(
      (r) => r.jurisdiction.startsWith('US-') && r.template === null && r.recipient.kind !== 'data_owner',
    );
    expect(without.map((r) => r.id)).toEqual([]);
  });
});
