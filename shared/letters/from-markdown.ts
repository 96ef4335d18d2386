import MarkdownIt, { type Token } from 'markdown-it';
import {
  type BlockNode,
  type InlineNode,
  type LetterDocument,
  type ListItemNode,
  type TableCellNode,
  type TableNode,
  letterDocumentSchema,
} from './document';
import { MERGE_FIELD_IDS, MERGE_FIELDS, type MergeFieldId } from './merge-fields';

/**
 * Turns a template's Markdown body into the editor's document. Headings (levels below 3 become
 * 3), paragraphs, bullet and numbered lists, tables (the header row becomes `tableHeader`
 * cells), **bold**, *italic*, line breaks and `{{field.id}}` merge tokens. A line break inside a
 * paragraph is kept (letters have address blocks), so `breaks` is on. Anything else the
 * Markdown holds (code, quotes, links, raw HTML) becomes plain text.
 */
const markdown = new MarkdownIt('commonmark', {
  html: false,
  breaks: true,
  linkify: false,
  typographer: false,
})
  .enable('table')
  .disable(['image']);

const MERGE_TOKEN = /\{\{\s*([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)\s*\}\}/g;
const FIELD_IDS: ReadonlySet<string> = new Set(MERGE_FIELD_IDS);

function isMergeFieldId(id: string): id is MergeFieldId {
  return FIELD_IDS.has(id);
}

type MarkName = 'bold' | 'italic';

/** Splits text at `{{field}}` tokens; an unknown field name stays as text. */
function splitMergeTokens(text: string, marks: readonly MarkName[] = []): InlineNode[] {
  const out: InlineNode[] = [];
  const pushText = (t: string) => {
    if (t === '') return;
    out.push(
      marks.length > 0
        ? { type: 'text', text: t, marks: marks.map((type) => ({ type })) }
        : { type: 'text', text: t },
    );
  };
  let last = 0;
  let pending = '';
  for (const match of text.matchAll(MERGE_TOKEN)) {
    const field = match[1] ?? '';
    const index = match.index;
    pending += text.slice(last, index);
    last = index + match[0].length;
    if (isMergeFieldId(field)) {
      pushText(pending);
      pending = '';
      out.push({ type: 'mergeField', attrs: { field } });
    } else {
      pending += match[0];
    }
  }
  pushText(pending + text.slice(last));
  return out;
}

function inlineNodes(token: Token | undefined): InlineNode[] {
  const children = token?.children ?? [];
  const out: InlineNode[] = [];
  const marks: MarkName[] = [];
  let buffer = '';
  let bufferMarks: MarkName[] = [];
  const flush = () => {
    if (buffer !== '') out.push(...splitMergeTokens(buffer, bufferMarks));
    buffer = '';
  };
  const addText = (text: string) => {
    if (text === '') return;
    const current = orderedMarks(marks);
    if (buffer !== '' && current.join() !== bufferMarks.join()) flush();
    bufferMarks = current;
    buffer += text;
  };
  const toggle = (mark: MarkName, on: boolean) => {
    if (on) marks.push(mark);
    else {
      const at = marks.lastIndexOf(mark);
      if (at >= 0) marks.splice(at, 1);
    }
  };
  for (const child of children) {
    switch (child.type) {
      case 'text':
      case 'text_special':
      case 'code_inline':
      case 'html_inline':
        addText(child.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        flush();
        out.push({ type: 'hardBreak' });
        break;
      case 'strong_open':
      case 'strong_close':
        toggle('bold', child.type === 'strong_open');
        break;
      case 'em_open':
      case 'em_close':
        toggle('italic', child.type === 'em_open');
        break;
      case 'link_open':
      case 'link_close':
        break;
      default:
        addText(child.content);
    }
  }
  flush();
  return out;
}

function orderedMarks(marks: readonly MarkName[]): MarkName[] {
  return (['bold', 'italic'] as const).filter((m) => marks.includes(m));
}

function paragraph(content: InlineNode[]): BlockNode {
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

/** Reads block tokens from `start` until a token of type `until` (or the end); returns the blocks and the index after it. */
function blocks(tokens: readonly Token[], start: number, until: string | null): [BlockNode[], number] {
  const out: BlockNode[] = [];
  let i = start;
  while (i < tokens.length) {
    const token = tokens[i];
    if (token === undefined) break;
    if (until !== null && token.type === until) return [out, i + 1];
    switch (token.type) {
      case 'heading_open': {
        const level = Math.min(3, Math.max(1, Number(token.tag.slice(1)) || 1)) as 1 | 2 | 3;
        const content = inlineNodes(tokens[i + 1]);
        out.push(
          content.length > 0
            ? { type: 'heading', attrs: { level }, content }
            : { type: 'heading', attrs: { level } },
        );
        i = skipTo(tokens, i + 1, 'heading_close');
        break;
      }
      case 'paragraph_open': {
        out.push(paragraph(inlineNodes(tokens[i + 1])));
        i = skipTo(tokens, i + 1, 'paragraph_close');
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = token.type === 'ordered_list_open';
        const [items, next] = listItems(tokens, i + 1, ordered ? 'ordered_list_close' : 'bullet_list_close');
        const startAttr = Number(token.attrGet('start') ?? '1');
        out.push(
          ordered
            ? {
                type: 'orderedList',
                attrs: { start: Number.isFinite(startAttr) ? startAttr : 1 },
                content: items,
              }
            : { type: 'bulletList', content: items },
        );
        i = next;
        break;
      }
      case 'table_open': {
        const [table, next] = tableNode(tokens, i + 1);
        if (table.content.length > 0) out.push(table);
        i = next;
        break;
      }
      case 'blockquote_open': {
        const [inner, next] = blocks(tokens, i + 1, 'blockquote_close');
        out.push(...inner);
        i = next;
        break;
      }
      case 'fence':
      case 'code_block':
      case 'html_block': {
        const lines = token.content.replace(/\n+$/, '').split('\n');
        const content: InlineNode[] = [];
        lines.forEach((line, n) => {
          if (n > 0) content.push({ type: 'hardBreak' });
          content.push(...splitMergeTokens(line));
        });
        out.push(paragraph(content));
        i += 1;
        break;
      }
      case 'inline': {
        const content = inlineNodes(token);
        if (content.length > 0) out.push(paragraph(content));
        i += 1;
        break;
      }
      default:
        i += 1;
    }
  }
  return [out, i];
}

function skipTo(tokens: readonly Token[], from: number, type: string): number {
  let i = from;
  while (i < tokens.length && tokens[i]?.type !== type) i += 1;
  return i + 1;
}

function listItems(tokens: readonly Token[], start: number, close: string): [ListItemNode[], number] {
  const items: ListItemNode[] = [];
  let i = start;
  while (i < tokens.length) {
    const token = tokens[i];
    if (token === undefined || token.type === close) return [items, i + 1];
    if (token.type === 'list_item_open') {
      const [content, next] = blocks(tokens, i + 1, 'list_item_close');
      items.push({ type: 'listItem', content: content.length > 0 ? content : [{ type: 'paragraph' }] });
      i = next;
    } else i += 1;
  }
  return [items, i];
}

function tableNode(tokens: readonly Token[], start: number): [TableNode, number] {
  const rows: TableNode['content'] = [];
  let cells: TableCellNode[] = [];
  let i = start;
  while (i < tokens.length) {
    const token = tokens[i];
    if (token === undefined || token.type === 'table_close') return [{ type: 'table', content: rows }, i + 1];
    if (token.type === 'tr_open') cells = [];
    else if (token.type === 'tr_close') {
      if (cells.length > 0) rows.push({ type: 'tableRow', content: cells });
    } else if (token.type === 'th_open' || token.type === 'td_open') {
      const next = tokens[i + 1];
      const content = next?.type === 'inline' ? inlineNodes(next) : [];
      cells.push({
        type: token.type === 'th_open' ? 'tableHeader' : 'tableCell',
        content: [content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' }],
      });
    }
    i += 1;
  }
  return [{ type: 'table', content: rows }, i];
}

/** The editor document of a template body (Markdown with `{{field.id}}` tokens). */
export function documentFromTemplate(body: string): LetterDocument {
  const [content] = blocks(markdown.parse(body, {}), 0, null);
  return letterDocumentSchema.parse({ type: 'doc', content });
}

/** The label of a merge field, for "[Label]" placeholders and check details. */
export function mergeFieldLabel(id: MergeFieldId): string {
  return MERGE_FIELDS.find((f) => f.id === id)?.label ?? id;
}

export { freezeDocument, plainTextOf, headingTexts, mergeFieldsIn, type MergeValues } from './plain-text';
