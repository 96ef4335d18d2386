import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLetter } from '../../shared/letters/checks';
import { letterDocumentSchema } from '../../shared/letters/document';
import { documentFromTemplate, mergeFieldsIn, plainTextOf } from '../../shared/letters/from-markdown';
import { headingTexts } from '../../shared/letters/plain-text';
import { letterTemplateSchema } from '../../shared/letters/template';
import { LETTER_TEMPLATES, templateById } from '../../shared/letters/templates';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import { demoValuesFor, requiredContentOf } from './letters-fixture';

const TEMPLATE_DIR = join(__dirname, '../../shared/letters/templates');
const REQUIRED_IDS = [
  'ca-individual-notice',
  'ca-ag-sample',
  'gdpr-art33-authority-en',
  'gdpr-art33-authority-fr',
  'gdpr-art34-subjects-en',
  'gdpr-art34-subjects-fr',
  'us-ag-generic',
  'partner-deletion-request',
  'password-reset-notice',
];

function template(id: string) {
  const found = templateById(id);
  if (found === null) throw new Error(`no template ${id}`);
  return found;
}

describe('letter templates as data files', () => {
  it('ships every required template, each data file is loaded, and ids are unique', () => {
    const ids = LETTER_TEMPLATES.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(REQUIRED_IDS));
    expect(new Set(ids).size).toBe(ids.length);
    const files = readdirSync(TEMPLATE_DIR).filter((f) => f.endsWith('.json'));
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...ids].sort());
    expect(templateById('no-such-template')).toBeNull();
  });

  it('answers every template the rule pack points to', () => {
    for (const rule of DEFAULT_RULE_PACK.rules) {
      if (rule.template !== null && rule.template !== undefined)
        expect(templateById(rule.template), rule.id).not.toBeNull();
    }
  });

  describe.each(LETTER_TEMPLATES.map((t) => [t.id, t] as const))('%s', (id, t) => {
    it('validates against the template schema, as its file and as loaded', () => {
      const raw: unknown = JSON.parse(readFileSync(join(TEMPLATE_DIR, `${id}.json`), 'utf8'));
      expect(letterTemplateSchema.safeParse(raw).success).toBe(true);
      expect(t.format).toBe('breachdesk.letter-template/1');
      expect(t.title.length).toBeGreaterThan(5);
      expect(t.description.length).toBeGreaterThan(40);
    });

    it('converts to a valid letter document whose merge fields are exactly the declared ones', () => {
      const doc = documentFromTemplate(t.body);
      expect(letterDocumentSchema.safeParse(doc).success).toBe(true);
      expect(doc.content.length).toBeGreaterThan(5);
      expect([...mergeFieldsIn(doc)].sort()).toEqual([...t.mergeFields].sort());
      expect(plainTextOf(doc)).not.toMatch(/\{\{/);
    });

    it('names only rules of the pack and has a matcher for every required content item of them', () => {
      const ruleIds = new Set(DEFAULT_RULE_PACK.rules.map((r) => r.id));
      for (const ruleId of t.ruleIds) expect(ruleIds.has(ruleId), ruleId).toBe(true);
      const missing = requiredContentOf(t).filter((item) => t.contentMatchers[item.id] === undefined);
      expect(missing.map((i) => i.id)).toEqual([]);
      for (const ids of Object.values(t.contentMatchers)) {
        for (const m of ids) if (m.kind === 'text') expect(() => new RegExp(m.pattern, 'i')).not.toThrow();
      }
    });

    it('drafted with the demo case, fills every merge field the demo has a value for', () => {
      const doc = documentFromTemplate(t.body);
      const values = demoValuesFor(t, false);
      const unfilled = mergeFieldsIn(doc).filter((f) => values[f] === null);
      // The demo case records no likely consequences or measures (yet); everything else is filled.
      expect(unfilled.filter((f) => f !== 'breach.consequences' && f !== 'breach.measures')).toEqual([]);
    });

    it('drafted with complete demo values, passes every check at 11 pt', () => {
      const doc = documentFromTemplate(t.body);
      const values = demoValuesFor(t);
      const checks = checkLetter({
        doc,
        template: t,
        values,
        requiredContent: requiredContentOf(t),
        bodyFontPt: 11,
      });
      expect(checks.filter((c) => c.status === 'fail')).toEqual([]);
      expect(checks.length).toBeGreaterThanOrEqual(2);
    });
  });
});

