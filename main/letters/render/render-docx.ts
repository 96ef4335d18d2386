import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HighlightColor,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type ParagraphChild,
} from 'docx';
import type { BlockNode, ListNode, TableNode } from '../../../shared/letters/document';
import { cellSpan, inlineRuns, letterheadLines, listStart, type Run } from './letter-content';
import type { LetterRenderInput } from './letter-render-input';
import {
  BODY_FONT_PT,
  FOOTER_FONT_PT,
  HEADING_FONT_PT,
  LETTERHEAD_NAME_PT,
  LINE_SPACING,
  listMarker,
  listMarkerStyle,
  MARGIN_PT,
  PAPER_SIZE_PT,
  paperFor,
  TABLE_BORDER_COLOR,
  TABLE_FONT_PT,
  TABLE_HEADER_FILL,
  type ListMarkerStyle,
} from './letter-style';

/** Word measures type in half-points and lengths in twentieths of a point (twips). */
const halfPoints = (pt: number): number => Math.round(pt * 2);
const twips = (pt: number): number => Math.round(pt * 20);

/** A font every Word and LibreOffice installation has (LibreOffice maps it to Liberation Sans). */
const FONT = 'Arial';
const LIST_INDENT = 360;
const LIST_HANGING = 360;
/** Word's list levels run 0–8. */
const MAX_LEVEL = 8;

const LEVEL_FORMAT: Record<ListMarkerStyle, (typeof LevelFormat)[keyof typeof LevelFormat]> = {
  decimal: LevelFormat.DECIMAL,
  'lower-alpha': LevelFormat.LOWER_LETTER,
  'lower-roman': LevelFormat.LOWER_ROMAN,
  disc: LevelFormat.BULLET,
  circle: LevelFormat.BULLET,
  square: LevelFormat.BULLET,
};

interface NumberingConfig {
  reference: string;
  levels: ILevelsOptions[];
}

/** One Word list definition per printed list: each numbered list counts from its own start. */
function listDefinition(reference: string, style: ListMarkerStyle, start: number): NumberingConfig {
  const bullet = LEVEL_FORMAT[style] === LevelFormat.BULLET;
  const levels: ILevelsOptions[] = [];
  for (let level = 0; level <= MAX_LEVEL; level++) {
    levels.push({
      level,
      format: LEVEL_FORMAT[style],
      // Bullets are the marker itself; numbers are "%n." with the level's own counter.
      text: bullet ? listMarker(style, 1, 0) : `%${level + 1}.`,
      alignment: AlignmentType.LEFT,
      start,
      style: {
        paragraph: { indent: { left: LIST_INDENT * (level + 1) + LIST_HANGING, hanging: LIST_HANGING } },
      },
    });
  }
  return { reference, levels };
}

interface Depth {
  /** Nesting of lists of any kind: Word's list level and the indentation. */
  level: number;
  ordered: number;
  bullet: number;
}

class DocxBuilder {
  readonly numbering: NumberingConfig[] = [];
  private readonly bulletReferences = new Map<ListMarkerStyle, string>();

  constructor(
    private readonly input: LetterRenderInput,
    /** The width between the margins, in twips, for table grids. */
    private readonly contentWidth: number,
  ) {}

  runs(runs: readonly Run[], options: { bold?: boolean; size?: number } = {}): ParagraphChild[] {
    const children: ParagraphChild[] = [];
    for (const run of runs) {
      if (run.kind === 'break') {
        children.push(new TextRun({ break: 1 }));
        continue;
      }
      children.push(
        new TextRun({
          text: run.text,
          bold: run.bold || options.bold === true ? true : undefined,
          italics: run.italic ? true : undefined,
          highlight: run.missing ? HighlightColor.YELLOW : undefined,
          size: options.size === undefined ? undefined : halfPoints(options.size),
        }),
      );
    }
    return children;
  }

