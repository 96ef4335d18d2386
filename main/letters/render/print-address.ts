import { letterheadLines } from './letter-content';
import type { Letterhead } from './letter-render-input';
import { MIN_BODY_FONT_PT } from './letter-style';
import { fontFile } from './pdf-fonts';
import type { PrintWindow } from './print-geometry';

/**
 * The address block of a printed letter's first page: the recipient's lines (and, where the
 * standard has one, the sender's return line) inside the envelope window. Set at 10 pt, the
 * smallest size any letter uses (letter-style.ts), with tight lines so a US window holds five
 * lines and a DIN 5008 one six.
 */
export const ADDRESS_FONT_PT = MIN_BODY_FONT_PT;
const ADDRESS_LINE_PT = 12;

/** Why an address cannot go in the window: a mail house would get an unreadable envelope. */
export class AddressBlockError extends Error {}

/**
 * The sender on one line: organisation and address parts joined by commas, dropping trailing
 * parts (then cutting the name) until it fits the width, as a window's return line must.
 */
export function returnLineText(letterhead: Letterhead, fits: (text: string) => boolean): string {
  const head = letterheadLines(letterhead);
  const address = letterhead.address
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const parts = [head.name, ...address].filter((part) => part !== '');
  while (parts.length > 1 && !fits(parts.join(', '))) parts.pop();
  let text = parts.join(', ');
  while (text.length > 1 && !fits(text)) text = `${text.slice(0, -2)}…`;
  return text;
}

/** Draws the address block on the document's current page; throws when the lines do not fit. */
export function drawAddressBlock(
  doc: PDFKit.PDFDocument,
  place: PrintWindow,
  recipientLines: readonly string[],
  letterhead: Letterhead,
): void {
  const lines = recipientLines.map((line) => line.trim()).filter((line) => line !== '');
  const box = place.recipient;
  const font = doc.font(fontFile('regular')).fontSize(ADDRESS_FONT_PT).fillColor('black');
  const width = (text: string): number => font.widthOfString(text);
  if (lines.length === 0) throw new AddressBlockError('The letter has no recipient address.');
  const room = Math.floor(box.height / ADDRESS_LINE_PT);
  if (lines.length > room) {
    throw new AddressBlockError(
      `The recipient address has ${lines.length} lines; the ${place.standard} holds ${room}.`,
    );
  }
  const wide = lines.find((line) => width(line) > box.width);
  if (wide !== undefined) {
    throw new AddressBlockError(`The address line "${wide}" is wider than the ${place.standard}.`);
  }
  // pdfkit places text by the top of the font's ascent: 1 pt down keeps accents clear of the edge.
  const inset = 1;
  if (place.returnLine !== null) {
    const zone = place.returnLine;
    const text = returnLineText(letterhead, (candidate) => width(candidate) <= zone.width);
    if (text !== '') {
      // Centred in its zone by the face's full height (DejaVu Sans: ascent + descent = 1.164 em).
      const top = zone.top + (zone.height - ADDRESS_FONT_PT * 1.164) / 2;
      doc.text(text, zone.left, top, { lineBreak: false });
    }
  }
  lines.forEach((line, index) => {
    doc.text(line, box.left, box.top + index * ADDRESS_LINE_PT + inset, { lineBreak: false });
  });
}