describe('the California notice', () => {
  const CA_HEADINGS = [
    'Notice of Data Breach',
    'What Happened',
    'What Information Was Involved',
    'What We Are Doing',
    'What You Can Do',
    'For More Information',
  ];

  it('has the title and the five statutory headings, in order, as its required headings and in the letter', () => {
    for (const id of ['ca-individual-notice', 'ca-ag-sample']) {
      const t = template(id);
      expect(t.requiredHeadings).toEqual(CA_HEADINGS);
      const headings = headingTexts(documentFromTemplate(t.body)).map((h) => h.text);
      expect(headings).toEqual(CA_HEADINGS);
      expect(headingTexts(documentFromTemplate(t.body))[0]?.level).toBe(1);
    }
  });

  it('has a date line, the sender, and the credit reporting agencies block', () => {
    const t = template('ca-individual-notice');
    const text = plainTextOf(documentFromTemplate(t.body), demoValuesFor(t));
    expect(text).toContain('Date: 20 November 2020');
    expect(text).toContain('privacy@sonora.example');
    expect(text).toMatch(/Equifax[\s\S]*Experian[\s\S]*TransUnion/);
    expect(text).toContain('from 9 April 2020 to 12 November 2020');
    expect(text).toContain('name, e-mail address, gender, date of birth and password');
  });

  it('the Attorney General sample has no personal data and no addressee', () => {
    const t = template('ca-ag-sample');
    expect(t.noPersonalData).toBe(true);
    expect(t.mergeFields).not.toContain('recipient.name');
    expect(t.mergeFields).not.toContain('recipient.address');
    expect(plainTextOf(documentFromTemplate(t.body), demoValuesFor(t))).toContain('1,240');
  });
});

describe('the other templates', () => {
  it('the Art. 33 letters have sections (a)–(d) in order; the French one is in French for the CNIL', () => {
    const en = headingTexts(documentFromTemplate(template('gdpr-art33-authority-en').body)).map(
      (h) => h.text,
    );
    expect(en.filter((h) => /^\([a-d]\)/.test(h)).map((h) => h.slice(0, 3))).toEqual([
      '(a)',
      '(b)',
      '(c)',
      '(d)',
    ]);
    const frTemplate = template('gdpr-art33-authority-fr');
    expect(frTemplate.language).toBe('fr');
    expect(frTemplate.ruleIds).toEqual(['gdpr-art33-cnil-initial', 'gdpr-art33-cnil-complementary']);
    const fr = headingTexts(documentFromTemplate(frTemplate.body)).map((h) => h.text);
    expect(fr.filter((h) => /^[a-d]\)/.test(h)).map((h) => h.slice(0, 2))).toEqual(['a)', 'b)', 'c)', 'd)']);
    const text = plainTextOf(documentFromTemplate(frTemplate.body), demoValuesFor(frTemplate));
    expect(text).toContain('auprès de notre délégué à la protection des données :');
    expect(text).toContain('16 novembre 2020');
    expect(text).toContain('dont 41\u00a0000 en France');
  });

  it('the Art. 33 EN letter counts the people of the EEA', () => {
    const t = template('gdpr-art33-authority-en');
    const text = plainTextOf(documentFromTemplate(t.body), demoValuesFor(t));
    expect(text).toContain('350,000 in total, of whom 263,500 in the European Economic Area');
  });

  it('the password reset notice says it must not go to a breached e-mail account', () => {
    expect(template('password-reset-notice').description).toMatch(/must not be sent to an e-mail account/);
  });

  it('the partner letter asks for deletion and written confirmation', () => {
    const text = plainTextOf(documentFromTemplate(template('partner-deletion-request').body));
    expect(text).toMatch(/Delete every copy/);
    expect(text).toMatch(/Confirm to us in writing/);
  });
});
