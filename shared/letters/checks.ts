import { z } from 'zod';
import type { ContentItem } from '../obligations/rule-pack';
import {
  art33Timing,
  dateClaimFindings,
  delayReasonsIn,
  describeInstant,
  type LetterTimeline,
} from './date-claims';
import type { LetterDocument } from './document';
import { MERGE_FIELDS, type MergeFieldId } from './merge-fields';
import { filledValue, headingTexts, mergeFieldsIn, plainTextOf } from './plain-text';
import type { LetterTemplate, Matcher } from './template';

const LETTER_CHECK_STATUSES = ['pass', 'fail'] as const;

/** One check of a letter, as the editor shows it beside the draft and IPC carries it. */
export const letterCheckSchema = z.object({
  /** `headings`, `content:<item id>`, `prohibited:<id>`, `personal-data`, `merge-fields`, `font-size`. */
  id: z.string(),
  title: z.string(),
  citation: z.string(),
  status: z.enum(LETTER_CHECK_STATUSES),
  detail: z.string(),
});
export type LetterCheck = z.output<typeof letterCheckSchema>;

export const CHECK_KINDS = [
  {
    kind: 'headings',
    title: 'Required title and headings',
    description:
      'The title and headings the law requires are present, in order (e.g. California\'s "Notice of Data Breach" and its five headings). Only for templates with required headings.',
  },
  {
    kind: 'content',
    title: 'Required content',
    description:
      'Each content item required by the obligations the letter answers is present (e.g. GDPR Art. 33(3)(a)–(d)), found by the template’s matchers or, for a generic template, by the rule’s own: a heading, a filled merge field or words.',
  },
  {
    kind: 'prohibited',
    title: 'Prohibited content',
    description:
      'Content the law forbids in this letter is absent (e.g. the number of residents affected in an Illinois notice), found by the template’s or the rule’s matchers.',
  },
  {
    kind: 'personal-data',
    title: 'No personal data of the people affected',
    description:
      'A sample for a regulator holds no personal data: no e-mail addresses or phone numbers other than the organisation’s contact details, no long number sequences (account, card or ID numbers), no dates of birth, no named addressee. Only for templates marked as samples.',
  },
  {
    kind: 'dates',
    title: 'Dates and durations agree with the facts',
    description:
      'Every date the letter states (e.g. “12 November 2020”, “2020-11-12”, “12 novembre 2020”) is a day the case records for the event the sentence names (awareness, discovery, containment, the period of the breach), no past event is dated after the letter, and every duration it claims (e.g. “within 72 hours”, “dans le délai de 72 heures”) is true of the facts and the letter’s date. For an Art. 33 notice made more than 72 hours after awareness, the letter gives the reasons for the delay.',
  },
  {
    kind: 'merge-fields',
    title: 'Unfilled merge fields',
    description: 'Every merge field in the letter has a value from the case.',
  },
  {
    kind: 'font-size',
    title: 'Minimum font size',
    description:
      'Body text is at least 10 points in the output (California’s rule, applied to every letter).',
  },
] as const;

export const MIN_BODY_FONT_PT = 10;
const CA_FORMAT_CITATION = 'Cal. Civ. Code §1798.82(d)(1)';

export interface CheckLetterInput {
  doc: LetterDocument;
  template: LetterTemplate;
  values: Record<MergeFieldId, string | null>;
  /** The required content of the obligations the template answers; [] if none. */
  requiredContent: ContentItem[];
  /**
   * The prohibited content of those obligations; items with matchers are checked like the
   * template's own prohibited entries, the rest are left to the reviewer. [] if none.
   */
  prohibitedContent?: ContentItem[];
  bodyFontPt: number;
  /**
   * The case's recorded moments and the letter's date: with them, the letter's dates and
   * durations are checked, and the Art. 33(1) reasons for a delay are required only when late.
   */
  timeline?: LetterTimeline;
}

function labelOf(id: MergeFieldId): string {
  return MERGE_FIELDS.find((f) => f.id === id)?.label ?? id;
}

