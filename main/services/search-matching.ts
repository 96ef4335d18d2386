import { HIT_END, HIT_START } from '../../shared/domain/search';

/** Lower case without diacritics, so "Québec" and "quebec" are the same word. */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of what a person typed, folded; empty when nothing searchable is left. */
export function queryWords(text: string): string[] {
  return folded(text).match(WORD) ?? [];
}

/**
 * Whether every query word starts a word of one of the texts (the way the full-text index reads
 * the last word typed, here for every word: the texts matched this way are short names).
 */
export function matchesAll(words: readonly string[], texts: readonly string[]): boolean {
  if (words.length === 0) return false;
  const tokens = texts.flatMap((text) => folded(text).match(WORD) ?? []);
  return words.every((word) => tokens.some((token) => token.startsWith(word)));
}

/** The text with every word that a query word starts marked as a hit (HIT_START … HIT_END). */
export function marked(text: string, words: readonly string[]): string {
  return text.replace(WORD, (token) =>
    words.some((word) => folded(token).startsWith(word)) ? `${HIT_START}${token}${HIT_END}` : token,
  );
}

/** The first text that holds a hit, marked; the first text plain when none does. */
export function snippetOf(texts: readonly string[], words: readonly string[]): string {
  for (const text of texts) {
    const mark = marked(text, words);
    if (mark.includes(HIT_START)) return mark;
  }
  return texts[0] ?? '';
}
