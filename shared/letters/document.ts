import { z } from 'zod';
import { MERGE_FIELD_IDS } from './merge-fields';

/**
 * A letter's body: the subset of ProseMirror/TipTap JSON the editor produces and the PDF, DOCX
 * and HTML renderers read. Headings, paragraphs, bullet and numbered lists, tables, bold and
 * italic, line breaks, and merge fields: inline tokens that show a live case value until the
 * letter is frozen, which replaces them with text.
 */
const markSchema = z.object({ type: z.enum(['bold', 'italic']) });

const textNodeSchema = z.object({
  type: z.literal('text'),
  text: z.string().min(1),
  marks: z.array(markSchema).optional(),
});
const mergeFieldNodeSchema = z.object({
  type: z.literal('mergeField'),
  attrs: z.object({ field: z.enum(MERGE_FIELD_IDS) }),
});
const hardBreakSchema = z.object({ type: z.literal('hardBreak') });
const inlineSchema = z.discriminatedUnion('type', [textNodeSchema, mergeFieldNodeSchema, hardBreakSchema]);
export type InlineNode = z.output<typeof inlineSchema>;

const paragraphSchema = z.object({
  type: z.literal('paragraph'),
  content: z.array(inlineSchema).optional(),
});
const headingSchema = z.object({
  type: z.literal('heading'),
  attrs: z.looseObject({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]) }),
  content: z.array(inlineSchema).optional(),
});

export interface ListItemNode {
  type: 'listItem';
  content: BlockNode[];
}
export interface ListNode {
  type: 'bulletList' | 'orderedList';
  attrs?: Record<string, unknown>;
  content: ListItemNode[];
}
export interface TableCellNode {
  type: 'tableCell' | 'tableHeader';
  attrs?: Record<string, unknown>;
  content: z.output<typeof paragraphSchema>[];
}
export interface TableNode {
  type: 'table';
  content: { type: 'tableRow'; content: TableCellNode[] }[];
}
export type BlockNode =
  z.output<typeof paragraphSchema> | z.output<typeof headingSchema> | ListNode | TableNode;

const cellSchema: z.ZodType<TableCellNode> = z.object({
  type: z.enum(['tableCell', 'tableHeader']),
  attrs: z.record(z.string(), z.unknown()).optional(),
  content: z.array(paragraphSchema),
});
const tableSchema: z.ZodType<TableNode> = z.object({
  type: z.literal('table'),
  content: z.array(z.object({ type: z.literal('tableRow'), content: z.array(cellSchema).min(1) })).min(1),
});
const listItemSchema: z.ZodType<ListItemNode> = z.lazy(() =>
  z.object({ type: z.literal('listItem'), content: z.array(blockSchema) }),
);
const listSchema: z.ZodType<ListNode> = z.object({
  type: z.enum(['bulletList', 'orderedList']),
  attrs: z.record(z.string(), z.unknown()).optional(),
  content: z.array(listItemSchema),
});
const blockSchema: z.ZodType<BlockNode> = z.lazy(() =>
  z.union([paragraphSchema, headingSchema, listSchema, tableSchema]),
);

export const letterDocumentSchema = z.object({ type: z.literal('doc'), content: z.array(blockSchema) });
export type LetterDocument = z.output<typeof letterDocumentSchema>;
