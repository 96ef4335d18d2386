import type { EvidenceKind } from '../../shared/domain/evidence';
import { hasClosingTag, isHtmlStart, isSvgElement, markupStart } from './markup-sniff';

export interface TextType {
  kind: EvidenceKind;
  mediaType: string;
}

const SVG: TextType = { kind: 'source', mediaType: 'image/svg+xml' };
const HTML: TextType = { kind: 'source', mediaType: 'text/html' };
const XHTML: TextType = { kind: 'source', mediaType: 'application/xhtml+xml' };
const XML: TextType = { kind: 'source', mediaType: 'application/xml' };

/** Markup that a browser could run, by extension: used when the content alone does not say. */
const MARKUP_EXTENSIONS: Record<string, TextType> = {
  html: HTML,
  htm: HTML,
  shtml: HTML,
  xhtml: XHTML,
  xht: XHTML,
  svg: SVG,
  svgz: SVG,
  xml: XML,
  xsl: XML,
  xslt: XML,
  mht: HTML,
  mhtml: HTML,
};

const PLAIN_EXTENSIONS: Record<string, string> = {
  md: 'text/markdown',
  markdown: 'text/markdown',
  log: 'text/x-log',
};

/**
 * Decides how a text is previewed from its first characters, the extension breaking ties.
 * Markup comes first: anything scriptable must end up as `source` so it is never rendered.
 * `hint` is the media type a binary signature reader gave for a text format (vCard, RTF…).
 */
export function sniffText(text: string, name: string, hint: string | null): TextType {
  const extension = extensionOf(name);
  const markup = markupFromContent(text);
  if (markup) return markup;
  if (extension === 'eml' ? startsWithHeaders(text, 1) : looksLikeEmail(text)) {
    return { kind: 'email', mediaType: 'message/rfc822' };
  }
  const byExtension = MARKUP_EXTENSIONS[extension];
  if (byExtension) return byExtension;
  if (looksLikeJson(text, extension)) return { kind: 'json', mediaType: 'application/json' };
  if (extension === 'csv') return { kind: 'csv', mediaType: 'text/csv' };
  if (extension === 'tsv' || extension === 'tab')
    return { kind: 'csv', mediaType: 'text/tab-separated-values' };
  if (hint) return { kind: 'text', mediaType: hint };
  if (hasConsistentDelimiter(text)) return { kind: 'csv', mediaType: 'text/csv' };
  return { kind: 'text', mediaType: PLAIN_EXTENSIONS[extension] ?? 'text/plain' };
}

export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function markupFromContent(text: string): TextType | null {
  const start = markupStart(text);
  const element = start.firstElement;
  if (element !== null && isSvgElement(element)) return SVG;
  if (start.xmlDeclaration) return element === 'html' ? XHTML : XML;
  if (start.htmlDoctype || (element !== null && isHtmlStart(element, text))) return HTML;
  // Another element at the very start without a declaration (RSS, a SOAP body…) is still markup.
  return element !== null && hasClosingTag(element, text) ? XML : null;
}

const HEADER_LINE = /^[!#-9;-~]+:/;
const MAIL_HEADERS = new Set(['from', 'to', 'subject', 'date', 'received', 'message-id', 'return-path']);
const HEADER_SCAN_LINES = 200;

/** An RFC 5322 header block: several header lines at the start, naming mail headers. */
function looksLikeEmail(text: string): boolean {
  const names = headerNames(text);
  if (names === null || names.length < 3) return false;
  const known = new Set(names.filter((n) => MAIL_HEADERS.has(n)));
  return known.size >= 2;
}

function startsWithHeaders(text: string, minimum: number): boolean {
  const names = headerNames(text);
  return names !== null && names.length >= minimum;
}

/** Lower-cased names of the header lines at the start, or null if a non-header line interrupts them. */
function headerNames(text: string): string[] | null {
  const names: string[] = [];
  const lines = text.split('\n', HEADER_SCAN_LINES);
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/\r$/, '');
    if (line === '') return names.length > 0 ? names : null;
    if (/^[ \t]/.test(line) && names.length > 0) continue;
    const match = HEADER_LINE.exec(line);
    if (!match) return index === lines.length - 1 && names.length > 0 ? names : null;
    names.push(match[0].slice(0, -1).toLowerCase());
  }
  return names.length > 0 ? names : null;
}

const JSON_EXTENSIONS = new Set(['json', 'jsonl', 'ndjson', 'geojson', 'har']);

function looksLikeJson(text: string, extension: string): boolean {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return false;
  if (JSON_EXTENSIONS.has(extension)) return true;
  return parses(trimmed);
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const DELIMITERS = [',', '\t', ';', '|'];
const DELIMITER_SAMPLE_LINES = 10;

/** The same number of delimiters (outside quotes) on each of the first lines, at least three of them. */
function hasConsistentDelimiter(text: string): boolean {
  // The last line of a head may be cut short, so only complete lines count.
  const lines = text.split('\n').slice(0, -1).slice(0, DELIMITER_SAMPLE_LINES);
  const usable = lines.map((line) => line.replace(/\r$/, '')).filter((line) => line !== '');
  if (usable.length < 3) return false;
  return DELIMITERS.some((delimiter) => {
    const counts = usable.map((line) => countOutsideQuotes(line, delimiter));
    const first = counts[0] ?? 0;
    return first > 0 && counts.every((count) => count === first);
  });
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count++;
  }
  return count;
}
