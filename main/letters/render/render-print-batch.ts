import { once } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import PDFDocument from 'pdfkit';
import type { LetterRenderInput } from './letter-render-input';
import { MARGIN_PT, paperFor, type Paper } from './letter-style';
import { AddressBlockError, drawAddressBlock } from './print-address';
import { fontFile, registerFaces } from './pdf-fonts';
import { PdfLayout, REGULAR } from './pdf-layout';
import { trimFlushed } from './pdfkit-trim';
import { printWindowFor } from './print-geometry';

/** One letter of a batch: to whom it goes, as the lines the envelope window shows, and what it says. */
export interface PrintLetter {
  recipientLines: string[];
  input: LetterRenderInput;
}

export interface PrintBatchOptions {
  /** Printed on both sides: every letter starts on an odd page (a blank page is added when needed). */
  duplex?: boolean;
  /** The file's title in its metadata. */
  title?: string;
  /** The file's creation date in its metadata; the same date gives the same bytes. */
  createdAt?: Date;
}

/** Where a letter is in the file: its first page (1-based) and how many pages it has (blank pages not counted). */
export interface PrintedLetter {
  firstPage: number;
  pages: number;
}

export interface PrintBatchResult {
  letters: PrintedLetter[];
  /** Pages in the file, blank duplex pages included. */
  pages: number;
}

/** The first page starts higher than later ones, so the letterhead fits above the envelope window. */
const LETTERHEAD_TOP = MARGIN_PT / 2;
/** PDF bytes laid out but not yet handed to the output, before the next letter waits for them. */
const BACKLOG_BYTES = 64 * 1024;

const MARGINS = { top: MARGIN_PT, bottom: MARGIN_PT, left: MARGIN_PT, right: MARGIN_PT };

function addPage(doc: PDFKit.PDFDocument, paper: Paper): void {
  doc.addPage({ size: paper, margins: MARGINS });
}

/**
 * Lays out one letter from a new page: letterhead, address block in the window zone, body below
 * it, "Page n of N" counted within the letter; then writes its pages out. Returns its page count.
 */
function printLetter(doc: PDFKit.PDFDocument, letter: PrintLetter): number {
  const paper = paperFor(letter.input.jurisdiction);
  const place = printWindowFor(paper);
  addPage(doc, paper);
  const layout = new PdfLayout(doc, letter.input, paper, REGULAR);
  layout.y = LETTERHEAD_TOP;
  if (layout.y + layout.letterheadHeight() > place.window.top) {
    throw new AddressBlockError(`The letterhead runs into the ${place.standard}; shorten its address.`);
  }
  layout.letterhead();
  drawAddressBlock(doc, place, letter.recipientLines, letter.input.letterhead);
  layout.y = place.bodyTop;
  layout.blocks(
    letter.input.doc.content,
    layout.left,
    layout.right - layout.left,
    { ordered: 0, bullet: 0 },
    false,
  );
  const pages = layout.pageNumbers();
  // Writes the letter's pages out and lets them go: memory stays flat however long the batch.
  doc.flushPages();
  return pages;
}

/** printLetter, with the letter's place in the batch in what goes wrong, for the person fixing the data. */
function printOrSay(doc: PDFKit.PDFDocument, letter: PrintLetter, number: number): number {
  try {
    return printLetter(doc, letter);
  } catch (error) {
    if (error instanceof AddressBlockError) throw new AddressBlockError(`Letter ${number}: ${error.message}`);
    throw error;
  }
}

/**
 * Waits while laid-out pages are not yet written. Two cases: the loop itself starves the stream
 * (letters from a sync iterable arrive in one run of microtasks, and pdfkit's pushes are only
 * delivered on a later turn of the event loop), or the output is slow and the pipe has paused.
 * `failed` rejects when the output fails, so a dead output does not leave this waiting forever.
 */
async function keepUp(
  doc: PDFKit.PDFDocument,
  out: NodeJS.WritableStream,
  failed: Promise<void>,
): Promise<void> {
  while (doc.readableLength > BACKLOG_BYTES) {
    await Promise.race([doc.readableFlowing === false ? once(out, 'drain') : nextTurn(), failed]);
  }
}

/**
 * Letters as one PDF for a mail house, streamed to `out` as they are laid out: each letter on
 * new pages (an odd page when duplex), the recipient's address placed for a window envelope on
 * its first page (US #10 on US Letter, DIN 5008 form B on A4: print-geometry.ts), and its own
 * "Page n of N". Resolves once `out` has finished. On an error (an address that does not fit,
 * a failing source) the output is left unfinished and unpiped: the caller discards the file.
 */
export async function renderPrintBatch(
  letters: Iterable<PrintLetter> | AsyncIterable<PrintLetter>,
  out: NodeJS.WritableStream,
  options: PrintBatchOptions = {},
): Promise<PrintBatchResult> {
  const doc = new PDFDocument({
    bufferPages: true,
    autoFirstPage: false,
    font: fontFile('regular'),
    displayTitle: true,
    info: {
      Title: options.title ?? 'Letters',
      Creator: 'Breachdesk',
      Producer: 'Breachdesk',
      CreationDate: options.createdAt ?? new Date(),
    },
  });
  registerFaces(doc);
  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
    doc.once('error', reject);
  });
  // Observed here so a failure before the end is not also an unhandled rejection.
  finished.catch(() => undefined);
  doc.pipe(out);
  const printed: PrintedLetter[] = [];
  let pages = 0;
  let trimmed = 0;
  try {
    for await (const letter of letters) {
      if (options.duplex === true && pages % 2 === 1) {
        addPage(doc, paperFor(letter.input.jurisdiction));
        doc.flushPages();
        pages += 1;
      }
      const count = printOrSay(doc, letter, printed.length + 1);
      printed.push({ firstPage: pages + 1, pages: count });
      pages += count;
      trimmed = trimFlushed(doc, doc.bufferedPageRange().start, trimmed);
      await keepUp(doc, out, finished);
    }
    if (printed.length === 0) throw new RangeError('A print batch needs at least one letter.');
  } catch (error) {
    doc.unpipe(out);
    throw error;
  }
  doc.end();
  await finished;
  return { letters: printed, pages };
}