/** Heading text for comparison: case, spacing, quotes and trailing punctuation do not matter. */
function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/[\s:.]+$/, '')
    .trim();
}

function safeRegExp(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, 'i');
  } catch {
    return null;
  }
}

/** What a letter holds, computed once for every check. */
interface LetterView {
  headings: string[];
  /** Plain text with filled merge fields resolved and empty ones left out. */
  text: string;
  fields: MergeFieldId[];
  values: Record<MergeFieldId, string | null>;
}

function viewOf(doc: LetterDocument, values: Record<MergeFieldId, string | null>): LetterView {
  return {
    headings: headingTexts(doc, values).map((h) => normaliseHeading(h.text)),
    text: plainTextOf(doc, values, 'empty'),
    fields: mergeFieldsIn(doc),
    values,
  };
}

interface MatchResult {
  found: boolean;
  /** What was found, or why it was not. */
  note: string;
}

function describe(matcher: Matcher): string {
  switch (matcher.kind) {
    case 'heading':
      return `the heading “${matcher.text}”`;
    case 'mergeField':
      return `the merge field “${labelOf(matcher.field)}”`;
    case 'text':
      return `text matching /${matcher.pattern}/`;
  }
}

/**
 * Whether a matcher finds its content. A merge field counts when the letter holds it with a
 * value, or (in a frozen letter) when its value appears in the text; with `tokenSuffices` its
 * token alone counts (for prohibited content, where the token will be filled later).
 */
function match(view: LetterView, matcher: Matcher, tokenSuffices: boolean): MatchResult {
  switch (matcher.kind) {
    case 'heading': {
      const found = view.headings.includes(normaliseHeading(matcher.text));
      return { found, note: describe(matcher) };
    }
    case 'mergeField': {
      const value = filledValue(view.values, matcher.field);
      const hasToken = view.fields.includes(matcher.field);
      if (hasToken && (value !== null || tokenSuffices)) return { found: true, note: describe(matcher) };
      if (value !== null && view.text.includes(value))
        return { found: true, note: `the value of ${describe(matcher)}` };
      if (hasToken) return { found: false, note: `${describe(matcher)} is in the letter but has no value` };
      return { found: false, note: `${describe(matcher)} is not in the letter` };
    }
    case 'text': {
      const re = safeRegExp(matcher.pattern);
      if (re === null) return { found: false, note: `${describe(matcher)} (invalid pattern)` };
      const hit = re.exec(view.text);
      return hit === null
        ? { found: false, note: describe(matcher) }
        : { found: true, note: `“${hit[0].replace(/\s+/g, ' ').slice(0, 80)}”` };
    }
  }
}

/**
 * How a required content item is found in a letter: the template's own matchers for it if it has
 * any, else the item's own (rules written for generic templates), else none.
 */
export function matchersFor(template: LetterTemplate, item: ContentItem): Matcher[] {
  return template.contentMatchers[item.id] ?? item.matchers ?? [];
}

function headingsCheck(
  view: LetterView,
  template: LetterTemplate,
  requiredContent: ContentItem[],
): LetterCheck {
  const required = template.requiredHeadings;
  const wanted = new Set(required.map(normaliseHeading));
  const citations = [
    ...new Set(
      requiredContent
        .filter((item) =>
          matchersFor(template, item).some(
            (m) => m.kind === 'heading' && wanted.has(normaliseHeading(m.text)),
          ),
        )
        .map((item) => item.citation),
    ),
  ];
  const citation =
    citations.length > 0
      ? citations.join('; ')
      : template.jurisdiction === 'US-CA'
        ? CA_FORMAT_CITATION
        : template.title;
  const missing: string[] = [];
  const outOfOrder: string[] = [];
  let position = 0;
  for (const heading of required) {
    const key = normaliseHeading(heading);
    const at = view.headings.indexOf(key, position);
    if (at >= 0) position = at + 1;
    else if (view.headings.includes(key)) outOfOrder.push(heading);
    else missing.push(heading);
  }
  const problems = [
    ...(missing.length > 0 ? [`Missing: ${missing.map((h) => `“${h}”`).join(', ')}.`] : []),
    ...(outOfOrder.length > 0 ? [`Out of order: ${outOfOrder.map((h) => `“${h}”`).join(', ')}.`] : []),
  ];
  return {
    id: 'headings',
    title: 'Required title and headings, in order',
    citation,
    status: problems.length === 0 ? 'pass' : 'fail',
    detail:
      problems.length === 0
        ? `All ${required.length} present in order: ${required.map((h) => `“${h}”`).join(', ')}.`
        : `${problems.join(' ')} Required order: ${required.map((h) => `“${h}”`).join(', ')}.`,
  };
}

