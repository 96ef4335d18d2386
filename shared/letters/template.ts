import { z } from 'zod';
import { RECIPIENT_KINDS } from '../obligations/rule-pack';
import { MERGE_FIELD_IDS } from './merge-fields';
import { matcherSchema } from './matcher';

export const LETTER_RECIPIENT_KINDS = [...RECIPIENT_KINDS, 'partner'] as const;
export const LETTER_LANGUAGES = ['en', 'fr'] as const;

export type { Matcher } from './matcher';

/**
 * A letter template, kept as a data file: who it is for, what it merges, and what it must
 * satisfy. The body is Markdown (headings, paragraphs, lists, **bold**, *italic*, tables) with
 * `{{field.id}}` merge tokens, turned into the editor's document when a letter is drafted.
 */
export const letterTemplateSchema = z
  .object({
    format: z.literal('breachdesk.letter-template/1'),
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string(),
    description: z.string(),
    recipientKind: z.enum(LETTER_RECIPIENT_KINDS),
    jurisdiction: z.string(),
    language: z.enum(LETTER_LANGUAGES),
    /** Obligation rules (rule pack ids) this letter answers; their required content is checked. */
    ruleIds: z.array(z.string()),
    /** The title and headings the law requires, in order (e.g. California's five headings). */
    requiredHeadings: z.array(z.string()),
    /** Where each required content item of those rules is satisfied in the letter: any one matcher. */
    contentMatchers: z.record(z.string(), z.array(matcherSchema).min(1)),
    /** What must not appear (e.g. the number of residents affected in an Illinois notice). */
    prohibited: z.array(
      z
        .object({
          id: z.string(),
          text: z.string(),
          citation: z.string(),
          matchers: z.array(matcherSchema).min(1),
        })
        .strict(),
    ),
    /** A sample for a regulator that is published: no personal data of affected people. */
    noPersonalData: z.boolean(),
    mergeFields: z.array(z.enum(MERGE_FIELD_IDS)),
    body: z.string(),
  })
  .strict();
export type LetterTemplate = z.output<typeof letterTemplateSchema>;
