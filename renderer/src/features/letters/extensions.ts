import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import type { Extensions } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { MergeField } from './merge-field';

const withoutStyle = (HTMLAttributes: Record<string, unknown>) => {
  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(HTMLAttributes)) {
    if (key !== 'style' && key !== 'colwidth' && value !== null && value !== undefined)
      attributes[key] = value;
  }
  return attributes;
};

/**
 * Tables without inline styles: the CSP forbids style attributes, so no column widths, no
 * colgroup, no node view that sizes columns, and cells hold paragraphs only (the letter schema).
 */
const PlainTable = Table.extend({
  renderHTML({ HTMLAttributes }) {
    return ['table', { ...withoutStyle(HTMLAttributes), class: 'letter-table' }, ['tbody', 0]];
  },
}).configure({ resizable: false, View: null, allowTableNodeSelection: false });

const PlainCell = TableCell.extend({
  content: 'paragraph+',
  renderHTML({ HTMLAttributes }) {
    return ['td', withoutStyle(HTMLAttributes), 0];
  },
});

const PlainHeader = TableHeader.extend({
  content: 'paragraph+',
  renderHTML({ HTMLAttributes }) {
    return ['th', withoutStyle(HTMLAttributes), 0];
  },
});

/** What the letter editor (and the read-only view of a past version) can hold: the letter schema. */
export function letterExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3] },
      blockquote: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      link: false,
      dropcursor: false,
    }),
    PlainTable,
    TableRow,
    PlainHeader,
    PlainCell,
    MergeField,
  ];
}