function contentCheck(view: LetterView, template: LetterTemplate, item: ContentItem): LetterCheck {
  const matchers = matchersFor(template, item);
  const base = { id: `content:${item.id}`, title: `Required content: ${item.text}`, citation: item.citation };
  if (matchers.length === 0) {
    return {
      ...base,
      status: 'fail',
      detail: 'This template has no way to find this item: check the letter by hand and record the result.',
    };
  }
  const results = matchers.map((m) => match(view, m, false));
  const hit = results.find((r) => r.found);
  if (hit !== undefined) return { ...base, status: 'pass', detail: `Found: ${hit.note}.` };
  return {
    ...base,
    status: 'fail',
    detail: `Not found. Looked for ${results.map((r) => r.note).join('; or ')}.`,
  };
}

type ProhibitedEntry = LetterTemplate['prohibited'][number];

function prohibitedCheck(view: LetterView, entry: ProhibitedEntry): LetterCheck {
  const hits = entry.matchers.map((m) => match(view, m, true)).filter((r) => r.found);
  return {
    id: `prohibited:${entry.id}`,
    title: `Prohibited content: ${entry.text}`,
    citation: entry.citation,
    status: hits.length === 0 ? 'pass' : 'fail',
    detail:
      hits.length === 0
        ? 'Not in the letter.'
        : `Found ${hits.map((h) => h.note).join('; ')}: remove it before sending.`,
  };
}

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}/gi;
/** Numbers of eight digits or more, possibly grouped: phone, account, card or ID numbers. */
const NUMBER_RUN = /[+(]?\d[\d ().-]*\d/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TOLL_FREE = /^1?8(?:00|33|44|55|66|77|88)\d{7}$/;
const BIRTH_DATE =
  /\b(?:born(?: on)?|date of birth|d\.?o\.?b\.?|date de naissance|née? le)\s*[:-]?\s*(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{1,2}(?:er)? [A-Za-zéû]+ \d{4}|[A-Za-z]+ \d{1,2}, \d{4})/gi;
const SALUTATION = /\bDear\s+([A-Z][a-z'-]+(?:\s+[A-Z][a-z.'-]+){0,2}),/g;
const GENERIC_SALUTATIONS = new Set([
  'sir',
  'madam',
  'customer',
  'customers',
  'user',
  'users',
  'member',
  'members',
  'valued',
  'friend',
  'friends',
  'colleague',
  'colleagues',
  'all',
  'resident',
  'residents',
  'subscriber',
  'subscribers',
  'client',
  'clients',
  'account',
  'attorney',
  'madam/sir',
]);

const digitsOf = (text: string) => text.replace(/\D/g, '');

