import { describe, expect, it } from 'vitest';
import type { DataElementTerm } from '../../shared/domain/data-elements';
import { isJurisdictionCode } from '../../shared/jurisdictions/jurisdictions';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import { BREACHDESK_US_EU_PACK, JURISDICTION_FILES } from '../../shared/obligations/packs/breachdesk-us-eu';
import { RULE_PACK_FORMAT, rulePackSchema, ruleSchema, type Rule } from '../../shared/obligations/rule-pack';
import usAgGeneric from '../../shared/letters/templates/us-ag-generic.json' with { type: 'json' };

const rules = DEFAULT_RULE_PACK.rules;
/** The jurisdictions of DOMAIN.md §1.1–1.5 (the pack now also has every other US jurisdiction). */
const DOMAIN_JURISDICTIONS = new Set([
  'EU',
  'FR',
  'US',
  'US-CA',
  'US-NY',
  'US-TX',
  'US-FL',
  'US-WA',
  'US-MA',
  'US-CO',
  'US-NJ',
  'US-IL',
]);
// The rules of those jurisdictions' own files: a regime of its own there (EU/NIS2, EU/DORA,
// US/SEC…, issue 21) has a file of its own and is tested with its regime, not against DOMAIN.md.
const domainRuleIds = new Set(
  Object.entries(JURISDICTION_FILES)
    .filter(([code]) => DOMAIN_JURISDICTIONS.has(code))
    .flatMap(([, file]) =>
      ruleSchema
        .array()
        .parse(file)
        .map((r) => r.id),
    ),
);
const domainRules = rules.filter((r) => domainRuleIds.has(r.id));
const byId = new Map(rules.map((r) => [r.id, r]));
const rule = (id: string): Rule => {
  const found = byId.get(id);
  if (found === undefined) throw new Error(`no rule ${id}`);
  return found;
};

/** The reference keys of DOMAIN.md §4 that legal rules may rest on. */
const DOMAIN_SOURCES = new Set([
  ...Array.from({ length: 10 }, (_, i) => `C${i + 1}`),
  ...Array.from({ length: 5 }, (_, i) => `G${i + 1}`),
  ...Array.from({ length: 3 }, (_, i) => `N${i + 1}`),
  ...Array.from({ length: 22 }, (_, i) => `S${i + 1}`),
]);

const EU27 = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
];

/** Every rule id the pack must have (issue 5, DOMAIN.md §1.2–1.5). */
const EXPECTED_IDS = [
  'gdpr-art33-lead-authority',
  'gdpr-art33-cnil-initial',
  'gdpr-art33-cnil-complementary',
  'gdpr-art33-processor-to-controller',
  'gdpr-art34-data-subjects',
  'us-ca-individuals-until-2025',
  'us-ca-individuals-2026',
  'us-ca-ag-sample-until-2025',
  'us-ca-ag-sample-2026',
  'us-ca-service-provider-to-owner',
  'us-ny-individuals-until-2024',
  'us-ny-individuals-2024',
  'us-ny-ag',
  'us-ny-state-agencies',
  'us-ny-cra',
  'us-tx-ag-until-2023',
  'us-tx-ag-2023',
  'us-tx-individuals',
  'us-tx-cra',
  'us-fl-ag',
  'us-fl-individuals',
  'us-fl-cra',
  'us-wa-ag',
  'us-wa-individuals',
  'us-wa-cra',
  'us-ma-ag-ocabr',
  'us-ma-individuals',
  'us-co-ag',
  'us-co-individuals',
  'us-nj-state-police',
  'us-nj-individuals',
  'us-nj-cra',
  'us-il-ag',
  'us-il-individuals',
  'us-ftc-safeguards',
];

/**
 * Each value DOMAIN.md marks ⚠ (or rests on a secondary or conflicting source) and the rules
 * that use it: all must say "unverified" and carry ⚠ in their note.
 */
