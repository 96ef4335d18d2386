import { describe, expect, it } from 'vitest';
import {
  CHECK_KINDS,
  checkLetter,
  type CheckLetterInput,
  type LetterCheck,
  letterCheckSchema,
  personalDataFindings,
} from '../../shared/letters/checks';
import { documentFromTemplate, freezeDocument } from '../../shared/letters/from-markdown';
import type { MergeFieldId } from '../../shared/letters/merge-fields';
import type { LetterTemplate } from '../../shared/letters/template';
import { templateById } from '../../shared/letters/templates';
import { demoValuesFor, requiredContentOf } from './letters-fixture';

function template(id: string): LetterTemplate {
  const found = templateById(id);
  if (found === null) throw new Error(`no template ${id}`);
  return found;
}

/** Checks of a template's letter, with its body edited by `edit` and the demo values changed by `values`. */
function run(
  id: string,
  options: {
    edit?: (body: string) => string;
    values?: Partial<Record<MergeFieldId, string | null>>;
    bodyFontPt?: number;
    template?: LetterTemplate;
  } = {},
): LetterCheck[] {
  const t = options.template ?? template(id);
  const input: CheckLetterInput = {
    doc: documentFromTemplate((options.edit ?? ((b) => b))(t.body)),
    template: t,
    values: { ...demoValuesFor(t), ...options.values },
    requiredContent: requiredContentOf(t),
    bodyFontPt: options.bodyFontPt ?? 11,
  };
  return checkLetter(input);
}

