import type { InlineNode, ListNode, TableCellNode } from '../../../shared/letters/document';
import { MERGE_FIELDS, type MergeFieldId } from '../../../shared/letters/merge-fields';
import type { Letterhead, LetterRenderInput } from './letter-render-input';

/**
 * What the three renderers print, worked out once: inline content as styled runs with merge
 * fields resolved, the letterhead's lines, list numbering. Each renderer only lays these out,
 * so the PDF, the Word document and the HTML page carry the same text.
 */
export interface TextRun {
  kind: 'text';
  text: string;
  bold: boolean;
  italic: boolean;
  /** A merge field with no value: printed as `[Field label]` and highlighted. */
  missing: boolean;
}
export interface BreakRun {
  kind: 'break';
}
export type Run = TextRun | BreakRun;

const LABELS = new Map<string, string>(MERGE_FIELDS.map((field) => [field.id, field.label]));

/** A merge field's printed text: its value, or its label in brackets when it has none. */
function mergeFieldText(
  field: MergeFieldId,
  values: LetterRenderInput['values'],
): { text: string; missing: boolean } {
  const value = values[field];
  if (typeof value === 'string' && value.trim() !== '') return { text: value, missing: false };
  return { text: `[${LABELS.get(field) ?? field}]`, missing: true };
}

/** Splits text on line breaks (a multi-line address, say) into text and break runs. */
function pushText(runs: Run[], text: string, style: Omit<TextRun, 'kind' | 'text'>): void {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, index) => {
    if (index > 0) runs.push({ kind: 'break' });
    if (line !== '') runs.push({ kind: 'text', text: line, ...style });
  });
}

/** A paragraph's or heading's content as runs; merge fields become their text. */
export function inlineRuns(
  content: readonly InlineNode[] | undefined,
  values: LetterRenderInput['values'],
): Run[] {
  const runs: Run[] = [];
  for (const node of content ?? []) {
    if (node.type === 'hardBreak') {
      runs.push({ kind: 'break' });
    } else if (node.type === 'mergeField') {
      const { text, missing } = mergeFieldText(node.attrs.field, values);
      pushText(runs, text, { bold: false, italic: false, missing });
    } else {
      const marks = node.marks ?? [];
      pushText(runs, node.text, {
        bold: marks.some((mark) => mark.type === 'bold'),
        italic: marks.some((mark) => mark.type === 'italic'),
        missing: false,
      });
    }
  }
  return runs;
}

/** The letterhead as lines: the organisation's name, then its address lines, then the contact line. */
export function letterheadLines(letterhead: Letterhead): { name: string; lines: string[] } {
  const address = letterhead.address
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const contact = letterhead.contact.trim();
  return { name: letterhead.organisation.trim(), lines: contact === '' ? address : [...address, contact] };
}

/** The first number of an ordered list (TipTap's `start` attribute), 1 by default. */
export function listStart(list: ListNode): number {
  const start = list.attrs?.start;
  return typeof start === 'number' && Number.isInteger(start) && start >= 0 ? start : 1;
}

/** How many columns a table cell spans (TipTap's `colspan`), at least 1. */
export function cellSpan(cell: TableCellNode): number {
  const span = cell.attrs?.colspan;
  return typeof span === 'number' && Number.isInteger(span) && span > 1 ? span : 1;
}
