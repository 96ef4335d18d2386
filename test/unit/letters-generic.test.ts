import { describe, expect, it } from 'vitest';
import { checkLetter, matchersFor } from '../../shared/letters/checks';
import { documentFromTemplate, mergeFieldsIn, plainTextOf } from '../../shared/letters/from-markdown';
import type { Matcher } from '../../shared/letters/matcher';
import type { MergeFieldId } from '../../shared/letters/merge-fields';
import type { LetterTemplate } from '../../shared/letters/template';
import { LETTER_TEMPLATES, servesRule, templateById } from '../../shared/letters/templates';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import type { ContentItem } from '../../shared/obligations/rule-pack';
import { demoValuesFor } from './letters-fixture';

const GENERIC = ['us-residents-generic', 'us-ag-generic', 'us-cra-generic'] as const;

function template(id: string): LetterTemplate {
  const found = templateById(id);
  if (found === null) throw new Error(`no template ${id}`);
  return found;
}

const field = (f: MergeFieldId): Matcher => ({ kind: 'mergeField', field: f });
const text = (pattern: string): Matcher => ({ kind: 'text', pattern });
const item = (id: string, ...matchers: Matcher[]): ContentItem => ({
  id,
  text: `Sample item ${id}`,
  citation: 'Sample Stat. §1',
  matchers,
});

/** The matchers the rules brief (issue 17) gives the helpers writing the US rules, by template. */
const BRIEF_ITEMS: Record<(typeof GENERIC)[number], ContentItem[]> = {
  'us-residents-generic': [
    item('x-description', field('breach.summary')),
    item('x-breach-date', field('breach.dateRange')),
    item('x-discovered', field('breach.discoveredDate')),
    item('x-pi-types', field('breach.dataElements')),
    item('x-measures', field('breach.measures')),
    item('x-law-enforcement', field('breach.lawEnforcementDelay')),
    item('x-contact', field('organisation.contactPhone'), field('organisation.contactEmail')),
    item('x-phone', field('organisation.contactPhone')),
    item('x-email', field('organisation.contactEmail')),
    item('x-notice-date', field('letter.date')),
    item('x-cra', text('Equifax[\\s\\S]*Experian[\\s\\S]*TransUnion')),
    item('x-cra-phones', text('1-800-685-1111[\\s\\S]*1-888-397-3742[\\s\\S]*1-888-909-8872')),
    item('x-cra-addresses', text('P\\.O\\. Box 740241[\\s\\S]*P\\.O\\. Box 9554[\\s\\S]*P\\.O\\. Box 2000')),
    item('x-ftc', text('Federal Trade Commission')),
    item('x-ftc-contact', text('600 Pennsylvania Avenue NW'), text('1-877-438-4338')),
    item('x-identitytheft', text('identitytheft\\.gov')),
    item('x-annual', text('annualcreditreport\\.com')),
    item('x-vigilant', text('remain vigilant')),
    item('x-freeze', text('security freeze')),
    item('x-fraud-alert', text('fraud alert')),
    item('x-review', text('review[^.]*(account )?statements')),
    item('x-fcra', text('Fair Credit Reporting Act')),
    item('x-report', text('report[^.]*(local law enforcement|Attorney General)')),
    item('x-heading', { kind: 'heading', text: 'What You Can Do' }),
    item('x-heading-other', { kind: 'heading', text: 'Other Important Information' }),
  ],
  'us-ag-generic': [
    item('x-description', field('breach.summary')),
    item('x-breach-date', field('breach.dateRange')),
    item('x-discovered', field('breach.discoveredDate')),
    item('x-pi-types', field('breach.dataElements')),
    item('x-count', field('breach.peopleInJurisdiction')),
    item('x-measures', field('breach.measures')),
    item('x-law-enforcement', field('breach.lawEnforcementDelay')),
    item('x-contact', field('organisation.contactPhone'), field('organisation.contactEmail')),
    item('x-notice-date', field('letter.date')),
    item('x-copy', text('copy of the notice')),
    item('x-timing', text('notif\\w*[^.]*on or about')),
    item('x-cra', text('Equifax[\\s\\S]*Experian[\\s\\S]*TransUnion')),
    item('x-ftc', text('Federal Trade Commission')),
    item('x-vigilant', text('remain vigilant')),
    item('x-freeze', text('security freeze')),
    item('x-fraud-alert', text('fraud alert')),
  ],
  'us-cra-generic': [
    item('x-description', field('breach.summary')),
    item('x-breach-date', field('breach.dateRange')),
    item('x-discovered', field('breach.discoveredDate')),
    item('x-pi-types', field('breach.dataElements')),
    item('x-count', field('breach.peopleInJurisdiction')),
    item('x-contact', field('organisation.contactPhone'), field('organisation.contactEmail')),
    item('x-notice-date', field('letter.date')),
    item('x-copy', text('copy of the notice')),
    item('x-timing', text('notif\\w*[^.]*on or about')),
    item('x-cra', text('Equifax[\\s\\S]*Experian[\\s\\S]*TransUnion')),
    item('x-ftc', text('Federal Trade Commission')),
    item('x-vigilant', text('remain vigilant')),
    item('x-freeze', text('security freeze')),
    item('x-fraud-alert', text('fraud alert')),
  ],
};

