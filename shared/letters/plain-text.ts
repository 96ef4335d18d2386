import type { BlockNode, InlineNode, LetterDocument } from './document';
import { MERGE_FIELDS, type MergeFieldId } from './merge-fields';

export type MergeValues = Partial<Record<MergeFieldId, string | null>>;

/** How a merge field with no value is shown: `[Label]` for people, '' when matching text. */
export type MissingStyle = 'label' | 'empty' | 'token';

function labelOf(id: MergeFieldId): string {
  return MERGE_FIELDS.find((f) => f.id === id)?.label ?? id;
}

/** The value of a merge field if it has one (non-blank). */
export function filledValue(values: MergeValues | undefined, id: MergeFieldId): string | null {
  const value = values?.[id];
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

function inlineText(
  nodes: readonly InlineNode[] | undefined,
  values: MergeValues | undefined,
  missing: MissingStyle,
): string {
  let out = '';
  for (const node of nodes ?? []) {
    if (node.type === 'text') out += node.text;
    else if (node.type === 'hardBreak') out += '\n';
    else {
      const value = filledValue(values, node.attrs.field);
      if (value !== null) out += value;
      else if (missing === 'label') out += `[${labelOf(node.attrs.field)}]`;
      else if (missing === 'token') out += `{{${node.attrs.field}}}`;
    }
  }
  return out;
}

function blockLines(block: BlockNode, values: MergeValues | undefined, missing: MissingStyle): string[] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return [inlineText(block.content, values, missing)];
    case 'bulletList':
    case 'orderedList': {
      const startAttr = block.attrs?.start;
      let n = typeof startAttr === 'number' ? startAttr : 1;
      const lines: string[] = [];
      for (const item of block.content) {
        const marker = block.type === 'bulletList' ? '- ' : `${n++}. `;
        const inner = item.content
          .flatMap((b) => blockLines(b, values, missing))
          .join('\n')
          .split('\n');
        inner.forEach((line, i) => lines.push(i === 0 ? marker + line : ' '.repeat(marker.length) + line));
      }
      return [lines.join('\n')];
    }
    case 'table':
      return [
        block.content
          .map((row) =>
            row.content
              .map((cell) =>
                cell.content
                  .map((p) => inlineText(p.content, values, missing))
                  .join(' ')
                  .replaceAll('\n', ' '),
              )
              .join(' | '),
          )
          .join('\n'),
      ];
  }
}

/**
 * The letter as plain text: one block per paragraph (separated by a blank line), list items as
 * "- " or "1. ", table rows with " | " between cells. Merge fields show their value, or `[Label]`
 * when the case has none (`missing: 'empty'` leaves them out, for matching).
 */
export function plainTextOf(
  doc: LetterDocument,
  values?: MergeValues,
  missing: MissingStyle = 'label',
): string {
  return doc.content.flatMap((block) => blockLines(block, values, missing)).join('\n\n');
}

/** The plain text of the headings, in order. */
export function headingTexts(doc: LetterDocument, values?: MergeValues): { level: number; text: string }[] {
  return doc.content.flatMap((block) =>
    block.type === 'heading'
      ? [{ level: block.attrs.level, text: inlineText(block.content, values, 'empty').trim() }]
      : [],
  );
}

/** Every merge field the document holds, in order of first use. */
export function mergeFieldsIn(doc: LetterDocument): MergeFieldId[] {
  const found: MergeFieldId[] = [];
  const visitInline = (nodes: readonly InlineNode[] | undefined) => {
    for (const node of nodes ?? [])
      if (node.type === 'mergeField' && !found.includes(node.attrs.field)) found.push(node.attrs.field);
  };
  const visit = (block: BlockNode) => {
    if (block.type === 'paragraph' || block.type === 'heading') visitInline(block.content);
    else if (block.type === 'table')
      block.content.forEach((row) =>
        row.content.forEach((cell) => cell.content.forEach((p) => visitInline(p.content))),
      );
    else block.content.forEach((item) => item.content.forEach(visit));
  };
  doc.content.forEach(visit);
  return found;
}

function sameMarks(a: InlineNode, b: InlineNode): boolean {
  if (a.type !== 'text' || b.type !== 'text') return false;
  return (a.marks ?? []).map((m) => m.type).join() === (b.marks ?? []).map((m) => m.type).join();
}

function freezeInline(
  nodes: readonly InlineNode[] | undefined,
  values: MergeValues,
  missing: Set<MergeFieldId>,
): InlineNode[] {
  const out: InlineNode[] = [];
  const push = (node: InlineNode) => {
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.type === 'text' && node.type === 'text' && sameMarks(prev, node)) {
      out[out.length - 1] = { ...prev, text: prev.text + node.text };
    } else out.push(node);
  };
  for (const node of nodes ?? []) {
    if (node.type !== 'mergeField') {
      push(node);
      continue;
    }
    const value = filledValue(values, node.attrs.field);
    if (value === null) {
      missing.add(node.attrs.field);
      out.push(node);
      continue;
    }
    value.split(/\r?\n/).forEach((line, i) => {
      if (i > 0) push({ type: 'hardBreak' });
      if (line !== '') push({ type: 'text', text: line });
    });
  }
  return out;
}

function freezeBlock(block: BlockNode, values: MergeValues, missing: Set<MergeFieldId>): BlockNode {
  switch (block.type) {
    case 'paragraph':
    case 'heading': {
      if (block.content === undefined) return block;
      return { ...block, content: freezeInline(block.content, values, missing) };
    }
    case 'bulletList':
    case 'orderedList':
      return {
        ...block,
        content: block.content.map((item) => ({
          ...item,
          content: item.content.map((b) => freezeBlock(b, values, missing)),
        })),
      };
    case 'table':
      return {
        ...block,
        content: block.content.map((row) => ({
          ...row,
          content: row.content.map((cell) => ({
            ...cell,
            content: cell.content.map((p) =>
              p.content === undefined ? p : { ...p, content: freezeInline(p.content, values, missing) },
            ),
          })),
        })),
      };
  }
}

/**
 * Replaces merge fields with their values as plain text (a value's line breaks become hard
 * breaks). A field with no value stays a token and is listed in `missing`, so the letter still
 * shows what is unfilled.
 */
export function freezeDocument(
  doc: LetterDocument,
  values: MergeValues,
): { doc: LetterDocument; missing: MergeFieldId[] } {
  const missing = new Set<MergeFieldId>();
  const content = doc.content.map((block) => freezeBlock(block, values, missing));
  return { doc: { type: 'doc', content }, missing: [...missing] };
}