/** Personal data of the people affected found in a letter's text (for samples sent to regulators). */
export function personalDataFindings(text: string, values: Record<MergeFieldId, string | null>): string[] {
  const findings: string[] = [];
  const contactEmail = (values['organisation.contactEmail'] ?? '').trim().toLowerCase();
  const contactDigits = digitsOf(values['organisation.contactPhone'] ?? '');
  for (const [email] of text.matchAll(EMAIL)) {
    if (email.toLowerCase() !== contactEmail) findings.push(`e-mail address ${email}`);
  }
  for (const [run] of text.matchAll(NUMBER_RUN)) {
    const trimmed = run.trim();
    const digits = digitsOf(trimmed);
    if (ISO_DATE.test(trimmed) || digits.length < 8) continue;
    if (digits === contactDigits || TOLL_FREE.test(digits)) continue;
    findings.push(`number ${trimmed} (phone, account, card or ID number?)`);
  }
  for (const [birth] of text.matchAll(BIRTH_DATE)) findings.push(`date of birth “${birth}”`);
  for (const hit of text.matchAll(SALUTATION)) {
    const name = hit[1] ?? '';
    const first = name.split(/\s+/)[0]?.toLowerCase() ?? '';
    if (!GENERIC_SALUTATIONS.has(first)) findings.push(`addressee “${name}”`);
  }
  for (const field of ['recipient.name', 'recipient.address'] as const) {
    const value = filledValue(values, field);
    if (value !== null && text.includes(value)) findings.push(`${labelOf(field).toLowerCase()} “${value}”`);
  }
  return [...new Set(findings)];
}

function personalDataCheck(view: LetterView, template: LetterTemplate): LetterCheck {
  const citation =
    template.prohibited.find((p) => p.id === 'ca-ag-no-pii')?.citation ??
    (template.jurisdiction === 'US-CA' ? 'Cal. Civ. Code §1798.82(f)' : template.title);
  const findings = personalDataFindings(view.text, view.values);
  return {
    id: 'personal-data',
    title: 'No personal data of the people affected (sample for a regulator)',
    citation,
    status: findings.length === 0 ? 'pass' : 'fail',
    detail:
      findings.length === 0
        ? 'No e-mail addresses or phone numbers other than the organisation’s, no account, card or ID numbers, no dates of birth, no named addressee.'
        : `Found ${findings.slice(0, 8).join('; ')}${findings.length > 8 ? `; and ${findings.length - 8} more` : ''}.`,
  };
}

function mergeFieldsCheck(view: LetterView): LetterCheck {
  const unfilled = view.fields.filter((f) => filledValue(view.values, f) === null);
  return {
    id: 'merge-fields',
    title: 'Every merge field has a value',
    citation: 'Breachdesk drafting rule: no letter leaves with a placeholder',
    status: unfilled.length === 0 ? 'pass' : 'fail',
    detail:
      unfilled.length === 0
        ? view.fields.length === 0
          ? 'The letter has no merge fields.'
          : `All ${view.fields.length} merge fields have a value.`
        : `No value for: ${unfilled.map(labelOf).join(', ')}. Fill them in the case or replace them with text.`,
  };
}

function fontSizeCheck(template: LetterTemplate, bodyFontPt: number): LetterCheck {
  const ok = Number.isFinite(bodyFontPt) && bodyFontPt >= MIN_BODY_FONT_PT;
  return {
    id: 'font-size',
    title: `Body text at least ${MIN_BODY_FONT_PT} points`,
    citation:
      template.jurisdiction === 'US-CA'
        ? CA_FORMAT_CITATION
        : `${CA_FORMAT_CITATION} (applied to every letter)`,
    status: ok ? 'pass' : 'fail',
    detail: ok
      ? `Body text is ${bodyFontPt} pt.`
      : `Body text is ${bodyFontPt} pt; it must be no smaller than ${MIN_BODY_FONT_PT} pt.`,
  };
}

const DELAY_REASONS_ID = 'art33-1-delay-reasons';
const DATES_CITATION = 'Breachdesk drafting rule: a letter states only what the case records';

function datesCheck(view: LetterView, timeline: LetterTimeline): LetterCheck {
  const findings = dateClaimFindings(view.text, timeline);
  const base = { id: 'dates', title: 'Dates and durations agree with the facts', citation: DATES_CITATION };
  if (findings.length === 0) {
    return {
      ...base,
      status: 'pass',
      detail: `Every date and duration the letter states agrees with the facts and the letter’s date (${timeline.letterDate}).`,
    };
  }
  const listed = findings
    .slice(0, 6)
    .map((f) => `“${f.sentence}” ${f.problem}.`)
    .join(' ');
  const more = findings.length > 6 ? ` And ${findings.length - 6} more.` : '';
  return { ...base, status: 'fail', detail: `${listed}${more} Correct the sentence or the facts.` };
}

