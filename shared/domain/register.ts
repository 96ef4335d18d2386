import { z } from 'zod';

/** A section of the breach register: label/value lines, a table, or both. */
const registerSectionSchema = z.object({
  heading: z.string(),
  fields: z.array(z.object({ label: z.string(), value: z.string() })),
  table: z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.string())) }).nullable(),
});
export type RegisterSection = z.output<typeof registerSectionSchema>;

/** The GDPR Art. 33(5) record of a breach: kept for every breach, notified or not. */
export const registerDocumentSchema = z.object({
  title: z.string(),
  caseTitle: z.string(),
  organisation: z.string(),
  generatedAt: z.iso.datetime({ offset: false }),
  generatedBy: z.string(),
  asOf: z.iso.date(),
  sections: z.array(registerSectionSchema),
});
export type RegisterDocument = z.output<typeof registerDocumentSchema>;