function check(checks: LetterCheck[], id: string): LetterCheck {
  const found = checks.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no check ${id} in ${checks.map((c) => c.id).join(', ')}`);
  return found;
}

describe('checkLetter', () => {
  it('gives checks that fit the IPC schema, each with a title, citation and detail, of a known kind', () => {
    const checks = run('ca-individual-notice');
    const kinds = new Set<string>(CHECK_KINDS.map((k) => k.kind));
    for (const c of checks) {
      expect(letterCheckSchema.parse(c)).toEqual(c);
      expect(c.title).not.toBe('');
      expect(c.citation).not.toBe('');
      expect(c.detail).not.toBe('');
      expect(kinds.has(c.id.split(':')[0] ?? '')).toBe(true);
    }
    expect(checks.map((c) => c.id.split(':')[0])).toEqual(
      expect.arrayContaining(['headings', 'content', 'merge-fields', 'font-size']),
    );
  });

  describe('required title and headings', () => {
    it('passes with the title and five headings in order, citing §1798.82(d)(1)', () => {
      const c = check(run('ca-individual-notice'), 'headings');
      expect(c).toMatchObject({ status: 'pass', citation: 'Cal. Civ. Code §1798.82(d)(1)' });
    });

    it('fails when a heading is missing, and names it', () => {
      const c = check(
        run('ca-individual-notice', { edit: (b) => b.replace('## What You Can Do', '## Advice') }),
        'headings',
      );
      expect(c.status).toBe('fail');
      expect(c.detail).toContain('Missing: “What You Can Do”');
    });

    it('fails when headings are out of order', () => {
      const swapped = (b: string) =>
        b
          .replace('## What We Are Doing', '## TMP')
          .replace('## What Happened', '## What We Are Doing')
          .replace('## TMP', '## What Happened');
      const c = check(run('ca-individual-notice', { edit: swapped }), 'headings');
      expect(c.status).toBe('fail');
      expect(c.detail).toContain('Out of order');
    });

    it('ignores case and a trailing colon but not other wording', () => {
      expect(
        check(
          run('ca-individual-notice', { edit: (b) => b.replace('## What Happened', '## what happened:') }),
          'headings',
        ).status,
      ).toBe('pass');
      expect(
        check(
          run('ca-individual-notice', {
            edit: (b) => b.replace('# Notice of Data Breach', '# Data Breach Notice'),
          }),
          'headings',
        ).status,
      ).toBe('fail');
    });

    it('is not run for templates without required headings', () => {
      expect(run('gdpr-art33-authority-en').some((c) => c.id === 'headings')).toBe(false);
    });
  });

  describe('required content items', () => {
    it('passes Art. 33(3)(a)–(d) when the letter holds them with values', () => {
      const checks = run('gdpr-art33-authority-en');
      for (const id of [
        'art33-3-a-nature',
        'art33-3-b-contact',
        'art33-3-c-consequences',
        'art33-3-d-measures',
      ]) {
        const c = check(checks, `content:${id}`);
        expect(c.status, id).toBe('pass');
        expect(c.citation).toContain('Art. 33(3)');
      }
    });

    it('fails an item whose merge field has no value, and says so', () => {
      const c = check(
        run('gdpr-art33-authority-en', { values: { 'breach.consequences': null } }),
        'content:art33-3-c-consequences',
      );
      expect(c.status).toBe('fail');
      expect(c.detail).toContain('“Likely consequences” is in the letter but has no value');
      expect(c.citation).toBe('GDPR Art. 33(3)(c)');
    });

    it('fails an item whose section was deleted', () => {
      const c = check(
        run('gdpr-art33-authority-en', { edit: (b) => b.replace('{{breach.measures}}', 'To follow.') }),
        'content:art33-3-d-measures',
      );
      expect(c.status).toBe('fail');
      expect(c.detail).toContain('is not in the letter');
    });

    it('still finds a merge-field item once the letter is frozen (the value is in the text)', () => {
      const t = template('gdpr-art33-authority-en');
      const values = demoValuesFor(t);
      const { doc } = freezeDocument(documentFromTemplate(t.body), values);
      const checks = checkLetter({
        doc,
        template: t,
        values,
        requiredContent: requiredContentOf(t),
        bodyFontPt: 11,
      });
      expect(checks.filter((c) => c.status === 'fail')).toEqual([]);
      expect(check(checks, 'content:art33-3-c-consequences').detail).toContain('the value of');
    });

    it('finds text items by their words, and fails when the words are gone', () => {
      expect(check(run('ca-individual-notice'), 'content:ca-credit-agencies').status).toBe('pass');
      const withoutBoth = (b: string) =>
        b.replace(/This incident did not involve[^\n]*/, 'Nothing else.').replace(/\| Equifax[^\n]*\n/, '');
      const c = check(run('ca-individual-notice', { edit: withoutBoth }), 'content:ca-credit-agencies');
      expect(c.status).toBe('fail');
      expect(c.detail).toContain('text matching');
    });

    it('fails an item the template has no matcher for', () => {
      const t = template('partner-deletion-request');
      const checks = checkLetter({
        doc: documentFromTemplate(t.body),
        template: t,
        values: demoValuesFor(t),
        requiredContent: [{ id: 'x-item', text: 'Something the law wants.', citation: 'Law §1' }],
        bodyFontPt: 11,
      });
      expect(check(checks, 'content:x-item')).toMatchObject({ status: 'fail', citation: 'Law §1' });
    });
  });

  describe('prohibited content', () => {
    it('passes the Attorney General sample, which names no recipient', () => {
      expect(check(run('ca-ag-sample'), 'prohibited:ca-ag-no-pii')).toMatchObject({
        status: 'pass',
        citation: 'Cal. Civ. Code §1798.82(f)',
      });
    });

    it('fails when the recipient merge field is added to the sample, even before it has a value', () => {
      const c = check(
        run('ca-ag-sample', {
          edit: (b) => b.replace('Dear customer,', 'Dear {{recipient.name}},'),
          values: { 'recipient.name': null },
        }),
        'prohibited:ca-ag-no-pii',
      );
      expect(c.status).toBe('fail');
      expect(c.detail).toContain('Recipient');
    });

    it('fails an Illinois-style notice that states the resident count, by field or by words', () => {
      const base = template('ca-individual-notice');
      const illinois: LetterTemplate = {
        ...base,
        id: 'il-test',
        prohibited: [
          {
            id: 'il-no-count',
            text: 'The number of Illinois residents affected by the breach.',
            citation: '815 ILCS 530/10(a)',
            matchers: [
              { kind: 'mergeField', field: 'breach.peopleInJurisdiction' },
              { kind: 'text', pattern: '\\d[\\d,]* (Illinois )?residents' },
            ],
          },
        ],
      };
      expect(check(run('', { template: illinois }), 'prohibited:il-no-count').status).toBe('pass');
      const byField = run('', {
        template: illinois,
        edit: (b) => `${b}\n\nAffected here: {{breach.peopleInJurisdiction}}.`,
      });
      expect(check(byField, 'prohibited:il-no-count')).toMatchObject({
        status: 'fail',
        citation: '815 ILCS 530/10(a)',
      });
      const byWords = run('', {
        template: illinois,
        edit: (b) => `${b}\n\nThe breach affected 45 Illinois residents.`,
      });
      expect(check(byWords, 'prohibited:il-no-count').detail).toContain('45 Illinois residents');
    });
  });

  describe('no personal data in a regulator sample', () => {
    it('passes the sample: the organisation’s contact and toll-free agency numbers are allowed', () => {
      const c = check(run('ca-ag-sample'), 'personal-data');
      expect(c).toMatchObject({ status: 'pass', citation: 'Cal. Civ. Code §1798.82(f)' });
    });

    it.each([
      ['an e-mail address', 'Write to jane.doe@gmail.com for details.', 'jane.doe@gmail.com'],
      ['a phone number', 'Call the customer back on (415) 555-0134.', '(415) 555-0134'],
      ['a card number', 'Card 4111 1111 1111 1111 was not charged.', '4111 1111 1111 1111'],
      ['an SSN-like number', 'SSN 123-45-6789.', '123-45-6789'],
      ['a date of birth', 'The customer, born on 04/07/1985, was told.', 'born on 04/07/1985'],
      ['a named addressee', 'Dear Jane Doe,', 'Jane Doe'],
    ])('fails with %s', (_what, sentence, shown) => {
      const c = check(run('ca-ag-sample', { edit: (b) => `${b}\n\n${sentence}` }), 'personal-data');
      expect(c.status).toBe('fail');
      expect(c.detail).toContain(shown);
    });

    it('is only run for templates marked as samples', () => {
      expect(run('ca-individual-notice').some((c) => c.id === 'personal-data')).toBe(false);
    });

    it('does not mistake dates, counts or generic salutations for personal data', () => {
      const values = demoValuesFor(template('ca-ag-sample'));
      const text =
        'Dear customer, Dear Sir or Madam, on 2020-11-12, 350,000 people; 1-800-685-1111; +46 8 000 00 00; privacy@sonora.example; date of birth and password.';
      expect(personalDataFindings(text, values)).toEqual([]);
    });
  });

  describe('unfilled merge fields', () => {
    it('passes when every merge field has a value', () => {
      expect(check(run('ca-individual-notice'), 'merge-fields').status).toBe('pass');
    });

    it('fails and lists the labels of the fields with no value', () => {
      const c = check(
        run('ca-individual-notice', {
          values: { 'breach.measures': null, 'organisation.contactPhone': '  ' },
        }),
        'merge-fields',
      );
      expect(c.status).toBe('fail');
      expect(c.detail).toContain('Measures taken or proposed');
      expect(c.detail).toContain('Contact phone');
    });
  });

  describe('minimum font size', () => {
    it('passes at 10 pt and above', () => {
      expect(check(run('ca-individual-notice', { bodyFontPt: 10 }), 'font-size')).toMatchObject({
        status: 'pass',
        citation: 'Cal. Civ. Code §1798.82(d)(1)',
      });
    });

    it('fails below 10 pt', () => {
      const c = check(run('ca-individual-notice', { bodyFontPt: 9.5 }), 'font-size');
      expect(c.status).toBe('fail');
      expect(c.detail).toContain('9.5 pt');
      expect(check(run('gdpr-art33-authority-en', { bodyFontPt: Number.NaN }), 'font-size').status).toBe(
        'fail',
      );
    });
  });
});
