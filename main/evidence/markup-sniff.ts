/** What the start of a text says about it being markup. */
export interface MarkupStart {
  /** The text opens with an XML declaration (`<?xml`). */
  xmlDeclaration: boolean;
  /** An HTML doctype came before the first element. */
  htmlDoctype: boolean;
  /** Lower-cased name of the first element, or null when the text does not start with markup. */
  firstElement: string | null;
}

/** The prolog may hold comments and a doctype; past this much the text is not treated as markup. */
const PROLOG_LIMIT = 8192;

/**
 * Reads the prolog of a text that starts (after whitespace) with `<`: declarations, processing
 * instructions, comments and a doctype, up to the first element. Only the start counts: a log
 * that quotes `<script>` further down is still a log, and shown as text either way.
 */
export function markupStart(text: string): MarkupStart {
  const result: MarkupStart = { xmlDeclaration: false, htmlDoctype: false, firstElement: null };
  let at = skipSpace(text, 0);
  result.xmlDeclaration = text.startsWith('<?xml', at);
  while (at < text.length && at < PROLOG_LIMIT && text[at] === '<') {
    const next = text[at + 1] ?? '';
    if (text.startsWith('<!--', at)) {
      at = endOf(text, '-->', at + 4);
    } else if (next === '?' || next === '!') {
      if (/^<!doctype\s+html\b/i.test(text.slice(at, at + 20))) result.htmlDoctype = true;
      at = endOf(text, '>', at + 2);
    } else {
      const match = /^<([A-Za-z][\w.:-]*)/.exec(text.slice(at, at + 100));
      result.firstElement = match?.[1]?.toLowerCase() ?? null;
      return result;
    }
    at = skipSpace(text, at);
  }
  return result;
}

function skipSpace(text: string, from: number): number {
  let at = from;
  while (at < text.length && /\s/.test(text[at] ?? '')) at++;
  return at;
}

function endOf(text: string, closer: string, from: number): number {
  const found = text.indexOf(closer, from);
  return found < 0 ? text.length : found + closer.length;
}

/** `svg` or a namespaced `svg:svg`. */
export function isSvgElement(name: string): boolean {
  return name === 'svg' || name.endsWith(':svg');
}

/** Elements that only an HTML document starts with. */
const HTML_START_ELEMENTS = new Set([
  'html',
  'head',
  'body',
  'script',
  'meta',
  'title',
  'style',
  'link',
  'base',
]);

/** Elements an HTML fragment may start with; they count only once their closing tag shows up too. */
const HTML_FRAGMENT_ELEMENTS = new Set([
  'div',
  'table',
  'form',
  'iframe',
  'object',
  'p',
  'a',
  'span',
  'h1',
  'h2',
  'h3',
]);

/** Whether markup starting with `element` is HTML. */
export function isHtmlStart(element: string, text: string): boolean {
  return (
    HTML_START_ELEMENTS.has(element) || (HTML_FRAGMENT_ELEMENTS.has(element) && hasClosingTag(element, text))
  );
}

/**
 * A closing tag for the first element: what tells markup from text that merely opens with
 * something in angle brackets, such as a chat log's `<alice> hi`.
 */
export function hasClosingTag(element: string, text: string): boolean {
  return text.toLowerCase().includes(`</${element}`);
}