function draftChecks(
  t: LetterTemplate,
  requiredContent: ContentItem[],
  prohibitedContent: ContentItem[] = [],
  edit: (body: string) => string = (b) => b,
) {
  return checkLetter({
    doc: documentFromTemplate(edit(t.body)),
    template: t,
    values: demoValuesFor(t),
    requiredContent,
    prohibitedContent,
    bodyFontPt: 11,
  });
}

describe('the generic US templates', () => {
  it('are listed, for residents, attorneys general and agencies, and the consumer reporting agencies', () => {
    const ids = LETTER_TEMPLATES.map((t) => t.id);
    for (const id of GENERIC) expect(ids).toContain(id);
    expect(template('us-residents-generic').recipientKind).toBe('affected_individuals');
    expect(template('us-ag-generic').recipientKind).toBe('attorney_general');
    expect(template('us-cra-generic').recipientKind).toBe('consumer_reporting_agencies');
    for (const id of GENERIC) expect(template(id).jurisdiction).toBe('US');
    expect(template('us-ag-generic').title).toMatch(/other state agency/);
  });

  it('the residents notice has the model-form headings in order and the CRA, FTC and free-report details', () => {
    const t = template('us-residents-generic');
    const body = plainTextOf(documentFromTemplate(t.body), demoValuesFor(t));
    let at = -1;
    for (const heading of [
      'Notice of Data Breach',
      'What Happened',
      'What Information Was Involved',
      'What We Are Doing',
      'What You Can Do',
      'Other Important Information',
      'For More Information',
    ]) {
      const next = body.indexOf(heading, at + 1);
      expect(next, heading).toBeGreaterThan(at);
      at = next;
    }
    for (const detail of [
      'P.O. Box 740241, Atlanta, GA 30374',
      '1-800-685-1111',
      'www.equifax.com',
      'P.O. Box 9554, Allen, TX 75013',
      '1-888-397-3742',
      'www.experian.com',
      'P.O. Box 2000, Chester, PA 19016',
      '1-888-909-8872',
      'www.transunion.com',
      '600 Pennsylvania Avenue NW, Washington, DC 20580',
      '1-877-438-4338',
      'www.identitytheft.gov',
      'www.annualcreditreport.com',
      '1-877-322-8228',
    ])
      expect(body).toContain(detail);
    expect(mergeFieldsIn(documentFromTemplate(t.body))).not.toContain('breach.peopleInJurisdiction');
  });

  it('the CRA letter names the residents notified, when and how, and encloses a copy of the notice', () => {
    const t = template('us-cra-generic');
    const body = plainTextOf(documentFromTemplate(t.body), demoValuesFor(t));
    expect(body).toContain('approximately 300 residents');
    expect(body).toMatch(/notifying the affected residents on or about 20 November 2020/);
    expect(body).toMatch(/A copy of the notice is enclosed/);
  });

  describe.each(GENERIC.map((id) => [id] as const))('%s drafted for a sample rule', (id) => {
    it('passes every content check the rules brief gives a merge field or a text of the template for', () => {
      const t = template(id);
      const checks = draftChecks(t, BRIEF_ITEMS[id]);
      const failing = checks.filter((c) => c.status === 'fail');
      expect(failing).toEqual([]);
      expect(checks.filter((c) => c.id.startsWith('content:'))).toHaveLength(BRIEF_ITEMS[id].length);
    });

    it('a rule item the template has no matcher for is found by its own, and fails when removed', () => {
      const t = template(id);
      const own = item('x-vigilance', text('remain vigilant'));
      expect(matchersFor(t, own)).toEqual(own.matchers);
      const removed = draftChecks(t, [own], [], (b) => b.replaceAll('remain vigilant', 'stay careful'));
      expect(removed.find((c) => c.id === 'content:x-vigilance')?.status).toBe('fail');
    });

    it('an item with no matcher at all stays "check by hand"', () => {
      const t = template(id);
      const bare: ContentItem = { id: 'x-bare', text: 'Something', citation: 'Sample Stat. §2' };
      const check = draftChecks(t, [bare]).find((c) => c.id === 'content:x-bare');
      expect(check?.status).toBe('fail');
      expect(check?.detail).toMatch(/check the letter by hand/);
    });
  });

  it('the template’s own matcher wins over the item’s', () => {
    const t = template('us-ag-generic');
    const own = item('tx-ag-description', text('no such words anywhere'));
    expect(matchersFor(t, own)).toEqual(t.contentMatchers['tx-ag-description']);
    expect(draftChecks(t, [own]).find((c) => c.id === 'content:tx-ag-description')?.status).toBe('pass');
  });

  it('a rule’s prohibited item with a matcher fails the check when present, passes when absent', () => {
    const count = item('x-no-count', field('breach.peopleInJurisdiction'));
    const bare: ContentItem = { id: 'x-no-matcher', text: 'Unmatchable', citation: 'Sample Stat. §3' };
    const cra = draftChecks(template('us-cra-generic'), [], [count, bare]);
    const check = cra.find((c) => c.id === 'prohibited:x-no-count');
    expect(check?.status).toBe('fail');
    expect(check?.citation).toBe('Sample Stat. §1');
    expect(cra.some((c) => c.id === 'prohibited:x-no-matcher')).toBe(false);
    const residents = draftChecks(template('us-residents-generic'), [], [count]);
    expect(residents.find((c) => c.id === 'prohibited:x-no-count')?.status).toBe('pass');
    const phrase = item('x-no-phrase', text('remain vigilant'));
    const withPhrase = draftChecks(template('us-residents-generic'), [], [phrase]);
    expect(withPhrase.find((c) => c.id === 'prohibited:x-no-phrase')?.status).toBe('fail');
  });

  it('serves the rules it lists and the rules that name it', () => {
    const t = template('us-ag-generic');
    expect(servesRule(t, { id: 'us-tx-ag-2023', template: null })).toBe(true);
    expect(servesRule(t, { id: 'us-zz-ag', template: 'us-ag-generic' })).toBe(true);
    expect(servesRule(t, { id: 'us-zz-cra', template: 'us-cra-generic' })).toBe(false);
  });
});

