import { z } from 'zod';
import caAgSample from './templates/ca-ag-sample.json';
import caIndividualNotice from './templates/ca-individual-notice.json';
import { type LetterTemplate, letterTemplateSchema } from './template';

/**
 * The letter templates Breachdesk ships, read from their data files and validated once. Order
 * is the order the template picker shows.
 */
const TEMPLATE_FILES: readonly unknown[] = [caIndividualNotice, caAgSample];

export const LETTER_TEMPLATES: readonly LetterTemplate[] = Object.freeze(
  z.array(letterTemplateSchema).parse(TEMPLATE_FILES),
);

const byId = new Map(LETTER_TEMPLATES.map((t) => [t.id, t]));

/** The template with this id, or null. */
export function templateById(id: string): LetterTemplate | null {
  return byId.get(id) ?? null;
}
