import { z } from 'zod';
import { jurisdictionCodeSchema } from '../jurisdictions/jurisdictions';

const populationFields = {
  jurisdiction: jurisdictionCodeSchema,
  count: z.number().int().min(0).max(10_000_000_000),
  /** False when the count is an estimate. */
  exact: z.boolean().default(false),
};

export const populationInputSchema = z.object(populationFields).strict();
export const populationSchema = z.object({ id: z.uuid(), ...populationFields });
export type Population = z.output<typeof populationSchema>;

/** The answer of a CSV import: either everything was imported, or nothing and every bad line. */
export const csvImportResultSchema = z.object({
  imported: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
});
export type CsvImportResult = z.output<typeof csvImportResultSchema>;
