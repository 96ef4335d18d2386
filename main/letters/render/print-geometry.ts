import type { Paper } from './letter-style';

/**
 * Where the recipient's address goes on the first page of a printed letter so that it shows
 * through a standard window envelope after folding. All figures are in points from the sheet's
 * top-left corner (72 pt = 1 in, 1 mm = 72 / 25.4 pt).
 */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PrintWindow {
  /** What the envelope's window shows of the folded sheet. */
  window: Rect;
  /** Where the recipient's lines go: inside the window, with clearance on every side. */
  recipient: Rect;
  /** The sender's one-line return address above the recipient, or null where the standard has none. */
  returnLine: Rect | null;
  /** Where the letter's body starts on the first page: below the window zone. */
  bodyTop: number;
  /** The name of the standard, for messages. */
  standard: string;
}

const INCH = 72;
const MM = 72 / 25.4;

/**
 * US Letter, tri-folded (C-fold, the top third facing out) into a US #10 window envelope
 * (4 1/8 × 9 1/2 in): the common window is 1 1/8 × 4 1/2 in, 7/8 in from the envelope's left
 * edge and 1/2 in from its bottom (the USPS-recommended position cited by envelope makers; see
 * e.g. response-envelope.com/windows.htm and postalmethods.com's developer guide). The top
 * panel is 11/3 in high; resting on the envelope's bottom fold it sits 4 1/8 − 11/3 ≈ 0.46 in
 * below the envelope's top, so on the sheet the window spans 11/3 − 1 5/8 ≈ 2.04 in to
 * 11/3 − 1/2 ≈ 3.17 in from the top. The address keeps 1/8 in clear of the window's edges
 * (the clearance mailing guides ask for) and is at most 3 3/8 in wide, so the 8 1/2 in sheet
 * may slide the full inch of sideways play in the 9 1/2 in envelope and still show every line.
 * The body starts at 3 3/8 in, below the window.
 */
const US_PANEL = 11 / 3;
const US_WINDOW_TOP = (US_PANEL - 1.625) * INCH;
const US_10_WINDOW: PrintWindow = {
  standard: 'US #10 window envelope',
  window: { left: (7 / 8) * INCH, top: US_WINDOW_TOP, width: 4.5 * INCH, height: 1.125 * INCH },
  recipient: {
    left: 1 * INCH,
    top: US_WINDOW_TOP + INCH / 8,
    width: 3.375 * INCH,
    height: 0.875 * INCH,
  },
  // The single-window #10 shows only the recipient; the letterhead above carries the sender.
  returnLine: null,
  bodyTop: 3.375 * INCH,
};

/**
 * A4 with the DIN 5008 form B address field (for DL, C5/6 and C6 window envelopes, DIN 680):
 * 20 mm from the left edge, 45 mm from the top, 85 mm wide and 45 mm high; its top 17.7 mm
 * are the "Zusatz- und Vermerkzone" whose last line holds the sender's return address, and the
 * 27.3 mm below are the recipient's (up to six lines). The window shows the whole field. The
 * body starts at 98.4 mm, two lines below the field as DIN 5008 form B sets the subject line.
 */
const DIN_FIELD_TOP = 45 * MM;
const DIN_NOTES_ZONE = 17.7 * MM;
const DIN_5008_B: PrintWindow = {
  standard: 'DIN 5008 form B address field',
  window: { left: 20 * MM, top: DIN_FIELD_TOP, width: 85 * MM, height: 45 * MM },
  recipient: { left: 20 * MM, top: DIN_FIELD_TOP + DIN_NOTES_ZONE, width: 85 * MM, height: 27.3 * MM },
  // The last line of the notes zone (about 4.2 mm, a 10 pt line).
  returnLine: {
    left: 20 * MM,
    top: DIN_FIELD_TOP + DIN_NOTES_ZONE - 4.5 * MM,
    width: 85 * MM,
    height: 4.5 * MM,
  },
  bodyTop: 98.4 * MM,
};

/** The window layout for a paper size: US #10 for US Letter, DIN 5008 form B for A4. */
export function printWindowFor(paper: Paper): PrintWindow {
  return paper === 'LETTER' ? US_10_WINDOW : DIN_5008_B;
}
