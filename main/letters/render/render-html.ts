import type { BlockNode, ListNode, TableNode } from '../../../shared/letters/document';
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
import { escapeHtml } from '../../formats/html/html-escape';

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

function inlineHtml(runs: readonly Run[]): string {
  return runs
    .map((run) => {
      if (run.kind === 'break') return '<br>';
      let html = escapeHtml(run.text);
      if (run.italic) html = `<em>${html}</em>`;
      if (run.bold) html = `<strong>${html}</strong>`;
      if (run.missing) html = `<mark class="merge-missing">${html}</mark>`;
      return html;
    })
    .join('');
}

interface Depth {
  ordered: number;
  bullet: number;
}

function listHtml(list: ListNode, input: LetterRenderInput, depth: Depth): string {
  const ordered = list.type === 'orderedList';
  const style = listMarkerStyle(ordered, ordered ? depth.ordered : depth.bullet);
  const inner: Depth = ordered
    ? { ...depth, ordered: depth.ordered + 1 }
    : { ...depth, bullet: depth.bullet + 1 };
  const items = list.content.map((item) => `<li>${blocksHtml(item.content, input, inner)}</li>`).join('\n');
  const start = listStart(list);
  const tag = ordered ? 'ol' : 'ul';
  const startAttr = ordered && start !== 1 ? ` start="${start}"` : '';
  return `<${tag} class="list-${style}"${startAttr}>\n${items}\n</${tag}>`;
}

function tableHtml(table: TableNode, input: LetterRenderInput): string {
  const rows = table.content.map((row) => {
    const cells = row.content.map((cell) => {
      const tag = cell.type === 'tableHeader' ? 'th' : 'td';
      const span = cellSpan(cell);
      const spanAttr = span > 1 ? ` colspan="${span}"` : '';
      const paragraphs = cell.content.map((p) => `<p>${inlineHtml(inlineRuns(p.content, input.values))}</p>`);
      return `<${tag}${spanAttr}>${paragraphs.join('')}</${tag}>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table>\n${rows.join('\n')}\n</table>`;
}

function blocksHtml(blocks: readonly BlockNode[], input: LetterRenderInput, depth: Depth): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return `<p>${inlineHtml(inlineRuns(block.content, input.values))}</p>`;
        case 'heading': {
          const tag = `h${block.attrs.level}`;
          return `<${tag}>${inlineHtml(inlineRuns(block.content, input.values))}</${tag}>`;
        }
        case 'bulletList':
        case 'orderedList':
          return listHtml(block, input, depth);
        case 'table':
          return tableHtml(block, input);
      }
    })
    .join('\n');
}

/**
 * The letter as one self-contained HTML page: an inline style sheet, no scripts, nothing
 * fetched (the Content-Security-Policy forbids it), every piece of text escaped.
 */
export function renderLetterHtml(input: LetterRenderInput): string {
  const head = letterheadLines(input.letterhead);
  const letterhead = [
    head.name === '' ? '' : `<p class="organisation">${escapeHtml(head.name)}</p>`,
    ...head.lines.map((line) => `<p>${escapeHtml(line)}</p>`),
  ].filter((line) => line !== '');
  return [
    '<!DOCTYPE html>',
    `<html lang="${input.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Breachdesk">',
    head.name === '' ? '' : `<meta name="author" content="${escapeHtml(head.name)}">`,
    `<title>${escapeHtml(input.title)}</title>`,
    `<style>\n${styleSheet(input)}\n</style>`,
    '</head>',
    '<body>',
    letterhead.length === 0 ? '' : `<header class="letterhead">\n${letterhead.join('\n')}\n</header>`,
    '<main>',
    blocksHtml(input.doc.content, input, { ordered: 0, bullet: 0 }),
    '</main>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line, index, all) => line !== '' || index === all.length - 1)
    .join('\n');
}
