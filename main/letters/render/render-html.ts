import type { BlockNode, ListNode, TableNode } from '../../../shared/letters/document';
import { markup, raw, type SafeHtml } from '../../formats/html/html-template';
import { cellSpan, inlineRuns, letterheadLines, listStart, type Run } from './letter-content';
import type { LetterRenderInput } from './letter-render-input';
import {
  BODY_FONT_PT,
  HEADING_FONT_PT,
  LETTERHEAD_NAME_PT,
  LINE_SPACING,
  listMarkerStyle,
  MISSING_FIELD_COLOR,
  paperFor,
  TABLE_BORDER_COLOR,
  TABLE_FONT_PT,
  TABLE_HEADER_FILL,
} from './letter-style';

/** Nothing is loaded or run: no scripts, no fetches, only the inline style sheet. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'";

function styleSheet(input: LetterRenderInput): string {
  const paper = paperFor(input.jurisdiction) === 'LETTER' ? 'letter' : 'A4';
  return [
    `@page { size: ${paper}; margin: 1in; }`,
    'body { margin: 0 auto; max-width: 46rem; padding: 2rem; color: #000; background: #fff;',
    `  font-family: "DejaVu Sans", Verdana, Arial, sans-serif; font-size: ${BODY_FONT_PT}pt; line-height: ${LINE_SPACING}; }`,
    '@media print { body { max-width: none; padding: 0; } }',
    '.letterhead { border-bottom: 1px solid #000; padding-bottom: 0.5rem; margin-bottom: 1.5rem; }',
    `.letterhead .organisation { font-size: ${LETTERHEAD_NAME_PT}pt; font-weight: bold; margin: 0; }`,
    '.letterhead p { margin: 0; }',
    `h1 { font-size: ${HEADING_FONT_PT[1]}pt; font-weight: bold; margin: 0 0 0.8em; }`,
    `h2 { font-size: ${HEADING_FONT_PT[2]}pt; font-weight: bold; margin: 1.2em 0 0.4em; }`,
    `h3 { font-size: ${HEADING_FONT_PT[3]}pt; font-weight: bold; margin: 1em 0 0.3em; }`,
    'p { margin: 0 0 0.6em; }',
    'ul, ol { margin: 0 0 0.6em; padding-left: 2em; }',
    'li > p { margin: 0 0 0.2em; }',
    'li > ul, li > ol { margin-bottom: 0.2em; }',
    '.list-decimal { list-style-type: decimal; } .list-lower-alpha { list-style-type: lower-alpha; }',
    '.list-lower-roman { list-style-type: lower-roman; } .list-disc { list-style-type: disc; }',
    '.list-circle { list-style-type: circle; } .list-square { list-style-type: square; }',
    `table { border-collapse: collapse; width: 100%; margin: 0 0 0.8em; font-size: ${TABLE_FONT_PT}pt; }`,
    `th, td { border: 1px solid ${TABLE_BORDER_COLOR}; padding: 4px 6px; text-align: left; vertical-align: top; }`,
    `th { background: ${TABLE_HEADER_FILL}; }`,
    'th p, td p { margin: 0; }',
    `mark.merge-missing { background: ${MISSING_FIELD_COLOR}; color: #000; }`,
  ].join('\n');
}

/** The parts one to a line: the page's source stays readable, and its layout as it always was. */
function onePerLine(parts: readonly SafeHtml[]): SafeHtml {
  return markup`${parts.map((part, index) => (index === 0 ? part : markup`\n${part}`))}`;
}

function runHtml(run: Run): SafeHtml {
  if (run.kind === 'break') return markup`<br>`;
  let html = markup`${run.text}`;
  if (run.italic) html = markup`<em>${html}</em>`;
  if (run.bold) html = markup`<strong>${html}</strong>`;
  if (run.missing) html = markup`<mark class="merge-missing">${html}</mark>`;
  return html;
}

