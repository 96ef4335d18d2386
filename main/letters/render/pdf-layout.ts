import type { BlockNode, ListNode, TableCellNode, TableNode } from '../../../shared/letters/document';
import { cellSpan, inlineRuns, letterheadLines, listStart, type Run } from './letter-content';
import type { LetterRenderInput } from './letter-render-input';
import {
  BODY_FONT_PT,
  FOOTER_FONT_PT,
  HEADING_FONT_PT,
  LETTERHEAD_NAME_PT,
  LINE_SPACING,
  LIST_INDENT_PT,
  listMarker,
  listMarkerStyle,
  MARGIN_PT,
  MIN_BODY_FONT_PT,
  MISSING_FIELD_COLOR,
  pageLabel,
  PAPER_SIZE_PT,
  TABLE_BORDER_COLOR,
  TABLE_FONT_PT,
  TABLE_HEADER_FILL,
  type Paper,
} from './letter-style';
import { fontFile, fontKey, type FontKey } from './pdf-fonts';

interface Fragment {
  text: string;
  font: FontKey;
  missing: boolean;
  width: number;
}
interface Line {
  fragments: Fragment[];
  size: number;
  height: number;
}
interface TextStyle {
  size: number;
  /** Bold throughout (headings, table headers), whatever the runs say. */
  bold: boolean;
}
interface Marker {
  text: string;
  /** Where the marker's right edge goes. */
  right: number;
}

const PARAGRAPH_GAP = 6;
const LIST_ITEM_GAP = 3;
const CELL_PARAGRAPH_GAP = 2;
const TABLE_GAP = 8;
const HEADING_BEFORE: Record<1 | 2 | 3, number> = { 1: 4, 2: 12, 3: 8 };
/** Lines of text a heading must have room for after it on its page ("keep with next"). */
const KEEP_WITH_NEXT_LINES = 3;
/** Below the letterhead: 4 pt to its rule, 18 pt from the rule to the letter. */
const LETTERHEAD_RULE_GAP = 22;

/** Type sizes and margins of a page layout. */
export interface Geometry {
  margin: number;
  body: number;
  headings: Record<1 | 2 | 3, number>;
  /** Line height as a multiple of the font size. */
  lineSpacing: number;
  /** Space between a table cell's border and its text. */
  cellPadding: number;
}

export const REGULAR: Geometry = {
  margin: MARGIN_PT,
  body: BODY_FONT_PT,
  headings: HEADING_FONT_PT,
  lineSpacing: LINE_SPACING,
  cellPadding: 4,
};
export const COMPACT: Geometry = {
  margin: 36,
  body: MIN_BODY_FONT_PT,
  headings: { 1: 13, 2: 11, 3: 10 },
  lineSpacing: 1.15,
  cellPadding: 2,
};

/**
 * Lays a letter out on pages: words wrapped by measured width with pdfkit's font metrics, a
 * new page when a line does not fit, markers beside list items, bordered tables.
 */
export class PdfLayout {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  y: number;
  private marker: Marker | null = null;

  readonly size: { width: number; height: number };
  /** Index in the file of the letter's first page: its page numbers count from there. */
  readonly firstPage: number;