  blocks(blocks: readonly BlockNode[], depth: Depth | null): (Paragraph | Table)[] {
    const out: (Paragraph | Table)[] = [];
    for (const block of blocks) {
      switch (block.type) {
        case 'paragraph':
          out.push(
            new Paragraph({
              children: this.runs(inlineRuns(block.content, this.input.values)),
              indent: depth === null ? undefined : { left: LIST_INDENT * (depth.level + 1) + LIST_HANGING },
            }),
          );
          break;
        case 'heading':
          out.push(
            new Paragraph({
              style: `Heading${block.attrs.level}`,
              children: this.runs(inlineRuns(block.content, this.input.values)),
            }),
          );
          break;
        case 'bulletList':
        case 'orderedList':
          out.push(...this.list(block, depth));
          break;
        case 'table':
          out.push(this.table(block, depth));
          break;
      }
    }
    return out;
  }

  private reference(list: ListNode, depth: Depth): string {
    const ordered = list.type === 'orderedList';
    const style = listMarkerStyle(ordered, ordered ? depth.ordered : depth.bullet);
    if (ordered) {
      const reference = `letter-numbers-${this.numbering.length}`;
      this.numbering.push(listDefinition(reference, style, listStart(list)));
      return reference;
    }
    let reference = this.bulletReferences.get(style);
    if (reference === undefined) {
      reference = `letter-bullets-${style}`;
      this.bulletReferences.set(style, reference);
      this.numbering.push(listDefinition(reference, style, 1));
    }
    return reference;
  }

  private list(list: ListNode, outer: Depth | null): (Paragraph | Table)[] {
    const depth: Depth = outer ?? { level: -1, ordered: 0, bullet: 0 };
    const level = Math.min(depth.level + 1, MAX_LEVEL);
    const here: Depth = { ...depth, level };
    const reference = this.reference(list, here);
    // Blocks inside an item sit under its text; lists among them are one level deeper.
    const inner: Depth =
      list.type === 'orderedList'
        ? { ...here, ordered: here.ordered + 1 }
        : { ...here, bullet: here.bullet + 1 };
    const out: (Paragraph | Table)[] = [];
    for (const item of list.content) {
      const [first, ...rest] = item.content;
      if (first?.type === 'paragraph') {
        // The item's first paragraph carries the number or bullet; the rest are indented under it.
        out.push(
          new Paragraph({
            numbering: { reference, level },
            children: this.runs(inlineRuns(first.content, this.input.values)),
          }),
        );
        out.push(...this.blocks(rest, inner));
      } else {
        out.push(new Paragraph({ numbering: { reference, level }, children: [] }));
        out.push(...this.blocks(item.content, inner));
      }
    }
    return out;
  }

  private table(table: TableNode, depth: Depth | null): Table {
    const columns = Math.max(
      1,
      ...table.content.map((row) => row.content.reduce((sum, cell) => sum + cellSpan(cell), 0)),
    );
    const indent = depth === null ? 0 : LIST_INDENT * (depth.level + 1) + LIST_HANGING;
    const width = this.contentWidth - indent;
    const columnWidth = Math.floor(width / columns);
    const border = { style: BorderStyle.SINGLE, size: 4, color: TABLE_BORDER_COLOR.replace('#', '') };
    let headerRows = true;
    const rows = table.content.map((row) => {
      const isHeader = headerRows && row.content.every((cell) => cell.type === 'tableHeader');
      headerRows = isHeader;
      return new TableRow({
        tableHeader: isHeader ? true : undefined,
        cantSplit: true,
        children: row.content.map((cell) => {
          const span = Math.min(cellSpan(cell), columns);
          const header = cell.type === 'tableHeader';
          const paragraphs = cell.content.map(
            (p) =>
              new Paragraph({
                spacing: { after: 0 },
                children: this.runs(inlineRuns(p.content, this.input.values), {
                  bold: header,
                  size: TABLE_FONT_PT,
                }),
              }),
          );
          return new TableCell({
            children: paragraphs.length === 0 ? [new Paragraph({ children: [] })] : paragraphs,
            columnSpan: span > 1 ? span : undefined,
            width: { size: columnWidth * span, type: WidthType.DXA },
            shading: header
              ? { type: ShadingType.CLEAR, color: 'auto', fill: TABLE_HEADER_FILL.replace('#', '') }
              : undefined,
            margins: { top: 60, bottom: 60, left: 100, right: 100 },
          });
        }),
      });
    });
    return new Table({
      rows,
      width: { size: columnWidth * columns, type: WidthType.DXA },
      columnWidths: Array.from({ length: columns }, () => columnWidth),
      layout: TableLayoutType.FIXED,
      indent: indent === 0 ? undefined : { size: indent, type: WidthType.DXA },
      borders: {
        top: border,
        bottom: border,
        left: border,
        right: border,
        insideHorizontal: border,
        insideVertical: border,
      },
    });
  }
}

