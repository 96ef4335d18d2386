import type { LetterDocument } from '../../../shared/letters/document';
import type { MergeFieldId } from '../../../shared/letters/merge-fields';

/** The organisation a letter comes from, printed at the top of its first page. */
export interface Letterhead {
  organisation: string;
  /** May hold several lines, separated by line breaks. */
  address: string;
  /** One line: who to contact and how (e-mail, phone). */
  contact: string;
}

/**
 * Everything the PDF, DOCX and HTML renderers need to produce one letter. `title` is the
 * document's title in its metadata (PDF Title, Word title property, HTML <title>); the title
 * printed on the page is the letter's first heading, part of `doc` like the other headings.
 * Merge fields print their value, or `[Field label]` highlighted when the value is missing.
 */
export interface LetterRenderInput {
  title: string;
  /** ISO 3166 code ("US-CA", "FR") or "EU"; US letters are printed on US Letter, others on A4. */
  jurisdiction: string;
  language: 'en' | 'fr';
  letterhead: Letterhead;
  doc: LetterDocument;
  values: Partial<Record<MergeFieldId, string | null>>;
}
