import { z } from 'zod';

export const SEARCH_KINDS = [
  'facts',
  'obligation',
  'letter',
  'people',
  'event',
  'party',
  'task',
  'note',
  'evidence',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Snippets mark hits with these characters; the renderer turns them into <mark> as text nodes. */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

export const searchResultSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  title: z.string(),
  snippet: z.string(),
  /** For evidence text: the 1-based line of the first hit in the item's text. */
  line: z.number().int().positive().nullable(),
});
export type SearchResult = z.output<typeof searchResultSchema>;

/** Splits a snippet into plain and highlighted runs, for rendering without HTML. */
export function snippetRuns(snippet: string): { text: string; hit: boolean }[] {
  const runs: { text: string; hit: boolean }[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const start = rest.indexOf(HIT_START);
    if (start === -1) {
      runs.push({ text: rest, hit: false });
      break;
    }
    if (start > 0) runs.push({ text: rest.slice(0, start), hit: false });
    const end = rest.indexOf(HIT_END, start + 1);
    const stop = end === -1 ? rest.length : end;
    runs.push({ text: rest.slice(start + 1, stop), hit: true });
    rest = rest.slice(stop + 1);
  }
  return runs.filter((run) => run.text.length > 0);
}
