import { describe, expect, it } from 'vitest';
import { genericTemplateIdFor, templateForRule } from '../../shared/letters/obligation-template';
import { templateById } from '../../shared/letters/templates';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import { sourceReferences } from '../../shared/obligations/source-titles';

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
    const federal = {
      ...bare,
      jurisdiction: 'US',
      recipient: { ...bare.recipient, kind: 'other_regulator' as const },
    };
    expect(genericTemplateIdFor(federal)).toBeNull();
    // A federal notice without a template of its own gets none, and says why.
    expect(templateForRule(federal)).toMatchObject({
      template: null,
      reason: expect.stringMatching(/No letter template fits/) as unknown,
    });
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
