import { describe, expect, it } from 'vitest';
import { checkLetter } from '../../shared/letters/checks';
import { documentFromTemplate } from '../../shared/letters/from-markdown';
import { genericTemplateIdFor, templateForRule } from '../../shared/letters/obligation-template';
import { templateById } from '../../shared/letters/templates';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import { JURISDICTION_FILES } from '../../shared/obligations/packs/breachdesk-us-eu';
import { ruleSchema, type Rule } from '../../shared/obligations/rule-pack';
import { sourceReferences } from '../../shared/obligations/source-titles';
import type { ZonedTime } from '../../shared/time/zoned-time';
import { demoValuesFor, requiredContentOfRule } from './letters-fixture';

/** The regimes outside the US states and the GDPR area (issue 21), by their rules files. */
const ABROAD_FILES = ['CA', 'CA-QC', 'CH', 'AU', 'BR', 'IN', 'JP', 'SG', 'KR', 'US/HIPAA', 'US/SEC'] as const;
const ABROAD_RULES: readonly Rule[] = ABROAD_FILES.flatMap((code) =>
  ruleSchema.array().parse(JURISDICTION_FILES[code]),
);

describe('a notice’s letter template (issue 18)', () => {
  it('every rule of the pack gets a template that exists, or a sentence saying why none is offered', () => {
    for (const rule of DEFAULT_RULE_PACK.rules) {
      const choice = templateForRule(rule);
      // Every notice of the pack can be drafted: its own template or the generic of its kind.
      expect(choice.template, rule.id).not.toBeNull();
      if (choice.template !== null) {
        expect(templateById(choice.template.id), rule.id).not.toBeNull();
        if (rule.template !== null) expect(choice.template.id, rule.id).toBe(rule.template);
      }
    }
  });

  it('falls back to the generic template of the recipient kind where a rule names none', () => {
    const base = DEFAULT_RULE_PACK.rules.find((r) => r.id === 'us-tx-ag-until-2023');
    if (base === undefined) throw new Error('rule missing');
    const bare = { ...base, template: null };
    expect(templateForRule(bare)).toMatchObject({ template: { id: 'us-ag-generic' }, generic: true });
    const residents = { ...bare, recipient: { ...bare.recipient, kind: 'affected_individuals' as const } };
    expect(genericTemplateIdFor(residents)).toBe('us-residents-generic');
    const cras = { ...bare, recipient: { ...bare.recipient, kind: 'consumer_reporting_agencies' as const } };
    expect(genericTemplateIdFor(cras)).toBe('us-cra-generic');
    const owner = { ...bare, recipient: { ...bare.recipient, kind: 'data_owner' as const } };
    expect(templateForRule(owner)).toMatchObject({ template: { id: 'data-owner-generic' }, generic: true });
    // A federal notice without a template of its own (HIPAA's media notice, the FBI delay request)
    // used to get none; since issue 21 it gets the neutral report to an authority.
    const federal = {
      ...bare,
      jurisdiction: 'US',
      recipient: { ...bare.recipient, kind: 'other_regulator' as const },
    };
    expect(templateForRule(federal)).toMatchObject({ template: { id: 'authority-generic' }, generic: true });
    // The consumer reporting agencies outside the US still have no letter, and say why.
    const abroadCras = { ...cras, jurisdiction: 'JP' };
    expect(templateForRule(abroadCras)).toMatchObject({
      template: null,
      reason: expect.stringMatching(/No letter template fits/) as unknown,
    });
  });

  it('offers the GDPR generics only in the GDPR area, and the neutral ones outside it and the US states', () => {
    const base = DEFAULT_RULE_PACK.rules.find((r) => r.id === 'us-tx-ag-until-2023');
    if (base === undefined) throw new Error('rule missing');
    const at = (jurisdiction: string, kind: Rule['recipient']['kind']) =>
      genericTemplateIdFor({ ...base, template: null, jurisdiction, recipient: { ...base.recipient, kind } });
    for (const place of ['EU', 'FR', 'NO', 'GB']) {
      expect(at(place, 'supervisory_authority'), place).toBe('gdpr-art33-authority-en');
      expect(at(place, 'affected_individuals'), place).toBe('gdpr-art34-subjects-en');
      // NIS2 and DORA authorities name their own template; no GDPR letter stands in for them.
      expect(at(place, 'other_regulator'), place).toBeNull();
    }
    for (const place of ['CA', 'CA-QC', 'CH', 'AU', 'BR', 'IN', 'JP', 'SG', 'KR', 'US']) {
      for (const kind of [
        'supervisory_authority',
        'other_regulator',
        'attorney_general',
        'state_police',
      ] as const)
        expect(at(place, kind), `${place} ${kind}`).toBe('authority-generic');
      expect(at(place, 'affected_individuals'), place).toBe('individuals-generic');
    }
    expect(at('US-TX', 'affected_individuals')).toBe('us-residents-generic');
    expect(at('US-TX', 'other_regulator')).toBe('us-ag-generic');
  });

  it('every source a rule cites has a title, and an address where the pack gives one', () => {
    for (const rule of DEFAULT_RULE_PACK.rules) {
      for (const source of sourceReferences(DEFAULT_RULE_PACK, rule.jurisdiction, rule.sources)) {
        expect(source.title, `${rule.id} ${source.key}`).not.toMatch(/^Source /);
        expect(source.url, `${rule.id} ${source.key}`).toMatch(/^(https?:\/\/.+)?$/);
      }
    }
  });
});