function inlineHtml(runs: readonly Run[]): SafeHtml {
  return markup`${runs.map(runHtml)}`;
}

interface Depth {
  ordered: number;
  bullet: number;
}

function listHtml(list: ListNode, input: LetterRenderInput, depth: Depth): SafeHtml {
  const ordered = list.type === 'orderedList';
  const style = listMarkerStyle(ordered, ordered ? depth.ordered : depth.bullet);
  const inner: Depth = ordered
    ? { ...depth, ordered: depth.ordered + 1 }
    : { ...depth, bullet: depth.bullet + 1 };
  const items = list.content.map((item) => markup`<li>${blocksHtml(item.content, input, inner)}</li>`);
  const start = listStart(list);
  const tag = ordered ? 'ol' : 'ul';
  const startAttr = ordered && start !== 1 ? markup` start="${start}"` : null;
  return markup`<${tag} class="list-${style}"${startAttr}>\n${onePerLine(items)}\n</${tag}>`;
}

function tableHtml(table: TableNode, input: LetterRenderInput): SafeHtml {
  const rows = table.content.map((row) => {
    const cells = row.content.map((cell) => {
      const tag = cell.type === 'tableHeader' ? 'th' : 'td';
      const span = cellSpan(cell);
      const spanAttr = span > 1 ? markup` colspan="${span}"` : null;
      const paragraphs = cell.content.map(
        (p) => markup`<p>${inlineHtml(inlineRuns(p.content, input.values))}</p>`,
      );
      return markup`<${tag}${spanAttr}>${paragraphs}</${tag}>`;
    });
    return markup`<tr>${cells}</tr>`;
  });
  return markup`<table>\n${onePerLine(rows)}\n</table>`;
}

function blockHtml(block: BlockNode, input: LetterRenderInput, depth: Depth): SafeHtml {
  switch (block.type) {
    case 'paragraph':
      return markup`<p>${inlineHtml(inlineRuns(block.content, input.values))}</p>`;
    case 'heading': {
      const tag = `h${block.attrs.level}`;
      return markup`<${tag}>${inlineHtml(inlineRuns(block.content, input.values))}</${tag}>`;
    }
    case 'bulletList':
    case 'orderedList':
      return listHtml(block, input, depth);
    case 'table':
      return tableHtml(block, input);
  }
}

function blocksHtml(blocks: readonly BlockNode[], input: LetterRenderInput, depth: Depth): SafeHtml {
  return onePerLine(blocks.map((block) => blockHtml(block, input, depth)));
}

/**
 * The letter as one self-contained HTML page: an inline style sheet, no scripts, nothing
 * fetched (the Content-Security-Policy forbids it), every piece of text escaped.
 */
export function renderLetterHtml(input: LetterRenderInput): string {
  const head = letterheadLines(input.letterhead);
  const letterhead = [
    head.name === '' ? null : markup`<p class="organisation">${head.name}</p>`,
    ...head.lines.map((line) => markup`<p>${line}</p>`),
  ].filter((line) => line !== null);
  // Optional parts carry their own line break, so a part left out leaves no empty line.
  const author = head.name === '' ? null : markup`<meta name="author" content="${head.name}">\n`;
  const header =
    letterhead.length === 0
      ? null
      : markup`<header class="letterhead">\n${onePerLine(letterhead)}\n</header>\n`;
  const body =
    input.doc.content.length === 0
      ? null
      : markup`${blocksHtml(input.doc.content, input, { ordered: 0, bullet: 0 })}\n`;
  // The style sheet is this program's constants (sizes, colours, the paper size chosen from the
  // jurisdiction, never its text): CSS, so not escaped.
  const page = markup`<!DOCTYPE html>
<html lang="${input.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Breachdesk">
${author}<title>${input.title}</title>
<style>
${raw(styleSheet(input))}
</style>
</head>
<body>
${header}<main>
${body}</main>
</body>
</html>
`;
  return page.toString();
}