  /** Lays out from the top of the document's current page, which is the letter's first. */
  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly input: LetterRenderInput,
    readonly paper: Paper,
    readonly geometry: Geometry = REGULAR,
  ) {
    this.size = PAPER_SIZE_PT[paper];
    this.left = geometry.margin;
    this.top = geometry.margin;
    this.y = geometry.margin;
    this.right = this.size.width - geometry.margin;
    this.bottom = this.size.height - geometry.margin;
    const range = doc.bufferedPageRange();
    this.firstPage = range.start + range.count - 1;
  }

  /**
   * Selects a face. The regular face is the document's default font, selected by its file:
   * pdfkit caches a font by the name it was selected with, except that a second name for an
   * already loaded face (say "regular" for the default) is never cached and the face is parsed
   * again on every call.
   */
  private use(font: FontKey): PDFKit.PDFDocument {
    return this.doc.font(font === 'regular' ? fontFile('regular') : font);
  }

  private measure(text: string, font: FontKey, size: number): number {
    return this.use(font).fontSize(size).widthOfString(text);
  }

  newPage(): void {
    // The letter's own paper, not the document's: a print batch may mix US Letter and A4.
    const margin = this.geometry.margin;
    this.doc.addPage({
      size: this.paper,
      margins: { top: margin, bottom: margin, left: margin, right: margin },
    });
    this.y = this.top;
  }

  /** Starts a new page unless `height` fits below the cursor (or the page is still empty). */
  ensure(height: number): void {
    if (this.y + height > this.bottom && this.y > this.top) this.newPage();
  }

  /** Wraps runs into lines no wider than `width`, breaking at spaces (inside a word only if it must). */
  layout(runs: readonly Run[], width: number, style: TextStyle): Line[] {
    const size = style.size;
    const height = size * this.geometry.lineSpacing;
    const lines: Line[] = [];
    let current: Fragment[] = [];
    let currentWidth = 0;
    let space: Fragment | null = null;
    const finish = (): void => {
      lines.push({ fragments: current, size, height });
      current = [];
      currentWidth = 0;
      space = null;
    };
    // Words are glued from the pieces of adjacent runs with no space between them.
    type Item = { kind: 'word'; parts: Fragment[] } | { kind: 'space'; part: Fragment } | { kind: 'break' };
    const items: Item[] = [];
    let word: Fragment[] | null = null;
    for (const run of runs) {
      if (run.kind === 'break') {
        word = null;
        items.push({ kind: 'break' });
        continue;
      }
      const font = fontKey(run.bold || style.bold, run.italic);
      for (const piece of run.text.split(/(\s+)/)) {
        if (piece === '') continue;
        if (/^\s+$/.test(piece)) {
          word = null;
          items.push({
            kind: 'space',
            part: { text: ' ', font, missing: run.missing, width: this.measure(' ', font, size) },
          });
        } else {
          const part: Fragment = {
            text: piece,
            font,
            missing: run.missing,
            width: this.measure(piece, font, size),
          };
          if (word === null) {
            word = [part];
            items.push({ kind: 'word', parts: word });
          } else {
            word.push(part);
          }
        }
      }
    }
    for (const item of items) {
      if (item.kind === 'break') {
        finish();
      } else if (item.kind === 'space') {
        if (current.length > 0) space = item.part;
      } else {
        const wordWidth = item.parts.reduce((sum, part) => sum + part.width, 0);
        const spaceWidth = space === null ? 0 : space.width;
        if (current.length > 0 && currentWidth + spaceWidth + wordWidth > width) finish();
        if (space !== null && current.length > 0) {
          current.push(space);
          currentWidth += space.width;
        }
        space = null;
        if (current.length === 0 && wordWidth > width) {
          // A word wider than the line (a long URL): cut it where it must be.
          for (const part of item.parts) {
            for (const char of part.text) {
              const charWidth = this.measure(char, part.font, size);
              if (current.length > 0 && currentWidth + charWidth > width) finish();
              current.push({ ...part, text: char, width: charWidth });
              currentWidth += charWidth;
            }
          }
        } else {
          current.push(...item.parts);
          currentWidth += wordWidth;
        }
      }
    }
    if (current.length > 0 || lines.length === 0 || items.at(-1)?.kind === 'break') finish();
    return lines;
  }

  /** Draws one line with its top at `y`; merges neighbouring fragments of one style into one text item. */
  drawLine(line: Line, x: number, y: number): void {
    const textTop = y + (line.height - line.size * 1.17) / 2;
    if (this.marker !== null) {
      const marker = this.marker;
      this.marker = null;
      const width = this.measure(marker.text, 'regular', line.size);
      this.doc.fillColor('black').text(marker.text, marker.right - width, textTop, { lineBreak: false });
    }
    const segments: Fragment[] = [];
    for (const fragment of line.fragments) {
      const last = segments.at(-1);
      if (last !== undefined && last.font === fragment.font && last.missing === fragment.missing) {
        last.text += fragment.text;
        last.width += fragment.width;
      } else {
        segments.push({ ...fragment });
      }
    }
    let cursor = x;
    for (const segment of segments) {
      if (segment.missing) {
        this.doc
          .save()
          .rect(cursor, textTop - 1, segment.width, line.size * 1.2 + 1)
          .fill(MISSING_FIELD_COLOR)
          .restore();
      }
      this.use(segment.font).fillColor('black').fontSize(line.size);
      this.doc.text(segment.text, cursor, textTop, { lineBreak: false });
      cursor += segment.width;
    }
  }

  /** Flows lines down the page, starting new pages as needed. */
  flow(lines: readonly Line[], x: number): void {
    for (const line of lines) {
      this.ensure(line.height);
      this.drawLine(line, x, this.y);
      this.y += line.height;
    }
  }

  /** The letterhead's lines: the organisation's name larger and bold, then its address and contact. */
  private letterheadLines(): Line[] {
    const head = letterheadLines(this.input.letterhead);
    const width = this.right - this.left;
    const text = (value: string, bold: boolean): Run[] => [
      { kind: 'text', text: value, bold, italic: false, missing: false },
    ];
    return [
      ...(head.name === ''
        ? []
        : this.layout(text(head.name, true), width, { size: LETTERHEAD_NAME_PT, bold: true })),
      ...head.lines.flatMap((line) =>
        this.layout(text(line, false), width, { size: this.geometry.body, bold: false }),
      ),
    ];
  }

  /** How far letterhead() moves the cursor down: its lines, the rule and the space below it. */
  letterheadHeight(): number {
    const lines = this.letterheadLines();
    return lines.length === 0 ? 0 : lines.reduce((sum, line) => sum + line.height, 0) + LETTERHEAD_RULE_GAP;
  }

  letterhead(): void {
    const lines = this.letterheadLines();
    this.flow(lines, this.left);
    if (lines.length === 0) return;
    this.y += 4;
    this.doc
      .save()
      .moveTo(this.left, this.y)
      .lineTo(this.right, this.y)
      .lineWidth(0.75)
      .strokeColor('black')
      .stroke()
      .restore();
    this.y += LETTERHEAD_RULE_GAP - 4;
  }

  blocks(
    blocks: readonly BlockNode[],
    x: number,
    width: number,
    depth: { ordered: number; bullet: number },
    inList: boolean,
  ): void {
    for (const block of blocks) {
      switch (block.type) {
        case 'paragraph':
          this.flow(
            this.layout(inlineRuns(block.content, this.input.values), width, {
              size: this.geometry.body,
              bold: false,
            }),
            x,
          );
          this.y += inList ? LIST_ITEM_GAP : PARAGRAPH_GAP;
          break;
        case 'heading': {
          const level = block.attrs.level;
          const size = this.geometry.headings[level];
          const lines = this.layout(inlineRuns(block.content, this.input.values), width, {
            size,
            bold: true,
          });
          if (this.y > this.top) this.y += HEADING_BEFORE[level];
          const keep =
            lines.reduce((sum, line) => sum + line.height, 0) +
            KEEP_WITH_NEXT_LINES * this.geometry.body * this.geometry.lineSpacing;
          this.ensure(keep);
          this.flow(lines, x);
          this.y += PARAGRAPH_GAP;
          break;
        }
        case 'bulletList':
        case 'orderedList':
          this.list(block, x, width, depth);
          if (!inList) this.y += PARAGRAPH_GAP - LIST_ITEM_GAP;
          break;
        case 'table':
          this.table(block, x, width);
          break;
      }
    }
  }

  private list(list: ListNode, x: number, width: number, depth: { ordered: number; bullet: number }): void {
    const ordered = list.type === 'orderedList';
    const style = listMarkerStyle(ordered, ordered ? depth.ordered : depth.bullet);
    const inner = ordered ? { ...depth, ordered: depth.ordered + 1 } : { ...depth, bullet: depth.bullet + 1 };
    const start = listStart(list);
    const textX = x + LIST_INDENT_PT;
    list.content.forEach((item, index) => {
      this.marker = { text: listMarker(style, start, index), right: textX - 5 };
      this.blocks(item.content, textX, width - LIST_INDENT_PT, inner, true);
      if (this.marker !== null) {
        // An empty item still shows its marker.
        this.flow(this.layout([], width - LIST_INDENT_PT, { size: this.geometry.body, bold: false }), textX);
      }
    });
  }

  private table(table: TableNode, x: number, width: number): void {
    const columns = Math.max(
      1,
      ...table.content.map((row) => row.content.reduce((sum, cell) => sum + cellSpan(cell), 0)),
    );
    const columnWidth = width / columns;
    const laidOut = table.content.map((row) => {
      let column = 0;
      const cells = row.content.map((cell) => {
        const span = Math.min(cellSpan(cell), Math.max(1, columns - column));
        const laid = this.cell(cell, x + column * columnWidth, columnWidth * span);
        column += span;
        return laid;
      });
      const height = Math.max(...cells.map((cell) => cell.height));
      return { cells, height, header: row.content.every((cell) => cell.type === 'tableHeader') };
    });
    const headerRows: typeof laidOut = [];
    for (const row of laidOut) {
      if (!row.header) break;
      headerRows.push(row);
    }
    laidOut.forEach((row, index) => {
      if (this.y + row.height > this.bottom && this.y > this.top) {
        this.newPage();
        // Header rows are repeated at the top of each page the table continues on.
        if (index >= headerRows.length) headerRows.forEach((header) => this.row(header));
      }
      this.row(row);
    });
    this.y += TABLE_GAP;
  }

  private cell(
    cell: TableCellNode,
    x: number,
    width: number,
  ): { x: number; width: number; header: boolean; paragraphs: Line[][]; height: number } {
    const header = cell.type === 'tableHeader';
    const paragraphs = cell.content.map((p) =>
      this.layout(inlineRuns(p.content, this.input.values), width - 2 * this.geometry.cellPadding, {
        size: TABLE_FONT_PT,
        bold: header,
      }),
    );
    const text = paragraphs.reduce((sum, lines) => sum + lines.reduce((s, line) => s + line.height, 0), 0);
    const gaps = Math.max(0, paragraphs.length - 1) * CELL_PARAGRAPH_GAP;
    const empty = paragraphs.length === 0 ? TABLE_FONT_PT * this.geometry.lineSpacing : 0;
    return { x, width, header, paragraphs, height: text + gaps + empty + 2 * this.geometry.cellPadding };
  }

  private row(row: { cells: ReturnType<PdfLayout['cell']>[]; height: number }): void {
    for (const cell of row.cells) {
      if (cell.header)
        this.doc.save().rect(cell.x, this.y, cell.width, row.height).fill(TABLE_HEADER_FILL).restore();
      this.doc
        .save()
        .rect(cell.x, this.y, cell.width, row.height)
        .lineWidth(0.5)
        .strokeColor(TABLE_BORDER_COLOR)
        .stroke()
        .restore();
      let y = this.y + this.geometry.cellPadding;
      cell.paragraphs.forEach((lines, index) => {
        if (index > 0) y += CELL_PARAGRAPH_GAP;
        for (const line of lines) {
          this.drawLine(line, cell.x + this.geometry.cellPadding, y);
          y += line.height;
        }
      });
    }
    this.y += row.height;
  }

  /**
   * "Page n of N" centred at the foot of each of the letter's pages, once their number is known
   * (the pages from firstPage on must still be buffered). Returns the number of pages.
   */
  pageNumbers(): number {
    const range = this.doc.bufferedPageRange();
    const total = range.start + range.count - this.firstPage;
    for (let page = 1; page <= total; page++) {
      this.doc.switchToPage(this.firstPage + page - 1);
      const label = pageLabel(this.input.language, page, total);
      const width = this.measure(label, 'regular', FOOTER_FONT_PT);
      const y = this.size.height - this.geometry.margin / 2 - FOOTER_FONT_PT;
      this.doc.fillColor('black').text(label, (this.size.width - width) / 2, y, { lineBreak: false });
    }
    return total;
  }
}
