import PDFDocument from 'pdfkit';
import type { LetterRenderInput } from './letter-render-input';
import { paperFor, type Paper } from './letter-style';
import { fontFile, registerFaces } from './pdf-fonts';
import { COMPACT, PdfLayout, REGULAR } from './pdf-layout';

export interface RenderPdfOptions {
  /** Overrides the paper chosen from the jurisdiction. */
  paper?: Paper;
  /** The document's creation date in its metadata; the same date gives the same bytes. */
  createdAt?: Date;
  /**
   * Denser pages for a one-page summary (the status report): 10 pt body (still California's
   * minimum), smaller headings and half-inch margins. Letters keep the regular geometry.
   */
  compact?: boolean;
}

/**
 * The letter as a PDF: real text in embedded DejaVu Sans (subset), body 11 pt, title and
 * headings larger and bold, the organisation's letterhead at the top of page 1, "Page n of N"
 * at the foot of every page, on US Letter for US jurisdictions and A4 elsewhere.
 */
export async function renderLetterPdf(
  input: LetterRenderInput,
  options: RenderPdfOptions = {},
): Promise<Buffer> {
  const paper = options.paper ?? paperFor(input.jurisdiction);
  const geometry = options.compact === true ? COMPACT : REGULAR;
  const organisation = input.letterhead.organisation.trim();
  const doc = new PDFDocument({
    size: paper,
    margins: { top: geometry.margin, bottom: geometry.margin, left: geometry.margin, right: geometry.margin },
    bufferPages: true,
    autoFirstPage: true,
    // The default font: pdfkit never loads its built-in Helvetica (nor its metrics files).
    font: fontFile('regular'),
    lang: input.language,
    displayTitle: true,
    info: {
      Title: input.title,
      Author: organisation === '' ? 'Breachdesk' : organisation,
      Creator: 'Breachdesk',
      Producer: 'Breachdesk',
      CreationDate: options.createdAt ?? new Date(),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFaces(doc);
  const layout = new PdfLayout(doc, input, paper, geometry);
  layout.letterhead();
  layout.blocks(input.doc.content, layout.left, layout.right - layout.left, { ordered: 0, bullet: 0 }, false);
  layout.pageNumbers();
  doc.end();
  return done;
}
