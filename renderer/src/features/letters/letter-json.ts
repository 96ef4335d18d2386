import type { JSONContent } from '@tiptap/react';
import {
  letterDocumentSchema,
  type BlockNode,
  type InlineNode,
  type LetterDocument,
  type ListItemNode,
  type TableCellNode,
} from '../../../../shared/letters/document';
import { MERGE_FIELD_IDS, type MergeFieldId } from '../../../../shared/letters/merge-fields';

type Paragraph = Extract<BlockNode, { type: 'paragraph' }>;

const FIELDS: ReadonlySet<string> = new Set(MERGE_FIELD_IDS);

function inline(nodes: JSONContent[] | undefined): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'text') {
      if (typeof node.text !== 'string' || node.text === '') continue;
      const marks = (node.marks ?? [])
        .map((mark) => mark.type)
        .filter((type): type is 'bold' | 'italic' => type === 'bold' || type === 'italic')
        .map((type) => ({ type }));
      out.push(
        marks.length > 0 ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text },
      );
    } else if (node.type === 'mergeField') {
      const field: unknown = node.attrs?.field;
      if (typeof field === 'string' && FIELDS.has(field))
        out.push({ type: 'mergeField', attrs: { field: field as MergeFieldId } });
    } else if (node.type === 'hardBreak') {
      out.push({ type: 'hardBreak' });
    } else if (node.content !== undefined) {
      out.push(...inline(node.content));
    }
  }
  return out;
}

function paragraph(content: InlineNode[]): Paragraph {
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

/** Everything inside a node as inline content (for a table cell holding a heading or list). */
function flatten(node: JSONContent): InlineNode[] {
  if (node.type === 'text' || node.type === 'mergeField' || node.type === 'hardBreak') return inline([node]);
  const out: InlineNode[] = [];
  for (const child of node.content ?? []) {
    if (out.length > 0 && child.type !== 'text' && child.type !== 'mergeField' && child.type !== 'hardBreak')
      out.push({ type: 'hardBreak' });
    out.push(...flatten(child));
  }
  return out;
}

function cell(node: JSONContent): TableCellNode {
  const type = node.type === 'tableHeader' ? 'tableHeader' : 'tableCell';
  const attrs: Record<string, unknown> = {};
  for (const key of ['colspan', 'rowspan'] as const) {
    const value: unknown = node.attrs?.[key];
    if (typeof value === 'number' && value > 1) attrs[key] = value;
  }
  const content = (node.content ?? []).map((child) =>
    child.type === 'paragraph' ? paragraph(inline(child.content)) : paragraph(flatten(child)),
  );
  return {
    type,
    ...(Object.keys(attrs).length > 0 ? { attrs } : {}),
    content: content.length > 0 ? content : [paragraph([])],
  };
}

function block(node: JSONContent): BlockNode | null {
  switch (node.type) {
    case 'paragraph':
      return paragraph(inline(node.content));
    case 'heading': {
      const raw: unknown = node.attrs?.level;
      const level = raw === 1 || raw === 2 || raw === 3 ? raw : 3;
      const content = inline(node.content);
      return content.length > 0
        ? { type: 'heading', attrs: { level }, content }
        : { type: 'heading', attrs: { level } };
    }
    case 'bulletList':
    case 'orderedList': {
      const start: unknown = node.attrs?.start;
      const items: ListItemNode[] = (node.content ?? []).map((item) => ({
        type: 'listItem',
        content: blocks(item.content),
      }));
      return node.type === 'orderedList' && typeof start === 'number' && start !== 1
        ? { type: node.type, attrs: { start }, content: items }
        : { type: node.type, content: items };
    }
    case 'table': {
      const rows = (node.content ?? [])
        .map((row) => ({ type: 'tableRow' as const, content: (row.content ?? []).map(cell) }))
        .filter((row) => row.content.length > 0);
      return rows.length > 0 ? { type: 'table', content: rows } : null;
    }
    default: {
      // Anything else the editor might hold is kept as its text, never dropped.
      const content = flatten(node);
      return content.length > 0 ? paragraph(content) : null;
    }
  }
}

function blocks(nodes: JSONContent[] | undefined): BlockNode[] {
  return (nodes ?? []).map(block).filter((node): node is BlockNode => node !== null);
}

/**
 * The editor's JSON as the letter document the services accept: only the nodes, attributes and
 * marks of the schema (no alignment or widths TipTap adds), no empty text nodes. Null when the
 * result still does not pass the schema (which would be a bug here, not the user's doing).
 */
export function toLetterDocument(json: JSONContent): LetterDocument | null {
  const doc = { type: 'doc' as const, content: blocks(json.content) };
  const parsed = letterDocumentSchema.safeParse(doc);
  return parsed.success ? parsed.data : null;
}

/** The letter document as editor content (the schema is a subset of what the editor reads). */
export function toEditorContent(doc: LetterDocument): JSONContent {
  return doc;
}
