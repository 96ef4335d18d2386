/**
 * Type sizes, page geometry and list markers shared by the three renderers, so a letter looks
 * the same in PDF, DOCX and HTML. California wants text no smaller than 10-point type and the
 * title and headings conspicuous (DOMAIN.md §1.1): body 11 pt, headings larger and bold, and no
 * text anywhere in a letter (tables and page numbers included) below MIN_BODY_FONT_PT.
 */
export const MIN_BODY_FONT_PT = 10;
export const BODY_FONT_PT = 11;
/** Heading level 1 is the letter's title ("Notice of Data Breach"); 2 and 3 its sections. */
export const HEADING_FONT_PT = { 1: 18, 2: 14, 3: 12 } as const;
export const LETTERHEAD_NAME_PT = 14;
export const TABLE_FONT_PT = 10;
export const FOOTER_FONT_PT = 10;
/** Every size used for text in a rendered letter; the smallest is what a size check reads. */
export const FONT_SIZES_PT: readonly number[] = [
  BODY_FONT_PT,
  ...Object.values(HEADING_FONT_PT),
  LETTERHEAD_NAME_PT,
  TABLE_FONT_PT,
  FOOTER_FONT_PT,
];
export const SMALLEST_FONT_PT = Math.min(...FONT_SIZES_PT);

/** Line height as a multiple of the font size. */
export const LINE_SPACING = 1.3;
/** Page margins, in points (1 inch). */
export const MARGIN_PT = 72;
/** Indentation of each list level, in points. */
export const LIST_INDENT_PT = 22;
/** Highlight behind a merge field that has no value yet. */
export const MISSING_FIELD_COLOR = '#FFEB3B';
export const TABLE_HEADER_FILL = '#E8E8E8';
export const TABLE_BORDER_COLOR = '#666666';

export type Paper = 'A4' | 'LETTER';
/** Page sizes in points. */
export const PAPER_SIZE_PT: Record<Paper, { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  LETTER: { width: 612, height: 792 },
};

/** US Letter for United States jurisdictions ("US", "US-CA"), A4 everywhere else. */
export function paperFor(jurisdiction: string): Paper {
  const code = jurisdiction.trim().toUpperCase();
  return code === 'US' || code.startsWith('US-') ? 'LETTER' : 'A4';
}

/** The footer's page number, in the letter's language. */
export function pageLabel(language: 'en' | 'fr', page: number, total: number): string {
  return language === 'fr' ? `Page ${page} sur ${total}` : `Page ${page} of ${total}`;
}

export type ListMarkerStyle = 'decimal' | 'lower-alpha' | 'lower-roman' | 'disc' | 'circle' | 'square';

/**
 * A list's marker style by how deep it sits among lists of its own kind: numbered lists go
 * 1. → a. → i., bulleted lists • → ◦ → ▪, then round again.
 */
export function listMarkerStyle(ordered: boolean, sameKindDepth: number): ListMarkerStyle {
  const ordinal = sameKindDepth % 3;
  if (ordered) return ordinal === 0 ? 'decimal' : ordinal === 1 ? 'lower-alpha' : 'lower-roman';
  return ordinal === 0 ? 'disc' : ordinal === 1 ? 'circle' : 'square';
}

const BULLETS: Record<'disc' | 'circle' | 'square', string> = { disc: '•', circle: '◦', square: '▪' };

/** The marker printed before item `index` (0-based) of a list starting at `start`. */
export function listMarker(style: ListMarkerStyle, start: number, index: number): string {
  if (style === 'disc' || style === 'circle' || style === 'square') return BULLETS[style];
  const n = start + index;
  if (style === 'decimal') return `${n}.`;
  if (style === 'lower-alpha') return `${alpha(n)}.`;
  return `${roman(n)}.`;
}

function alpha(n: number): string {
  if (n < 1) return String(n);
  let out = '';
  let rest = n;
  while (rest > 0) {
    rest -= 1;
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  }
  return out;
}

function roman(n: number): string {
  if (n < 1 || n > 3999) return String(n);
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  let rest = n;
  for (const [value, digits] of table) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}
