import { z } from 'zod';
import { MERGE_FIELD_IDS } from './merge-fields';

/**
 * How a letter check finds something in a letter: a heading's text, a merge field, or words.
 * Templates carry matchers for the content items of the rules they were written for; a rule's
 * own content items may carry them too, so a generic template can be checked against the musts
 * of any state that points to it.
 */
export const matcherSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), text: z.string() }).strict(),
  z.object({ kind: z.literal('mergeField'), field: z.enum(MERGE_FIELD_IDS) }).strict(),
  /** Case-insensitive regular expression over the letter's plain text. */
  z.object({ kind: z.literal('text'), pattern: z.string() }).strict(),
]);
export type Matcher = z.output<typeof matcherSchema>;