describe('the neutral generic letters abroad (issue 21)', () => {
  it.each(ABROAD_RULES.map((r) => [r.id, r] as const))(
    '%s: drafted from the template it is offered, holds every required item (its stages too)',
    (_id, rule) => {
      const choice = templateForRule(rule);
      if (choice.template === null) throw new Error(choice.reason);
      if (rule.template === null && rule.recipient.kind !== 'data_owner') {
        const neutral =
          rule.recipient.kind === 'affected_individuals' ? 'individuals-generic' : 'authority-generic';
        expect(choice.template.id).toBe(neutral);
      }
      const required = requiredContentOfRule(rule);
      const checks = checkLetter({
        doc: documentFromTemplate(choice.template.body),
        template: choice.template,
        values: demoValuesFor(choice.template),
        requiredContent: required,
        prohibitedContent: rule.prohibitedContent,
        bodyFontPt: 11,
      });
      const content = checks.filter((c) => c.id.startsWith('content:'));
      expect(content).toHaveLength(required.length);
      expect(content.filter((c) => c.status === 'fail')).toEqual([]);
      expect(checks.filter((c) => c.id.startsWith('prohibited:') && c.status === 'fail')).toEqual([]);
    },
  );

  it('the report to an authority names no law and holds no personal data of the people affected', () => {
    const t = templateById('authority-generic');
    if (t === null) throw new Error('authority-generic missing');
    expect(t.noPersonalData).toBe(true);
    expect(t.mergeFields).not.toContain('recipient.name');
    expect(t.mergeFields).not.toContain('person.dataElements');
    for (const id of ['authority-generic', 'individuals-generic']) {
      const body = templateById(id)?.body ?? '';
      expect(body, id).not.toMatch(/GDPR|\bArt(icle)?\.? ?\d|\bs\. ?\d|§/);
    }
    expect(templateById('individuals-generic')?.mergeFields).toContain('person.dataElements');
  });

  it.each(['authority-generic', 'individuals-generic'])(
    '%s: its dates agree with the demo case, every merge field is filled, no personal data in the report',
    (id) => {
      const t = templateById(id);
      if (t === null) throw new Error(`${id} missing`);
      const at = (utc: string): ZonedTime => ({
        utc,
        zone: 'Europe/Stockholm',
        precision: 'exact',
        approximate: false,
      });
      const checks = checkLetter({
        doc: documentFromTemplate(t.body),
        template: t,
        values: demoValuesFor(t),
        requiredContent: [],
        bodyFontPt: 11,
        // The demo's moments (letters-date-claims.test.ts): its letter is dated 20 November 2020.
        timeline: {
          discoveredAt: at('2020-11-12T13:05:00.000Z'),
          awareAt: at('2020-11-16T08:30:00.000Z'),
          containedAt: at('2020-11-12T17:40:00.000Z'),
          exposureStart: at('2020-04-09T08:00:00.000Z'),
          exposureEnd: at('2020-11-12T17:40:00.000Z'),
          letterDate: '2020-11-20',
          sentAt: null,
        },
      });
      expect(checks.map((c) => c.id)).toEqual(
        expect.arrayContaining(['dates', 'merge-fields', ...(t.noPersonalData ? ['personal-data'] : [])]),
      );
      expect(checks.filter((c) => c.status === 'fail')).toEqual([]);
    },
  );
});