const DOMAIN_WARNINGS: readonly (readonly [string, readonly string[]])[] = [
  ['NY: Dept. of State and Division of State Police (background)', ['us-ny-state-agencies']],
  ['NY: regulator timing with/at time of notice', ['us-ny-ag', 'us-ny-state-agencies', 'us-ny-cra']],
  ['NY: consumer reporting agencies if more than 5,000', ['us-ny-cra']],
  [
    'NY: effective date of the Dec 2024 amendment',
    ['us-ny-individuals-until-2024', 'us-ny-individuals-2024'],
  ],
  [
    'TX: e-mail/username with password as personal information',
    ['us-tx-ag-until-2023', 'us-tx-ag-2023', 'us-tx-individuals', 'us-tx-cra'],
  ],
  ['TX: AG notice in force from 2020-01-01', ['us-tx-ag-until-2023']],
  ['WA: consumer reporting agencies (secondary)', ['us-wa-cra']],
  ['MA: consumer notice must not give nature / number (secondary)', ['us-ma-individuals']],
  ['CO: AG threshold conflict', ['us-co-ag']],
  ['IL: 45 days conflict', ['us-il-ag']],
  ['FTC Safeguards Rule (secondary)', ['us-ftc-safeguards']],
];

describe('the breachdesk-us-eu rule pack', () => {
  it('validates against the rule-pack schema, with its identity', () => {
    expect(rulePackSchema.safeParse(BREACHDESK_US_EU_PACK).success).toBe(true);
    expect(DEFAULT_RULE_PACK).toMatchObject({
      format: RULE_PACK_FORMAT,
      id: 'breachdesk-us-eu',
      version: '2026.12',
      published: '2026-12-07',
    });
    expect(DEFAULT_RULE_PACK.disclaimer).toMatch(/not legal advice/);
  });

  it('has exactly the rules of the issue for the jurisdictions of DOMAIN.md, each id once', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(domainRules.map((r) => r.id).sort()).toEqual([...EXPECTED_IDS].sort());
  });

  it('names the supervisory authority of every EU and EEA state, and counts them as GDPR residents', () => {
    const eea = [...EU27, 'IS', 'LI', 'NO'];
    expect(Object.keys(DEFAULT_RULE_PACK.authorities).sort()).toEqual([...eea].sort());
    expect([...DEFAULT_RULE_PACK.gdprJurisdictions].sort()).toEqual([...eea, 'EU'].sort());
    expect(DEFAULT_RULE_PACK.authorities).toMatchObject({
      SE: 'Integritetsskyddsmyndigheten (IMY), Sweden',
      FR: "Commission nationale de l'informatique et des libertés (CNIL), France",
      IE: 'Data Protection Commission (DPC), Ireland',
      DE: 'the competent German supervisory authority (federal BfDI or a state authority)',
    });
    for (const code of DEFAULT_RULE_PACK.gdprJurisdictions) expect(isJurisdictionCode(code), code).toBe(true);
  });

  it.each(rules.map((r) => [r.id, r] as const))(
    '%s: cites its law and sources, is reviewed, and names real jurisdictions',
    (_id, r) => {
      expect(r.citation.trim()).not.toBe('');
      expect(r.sources.length).toBeGreaterThan(0);
      // A DOMAIN.md key, or one of the jurisdiction's own references (references/CODE.json).
      const references = DEFAULT_RULE_PACK.references[r.jurisdiction] ?? {};
      for (const key of r.sources) {
        expect(DOMAIN_SOURCES.has(key) || references[key] !== undefined, key).toBe(true);
      }
      // 2026-11-28: the first pack; 2026-12-07: the US rules of issue 17 and the nine states
      // of DOMAIN.md §1.5 brought to the same standard (harm, key compromise, substitute notice).
      expect(['2026-11-28', '2026-12-07']).toContain(r.lastReviewed);
      expect(r.jurisdiction === 'EU' || isJurisdictionCode(r.jurisdiction), r.jurisdiction).toBe(true);
      for (const code of r.trigger.residentsOf) {
        expect(code === 'GDPR' || isJurisdictionCode(code), code).toBe(true);
      }
      for (const content of [...r.requiredContent, ...r.prohibitedContent]) {
        expect(content.text.trim()).not.toBe('');
        expect(content.citation.trim()).not.toBe('');
      }
      const contentIds = [...r.requiredContent, ...r.prohibitedContent].map((c) => c.id);
      expect(new Set(contentIds).size).toBe(contentIds.length);
      if (r.effectiveFrom !== null && r.effectiveTo !== null) {
        expect(r.effectiveFrom < r.effectiveTo).toBe(true);
      }
    },
  );

  it.each(DOMAIN_WARNINGS)('mirrors the ⚠ "%s" as unverified', (_what, ids) => {
    for (const id of ids) {
      expect(rule(id).verification, id).toBe('unverified');
      expect(rule(id).note, id).toContain('⚠');
    }
  });

  it('never shows a ⚠ in a rule it calls verified', () => {
    const flagged = rules.filter((r) => JSON.stringify(r).includes('⚠')).map((r) => r.id);
    for (const id of flagged) expect(rule(id).verification, id).toBe('unverified');
  });

  it('keeps the GDPR, CNIL and California rules that rest on DOMAIN.md alone verified', () => {
    // The California notices to residents are unverified since their substitute-notice
    // thresholds rest on no source Breachdesk can cite (⚠ in their notes).
    const verified = domainRules.filter((r) => r.verification === 'verified').map((r) => r.id);
    expect(verified.sort()).toEqual(
      [
        'gdpr-art33-lead-authority',
        'gdpr-art33-cnil-initial',
        'gdpr-art33-cnil-complementary',
        'gdpr-art33-processor-to-controller',
        'gdpr-art34-data-subjects',
        'us-ca-ag-sample-until-2025',
        'us-ca-ag-sample-2026',
        'us-ca-service-provider-to-owner',
      ].sort(),
    );
  });

  it('splits the laws that changed at their effective dates, without gap or overlap', () => {
    const pairs: [string, string, string][] = [
      ['us-ca-individuals-until-2025', 'us-ca-individuals-2026', '2026-01-01'],
      ['us-ca-ag-sample-until-2025', 'us-ca-ag-sample-2026', '2026-01-01'],
      ['us-ny-individuals-until-2024', 'us-ny-individuals-2024', '2024-12-21'],
      ['us-tx-ag-until-2023', 'us-tx-ag-2023', '2023-09-01'],
    ];
    for (const [before, after, date] of pairs) {
      expect(rule(before).effectiveTo).toBe(date);
      expect(rule(after).effectiveFrom).toBe(date);
      expect(rule(after).effectiveTo).toBeNull();
    }
    expect(rule('us-tx-ag-until-2023').effectiveFrom).toBe('2020-01-01');
  });

  it('gives every US rule the encryption safe harbour and the roles of its kind', () => {
    for (const r of domainRules.filter((x) => x.jurisdiction.startsWith('US'))) {
      expect(r.trigger.encryptionSafeHarbour, r.id).toBe(true);
      const serviceProvider = r.id === 'us-ca-service-provider-to-owner';
      expect(r.trigger.roles, r.id).toEqual(
        serviceProvider ? ['processor'] : ['controller', 'joint_controller'],
      );
    }
  });

  it('has the thresholds of DOMAIN.md §1.5', () => {
    const thresholds = Object.fromEntries(rules.map((r) => [r.id, r.trigger.residents]));
    expect(thresholds).toMatchObject({
      'us-ca-ag-sample-until-2025': { comparison: 'gt', count: 500 },
      'us-ca-ag-sample-2026': { comparison: 'gt', count: 500 },
      'us-ny-ag': { comparison: 'any' },
      'us-ny-cra': { comparison: 'gt', count: 5000 },
      'us-tx-ag-until-2023': { comparison: 'gte', count: 250 },
      'us-tx-ag-2023': { comparison: 'gte', count: 250 },
      'us-tx-cra': { comparison: 'gt', count: 10000 },
      'us-fl-ag': { comparison: 'gte', count: 500 },
      'us-fl-cra': { comparison: 'gt', count: 1000 },
      'us-wa-ag': { comparison: 'gt', count: 500 },
      'us-wa-cra': { comparison: 'gt', count: 1000 },
      'us-ma-ag-ocabr': { comparison: 'any' },
      'us-co-ag': { comparison: 'gte', count: 500 },
      'us-nj-state-police': { comparison: 'any' },
      'us-nj-cra': { comparison: 'gt', count: 1000 },
      'us-il-ag': { comparison: 'gt', count: 500 },
      'us-ftc-safeguards': { comparison: 'gte', count: 500 },
    });
  });

  it('ties each notice that follows another to a rule of the same place and trigger', () => {
    for (const r of rules) {
      if (r.deadline.kind !== 'after_notice') continue;
      for (const id of [r.deadline.ruleId].flat()) {
        const target = rule(id);
        expect(target.jurisdiction, r.id).toBe(r.jurisdiction);
        expect(target.trigger.residentsOf, r.id).toEqual(r.trigger.residentsOf);
        expect(target.trigger.personalInformation, r.id).toEqual(r.trigger.personalInformation);
        expect(target.trigger.residents.comparison, r.id).toBe('any');
      }
    }
  });

  it('carries the California notice format: the title, five headings and eight content items', () => {
    for (const id of ['us-ca-individuals-until-2025', 'us-ca-individuals-2026']) {
      const texts = rule(id).requiredContent.map((c) => c.text);
      expect(texts).toHaveLength(14);
      for (const words of [
        'Notice of Data Breach',
        'What Happened',
        'What Information Was Involved',
        'What We Are Doing',
        'What You Can Do',
        'For More Information',
        '12 months',
      ]) {
        expect(
          texts.some((t) => t.includes(words)),
          words,
        ).toBe(true);
      }
      expect(rule(id).template).toBe('ca-individual-notice');
    }
  });

  it('counts online credentials as personal information where the issue says so, with ⚠ for Texas', () => {
    const hasCombination = (id: string, combination: DataElementTerm[]) =>
      (rule(id).trigger.personalInformation ?? []).some(
        (c) => c.length === combination.length && combination.every((t) => c.includes(t)),
      );
    for (const id of [
      'us-ca-individuals-2026',
      'us-ny-individuals-2024',
      'us-tx-ag-2023',
      'us-wa-individuals',
    ]) {
      expect(hasCombination(id, ['email', 'password']), id).toBe(true);
      expect(hasCombination(id, ['username', 'password']), id).toBe(true);
    }
    expect(hasCombination('us-wa-individuals', ['name', 'date_of_birth'])).toBe(true);
    expect(hasCombination('us-ca-individuals-2026', ['name', 'date_of_birth'])).toBe(false);
    expect(hasCombination('us-ma-individuals', ['email', 'password'])).toBe(false);
    expect(rule('us-tx-ag-2023').note).toMatch(/⚠.*password/);
  });

  it('uses the templates of the letters feature', () => {
    expect(
      Object.fromEntries(domainRules.filter((r) => r.template !== null).map((r) => [r.id, r.template])),
    ).toEqual({
      'gdpr-art33-lead-authority': 'gdpr-art33-authority-en',
      'gdpr-art33-cnil-initial': 'gdpr-art33-authority-fr',
      'gdpr-art33-cnil-complementary': 'gdpr-art33-authority-fr',
      'gdpr-art34-data-subjects': 'gdpr-art34-subjects-en',
      'us-ca-individuals-until-2025': 'ca-individual-notice',
      'us-ca-individuals-2026': 'ca-individual-notice',
      'us-ca-ag-sample-until-2025': 'ca-ag-sample',
      'us-ca-ag-sample-2026': 'ca-ag-sample',
      'us-ny-individuals-until-2024': 'us-residents-generic',
      'us-ny-individuals-2024': 'us-residents-generic',
      'us-ny-ag': 'us-ag-generic',
      'us-ny-state-agencies': 'us-ag-generic',
      'us-ny-cra': 'us-cra-generic',
      'us-tx-ag-until-2023': 'us-ag-generic',
      'us-tx-ag-2023': 'us-ag-generic',
      'us-tx-individuals': 'us-residents-generic',
      'us-tx-cra': 'us-cra-generic',
      'us-fl-ag': 'us-ag-generic',
      'us-fl-individuals': 'us-residents-generic',
      'us-fl-cra': 'us-cra-generic',
      'us-wa-ag': 'us-ag-generic',
      'us-wa-individuals': 'us-residents-generic',
      'us-wa-cra': 'us-cra-generic',
      'us-ma-ag-ocabr': 'us-ag-generic',
      'us-ma-individuals': 'us-residents-generic',
      'us-co-ag': 'us-ag-generic',
      'us-co-individuals': 'us-residents-generic',
      'us-nj-state-police': 'us-ag-generic',
      'us-nj-individuals': 'us-residents-generic',
      'us-nj-cra': 'us-cra-generic',
      'us-il-ag': 'us-ag-generic',
      'us-il-individuals': 'us-residents-generic',
      'us-ftc-safeguards': 'us-ftc-safeguards-notice',
    });
  });

  it('gives the content items of the nine states a matcher wherever their generic template has none', () => {
    const generic = new Set(['us-ag-generic', 'us-residents-generic', 'us-cra-generic']);
    const agMatched = new Set(Object.keys(usAgGeneric.contentMatchers));
    for (const r of domainRules.filter((x) => x.template !== null && generic.has(x.template))) {
      for (const item of r.requiredContent) {
        if (r.template === 'us-ag-generic' && agMatched.has(item.id)) continue;
        // Plain language cannot be found by a letter check: it is checked by hand.
        if (item.id === 'wa-plain-language') continue;
        expect(item.matchers?.length ?? 0, `${r.id} ${item.id}`).toBeGreaterThan(0);
      }
      for (const item of r.prohibitedContent) {
        expect(item.matchers?.length ?? 0, `${r.id} ${item.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('carries the risk-of-harm test, key-compromise exception and substitute notice of the nine states', () => {
    const harm = (id: string) => rule(id).trigger.harm;
    // Every rule of the nine keeps encrypted data out unless its key was compromised too.
    for (const r of domainRules.filter((x) => x.jurisdiction.startsWith('US-'))) {
      expect(r.trigger.keyCompromiseException, r.id).toBe(true);
    }
    // No risk-of-harm test in California, Texas or Illinois.
    for (const id of [
      'us-ca-individuals-2026',
      'us-ca-ag-sample-2026',
      'us-tx-individuals',
      'us-tx-ag-2023',
      'us-il-individuals',
      'us-il-ag',
    ]) {
      expect(harm(id), id).toBeNull();
    }
    // Florida: exemption for the individuals and CRAs (written, kept 5 years, to the Department
    // within 30 days); the Department's own notice is owed regardless.
    expect(harm('us-fl-individuals')).toMatchObject({
      kind: 'exemption',
      citation: 'Fla. Stat. §501.171(4)(c)',
    });
    expect(harm('us-fl-individuals')?.conditions).toMatch(/5 years[\s\S]*30 days/);
    expect(harm('us-fl-cra')).toEqual(harm('us-fl-individuals'));
    expect(harm('us-fl-ag')).toBeNull();
    // New York: inadvertent disclosure only, to the AG within 10 days over 500 residents.
    for (const id of [
      'us-ny-individuals-2024',
      'us-ny-individuals-until-2024',
      'us-ny-ag',
      'us-ny-state-agencies',
      'us-ny-cra',
    ]) {
      expect(harm(id), id).toMatchObject({ kind: 'exemption', citation: 'N.Y. Gen. Bus. Law §899-aa(2)(a)' });
    }
    expect(harm('us-ny-ag')?.test).toMatch(/inadvertent disclosure/);
    expect(harm('us-ny-ag')?.conditions).toMatch(/10 days/);
    // Colorado, New Jersey, Washington, Massachusetts: exemptions on every rule.
    for (const id of ['us-co-ag', 'us-co-individuals'])
      expect(harm(id)?.test, id).toMatch(/not reasonably likely to occur/);
    for (const id of ['us-nj-state-police', 'us-nj-individuals', 'us-nj-cra']) {
      expect(harm(id), id).toMatchObject({
        kind: 'exemption',
        test: 'misuse of the information is not reasonably possible',
      });
    }
    for (const id of ['us-wa-ag', 'us-wa-individuals', 'us-wa-cra'])
      expect(harm(id)?.test, id).toMatch(/risk of harm/);
    for (const id of ['us-ma-ag-ocabr', 'us-ma-individuals']) {
      expect(harm(id), id).toMatchObject({ kind: 'exemption' });
      expect(rule(id).note, id).toMatch(/⚠ Risk of harm/);
    }
    // Substitute notice on each notice to residents, and on no other rule.
    const individuals = domainRules.filter(
      (r) => r.jurisdiction.startsWith('US-') && r.recipient.kind === 'affected_individuals',
    );
    expect(individuals).toHaveLength(11);
    for (const r of individuals) {
      expect(r.substituteNotice, r.id).toMatchObject({ costOver: 250000, insufficientContact: true });
    }
    for (const r of domainRules.filter((x) => x.recipient.kind !== 'affected_individuals')) {
      expect(r.substituteNotice, r.id).toBeNull();
    }
    expect(rule('us-co-individuals').substituteNotice?.peopleOver).toBe(250000);
    expect(rule('us-il-individuals').substituteNotice).toMatchObject({
      peopleOver: 500000,
      citation: '815 ILCS 530/10(c)',
    });
    expect(rule('us-ma-individuals').substituteNotice?.peopleOver).toBe(500000);
    expect(rule('us-ca-individuals-2026').substituteNotice?.methods).toMatch(/at least 30 days/);
    // Thresholds no source read confirms are marked ⚠.
    for (const id of [
      'us-ca-individuals-2026',
      'us-tx-individuals',
      'us-wa-individuals',
      'us-fl-individuals',
      'us-nj-individuals',
      'us-ny-individuals-2024',
      'us-co-individuals',
    ]) {
      expect(rule(id).note, id).toMatch(/⚠ Substitute notice/);
      expect(rule(id).verification, id).toBe('unverified');
    }
  });

  it('keeps each jurisdiction in its own file: rules/CODE.json holds only the rules of CODE', () => {
    for (const [code, rules] of Object.entries(JURISDICTION_FILES)) {
      expect(rules.length, code).toBeGreaterThan(0);
      for (const rule of rules) expect(rule, code).toMatchObject({ jurisdiction: code.split('/')[0] });
    }
    expect(Object.values(JURISDICTION_FILES).flat()).toHaveLength(DEFAULT_RULE_PACK.rules.length);
  });

  it('rejects a pack whose notice refers to a rule it does not have, or repeats an id', () => {
    const broken = structuredClone(DEFAULT_RULE_PACK);
    const first = broken.rules[0];
    if (first === undefined) throw new Error('empty pack');
    broken.rules.push({ ...first });
    expect(rulePackSchema.safeParse(broken).error?.issues.map((i) => i.message)).toContain(
      'Duplicate rule id gdpr-art33-lead-authority',
    );
    const dangling = structuredClone(DEFAULT_RULE_PACK);
    const sample = dangling.rules.find((r) => r.id === 'us-ca-ag-sample-2026');
    if (sample === undefined || !('ruleId' in sample.deadline)) throw new Error('no sample rule');
    sample.deadline.ruleId = 'us-ca-nothing';
    expect(rulePackSchema.safeParse(dangling).error?.issues.map((i) => i.message)).toContain(
      'Unknown rule us-ca-nothing',
    );
  });
});
