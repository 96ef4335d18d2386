import { z } from 'zod';
import { RISK_LEVELS } from '../obligations/obligation';
import { EDPB_FACTORS, enisaInputSchema, SEVERITY_BANDS } from '../severity/enisa';

const instant = z.iso.datetime({ offset: false });
const factorIds = EDPB_FACTORS.map((f) => f.id) as [string, ...string[]];

export const assessmentInputSchema = z
  .object({
    enisa: enisaInputSchema,
    factors: z.partialRecord(
      z.enum(factorIds),
      z.object({ applies: z.boolean(), note: z.string().max(2_000) }).strict(),
    ),
    /** The risk decision a person confirms with this version, or null to save a draft. */
    decision: z
      .object({ risk: z.enum(RISK_LEVELS), rationale: z.string().trim().min(1, 'Say why').max(5_000) })
      .strict()
      .nullable(),
  })
  .strict();
export type AssessmentInput = z.output<typeof assessmentInputSchema>;

/** One saved version of the severity assessment; versions are never changed, only added. */
export const assessmentSchema = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  ...assessmentInputSchema.shape,
  score: z.number(),
  band: z.enum(SEVERITY_BANDS),
  arithmetic: z.string(),
  suggestedRisk: z.enum(RISK_LEVELS),
  decision: z
    .object({
      risk: z.enum(RISK_LEVELS),
      rationale: z.string(),
      confirmedBy: z.string(),
      confirmedAt: instant,
    })
    .nullable(),
  savedAt: instant,
  savedBy: z.string(),
});
export type Assessment = z.output<typeof assessmentSchema>;