describe('the rule pack and the generic templates', () => {
  /**
   * Musts no pattern over the letter's text can find, left to a person on purpose: the check
   * says "check by hand" for them.
   */
  const BY_HAND: Readonly<Record<string, string>> = {
    'us-wa-individuals: wa-plain-language': 'plain language is judged by a reader',
    'us-va-ag: va-ag-letterhead': "the letterhead is the exported letter's, not its text",
  };

  it('every required content item of a rule drafted from a generic template has a way to be found', () => {
    const unfindable: string[] = [];
    for (const rule of DEFAULT_RULE_PACK.rules) {
      if (rule.template === null || !(GENERIC as readonly string[]).includes(rule.template)) continue;
      const t = template(rule.template);
      for (const entry of rule.requiredContent)
        if (matchersFor(t, entry).length === 0) unfindable.push(`${rule.id}: ${entry.id}`);
    }
    expect(unfindable).toEqual(Object.keys(BY_HAND));
  });

  it('every text matcher of those rules is a valid pattern', () => {
    const problems: string[] = [];
    for (const rule of DEFAULT_RULE_PACK.rules) {
      if (rule.template === null || !(GENERIC as readonly string[]).includes(rule.template)) continue;
      for (const entry of [...rule.requiredContent, ...rule.prohibitedContent]) {
        for (const m of entry.matchers ?? []) {
          if (m.kind === 'text') {
            try {
              new RegExp(m.pattern, 'i');
            } catch {
              problems.push(`${rule.id}: ${entry.id} /${m.pattern}/`);
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
