import { LineTally } from './line-tally';

/** A line longer than this many pages is cut where it is. */
const LONGEST_LINE_IN_PAGES = 4;

/**
 * Pages of a text already in memory (extracted from an e-mail, PDF or DOCX), cut like TextPager
 * cuts files: whole lines up to `pageChars` characters, a longer single line on its own page,
 * and a line over four pages cut where it is (never inside a surrogate pair).
 */
export function pagesOfText(
  text: string,
  pageChars = 65536,
): { text: string; firstLine: number; lineCount: number }[] {
  const tally = new LineTally();
  const pages: { text: string; firstLine: number; lineCount: number }[] = [];
  let start = 0;
  while (start < text.length) {
    const end = pageEnd(text, start, pageChars);
    const page = text.slice(start, end);
    pages.push({ text: page, ...tally.add(page) });
    start = end;
  }
  return pages;
}

function pageEnd(text: string, start: number, pageChars: number): number {
  if (text.length - start <= pageChars) return text.length;
  const withinPage = text.lastIndexOf('\n', start + pageChars - 1);
  if (withinPage >= start) return withinPage + 1;
  const longest = start + pageChars * LONGEST_LINE_IN_PAGES;
  const longLine = text.indexOf('\n', start + pageChars);
  if (longLine >= 0 && longLine < longest) return longLine + 1;
  if (text.length <= longest) return text.length;
  const code = text.charCodeAt(longest - 1);
  return code >= 0xd800 && code <= 0xdbff ? longest - 1 : longest;
}