/** Art. 33(1): reasons for the delay, required when the notice is made more than 72 hours after awareness. */
function delayReasonsCheck(view: LetterView, item: ContentItem, timeline: LetterTimeline): LetterCheck {
  const base = { id: `content:${item.id}`, title: `Required content: ${item.text}`, citation: item.citation };
  const timing = art33Timing(timeline);
  const { found, prompt } = delayReasonsIn(view.text);
  const promptLeft =
    'The template’s instruction in square brackets is still in the letter: replace it with the reasons, or delete it.';
  if (timing.kind === 'unknown') {
    return {
      ...base,
      status: 'fail',
      detail:
        'The facts have no time of awareness, so whether this notice is within 72 hours cannot be known. Record it under Facts.',
    };
  }
  const due = describeInstant(timing.deadline, timing.zone);
  if (timing.kind === 'late') {
    if (found !== null && !prompt) {
      return {
        ...base,
        status: 'pass',
        detail: `Made after the 72 hours (due ${due}); reasons given: “${found}”.`,
      };
    }
    return {
      ...base,
      status: 'fail',
      detail:
        `The letter’s date, ${timeline.letterDate}, is after the 72 hours (due ${due}): give the reasons for the delay under a heading “Reasons for the delay”. ${found === null ? '' : promptLeft}`.trim(),
    };
  }
  if (prompt) {
    return {
      ...base,
      status: 'fail',
      detail:
        timing.kind === 'on-time'
          ? `Made within 72 hours (due ${due}): no reasons are needed. ${promptLeft}`
          : `Due ${due}, on the letter’s date: if it is sent later, give the reasons for the delay. ${promptLeft}`,
    };
  }
  return {
    ...base,
    status: 'pass',
    detail:
      timing.kind === 'on-time'
        ? `Made within 72 hours of awareness (due ${due}): no reasons for a delay are needed.`
        : `Due ${due}, on the letter’s date: sent by then, no reasons are needed; sent later, give them.`,
  };
}

/**
 * Checks a letter against its template and the law: required headings in order, each required
 * content item, prohibited content, personal data in a regulator sample, dates and durations
 * against the facts (given a timeline), unfilled merge fields,
 * and the body font size. Pure: the same letter and values give the same checks, in this order.
 */
export function checkLetter(input: CheckLetterInput): LetterCheck[] {
  const { doc, template, values, requiredContent, bodyFontPt } = input;
  const prohibitedContent = input.prohibitedContent ?? [];
  const view = viewOf(doc, values);
  const checks: LetterCheck[] = [];
  if (template.requiredHeadings.length > 0) checks.push(headingsCheck(view, template, requiredContent));
  const seen = new Set<string>();
  for (const item of requiredContent) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    checks.push(
      item.id === DELAY_REASONS_ID && input.timeline !== undefined
        ? delayReasonsCheck(view, item, input.timeline)
        : contentCheck(view, template, item),
    );
  }
  const prohibited = new Map<string, ProhibitedEntry>(template.prohibited.map((p) => [p.id, p]));
  for (const item of prohibitedContent) {
    if (item.matchers === undefined || prohibited.has(item.id)) continue;
    prohibited.set(item.id, {
      id: item.id,
      text: item.text,
      citation: item.citation,
      matchers: item.matchers,
    });
  }
  for (const entry of prohibited.values()) checks.push(prohibitedCheck(view, entry));
  if (template.noPersonalData) checks.push(personalDataCheck(view, template));
  if (input.timeline !== undefined) checks.push(datesCheck(view, input.timeline));
  checks.push(mergeFieldsCheck(view));
  checks.push(fontSizeCheck(template, bodyFontPt));
  return checks;
}