function letterhead(input: LetterRenderInput): Paragraph[] {
  const head = letterheadLines(input.letterhead);
  const out: Paragraph[] = [];
  if (head.name !== '') {
    out.push(
      new Paragraph({
        spacing: { after: 0 },
        children: [new TextRun({ text: head.name, bold: true, size: halfPoints(LETTERHEAD_NAME_PT) })],
      }),
    );
  }
  head.lines.forEach((line) =>
    out.push(new Paragraph({ spacing: { after: 0 }, children: [new TextRun(line)] })),
  );
  if (out.length === 0) return out;
  // A rule under the letterhead, then the letter.
  out.push(
    new Paragraph({
      spacing: { after: twips(18) },
      border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
      children: [],
    }),
  );
  return out;
}

function footer(input: LetterRenderInput): Footer {
  // "Page {n} of {total}" in the letter's language, with Word's page fields for n and total.
  const [before, between] = input.language === 'fr' ? ['Page ', ' sur '] : ['Page ', ' of '];
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: halfPoints(FOOTER_FONT_PT),
            children: [before, PageNumber.CURRENT, between, PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
}

/**
 * The letter as a Word document: Word's own Heading 1–3 styles (level 1 is the title), real
 * numbered and bulleted lists, bordered tables, the letterhead at the top and page numbers in
 * the footer. Standard constructs only, so Word and LibreOffice open it alike.
 */
export async function renderLetterDocx(input: LetterRenderInput): Promise<Buffer> {
  const paper = PAPER_SIZE_PT[paperFor(input.jurisdiction)];
  const margin = twips(MARGIN_PT);
  const pageWidth = twips(paper.width);
  const builder = new DocxBuilder(input, pageWidth - 2 * margin);
  const body = builder.blocks(input.doc.content, null);
  const organisation = input.letterhead.organisation.trim();
  const heading = (pt: number, before: number) => ({
    run: { font: FONT, size: halfPoints(pt), bold: true, color: '000000' },
    paragraph: { spacing: { before: twips(before), after: twips(6) }, keepNext: true, keepLines: true },
  });
  const document = new Document({
    title: input.title,
    creator: organisation === '' ? 'Breachdesk' : organisation,
    lastModifiedBy: 'Breachdesk',
    description: 'Produced by Breachdesk',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: halfPoints(BODY_FONT_PT) },
          paragraph: { spacing: { after: twips(6), line: Math.round(240 * LINE_SPACING) } },
        },
        heading1: heading(HEADING_FONT_PT[1], 0),
        heading2: heading(HEADING_FONT_PT[2], 12),
        heading3: heading(HEADING_FONT_PT[3], 10),
      },
    },
    numbering: { config: builder.numbering },
    sections: [
      {
        properties: {
          page: {
            size: { width: pageWidth, height: twips(paper.height) },
            margin: { top: margin, bottom: margin, left: margin, right: margin, header: 720, footer: 720 },
          },
        },
        footers: { default: footer(input) },
        children: [...letterhead(input), ...body],
      },
    ],
  });
  return Packer.toBuffer(document);
}
