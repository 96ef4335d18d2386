import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoCase } from '../../main/services/demo-service';
import { createLetter } from '../../main/services/letters/letters-service';
import { rulesOf } from '../../main/services/letters/letter-context';
import { templateById } from '../../shared/letters/templates';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import { testContext } from '../helpers/cases';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const TODAY = '2026-11-28';

function contentIds(checks: { id: string }[]): string[] {
  return checks.filter((c) => c.id.startsWith('content:')).map((c) => c.id.slice('content:'.length));
}

describe('letters from the generic US templates', () => {
  it('drafted from an obligation, take the rule’s recipient, its state and that state’s count', async () => {
    const ctx = testContext();
    const file = await createDemoCase(join(tempDir(), 'demo.bdcase'), false, ctx);
    const view = createLetter(
      file,
      ctx,
      {
        templateId: 'us-ag-generic',
        recipient: { name: '', address: '' },
        obligationRuleId: 'us-tx-ag-2023',
      },
      TODAY,
    );
    expect(view.letter.recipient.name).toBe('Texas Attorney General');
    expect(view.letter.title).toBe(`${templateById('us-ag-generic')?.title}: Texas Attorney General`);
    expect(view.letter.jurisdiction).toBe('US-TX');
    // The demo has 300 people in Texas (and 1,240 in California).
    expect(view.values['breach.peopleInJurisdiction']).toBe('300');
    expect(view.values['recipient.name']).toBe('Texas Attorney General');
    // Checked against the linked rule only.
    const texas = DEFAULT_RULE_PACK.rules.find((r) => r.id === 'us-tx-ag-2023');
    expect(contentIds(view.checks).sort()).toEqual(texas?.requiredContent.map((i) => i.id).sort());

    // A name given wins over the rule's.
    const named = createLetter(
      file,
      ctx,
      {
        templateId: 'us-ag-generic',
        recipient: { name: 'Consumer Protection Division', address: 'Austin, TX' },
        obligationRuleId: 'us-tx-ag-2023',
      },
      TODAY,
    );
    expect(named.letter.recipient).toEqual({ name: 'Consumer Protection Division', address: 'Austin, TX' });
    file.close();
  });

  it('drafted from each generic template for a rule that names it, takes the rule’s place and recipient', async () => {
    const ctx = testContext();
    const file = await createDemoCase(join(tempDir(), 'demo.bdcase'), false, ctx);
    for (const templateId of ['us-residents-generic', 'us-ag-generic', 'us-cra-generic']) {
      const rule = DEFAULT_RULE_PACK.rules.find((r) => r.template === templateId);
      if (rule === undefined) continue; // no rule of the pack names it yet
      const view = createLetter(
        file,
        ctx,
        { templateId, recipient: { name: '', address: '' }, obligationRuleId: rule.id },
        TODAY,
      );
      expect(view.letter.jurisdiction, rule.id).toBe(rule.jurisdiction);
      expect(view.letter.recipient.name, rule.id).toBe(rule.recipient.name);
      const template = templateById(templateId);
      if (template === null) throw new Error(templateId);
      expect(rulesOf(template, view.letter).map((r) => r.id)).toEqual([rule.id]);
      const ids = contentIds(view.checks);
      expect(ids.sort(), rule.id).toEqual([...new Set(rule.requiredContent.map((i) => i.id))].sort());
      const prohibited = view.checks.filter((c) => c.id.startsWith('prohibited:')).map((c) => c.id);
      for (const item of rule.prohibitedContent)
        if (item.matchers !== undefined) expect(prohibited, rule.id).toContain(`prohibited:${item.id}`);
    }
    file.close();
  });

  it('an unlinked generic letter for Texas is checked against the Texas rules only', async () => {
    const ctx = testContext();
    const file = await createDemoCase(join(tempDir(), 'demo.bdcase'), false, ctx);
    const texas = createLetter(
      file,
      ctx,
      {
        templateId: 'us-ag-generic',
        recipient: { name: 'Texas Attorney General', address: '' },
        obligationRuleId: null,
        jurisdiction: 'us-tx',
      },
      TODAY,
    );
    expect(texas.letter.jurisdiction).toBe('US-TX');
    expect(texas.letter.obligationRuleId).toBeNull();
    expect(texas.values['breach.peopleInJurisdiction']).toBe('300');
    const template = templateById('us-ag-generic');
    if (template === null) throw new Error('us-ag-generic');
    const rules = rulesOf(template, texas.letter);
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((r) => r.jurisdiction === 'US-TX')).toBe(true);
    const texasItems = new Set(rules.flatMap((r) => r.requiredContent.map((i) => i.id)));
    const ids = contentIds(texas.checks);
    expect(ids).toContain('tx-ag-description');
    expect(ids.every((id) => texasItems.has(id))).toBe(true);
    expect(ids.some((id) => /^(ny|fl|wa|ma|co|il)-/.test(id))).toBe(false);

    // Left at "US", it is checked against the rules the template lists, not every state's.
    const us = createLetter(
      file,
      ctx,
      { templateId: 'us-ag-generic', recipient: { name: 'AG', address: '' }, obligationRuleId: null },
      TODAY,
    );
    expect(us.letter.jurisdiction).toBe('US');
    const listed = new Set(
      DEFAULT_RULE_PACK.rules
        .filter((r) => template.ruleIds.includes(r.id))
        .flatMap((r) => r.requiredContent.map((i) => i.id)),
    );
    expect(contentIds(us.checks).every((id) => listed.has(id))).toBe(true);

    // A place outside the template's is refused.
    expect(() =>
      createLetter(
        file,
        ctx,
        {
          templateId: 'ca-individual-notice',
          recipient: { name: '', address: '' },
          obligationRuleId: null,
          jurisdiction: 'US-TX',
        },
        TODAY,
      ),
    ).toThrow(/not within it/);
    file.close();
  });
});
