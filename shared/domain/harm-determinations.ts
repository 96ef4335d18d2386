import { z } from 'zod';
import { jurisdictionCodeSchema } from '../jurisdictions/jurisdictions';
import { HARM_FINDINGS } from '../obligations/obligation';

const instant = z.iso.datetime({ offset: false });

/** What a person decides on a US state's risk-of-harm test, as they enter it. */
export const harmDeterminationInputSchema = z
  .object({
    jurisdiction: jurisdictionCodeSchema,
    finding: z.enum(HARM_FINDINGS),
    /** The determination in writing: the investigation and why harm is (not) likely. */
    basis: z
      .string()
      .trim()
      .min(1, 'Record the basis of the decision: the law asks for it in writing')
      .max(4_000),
  })
  .strict();
export type HarmDeterminationInput = z.output<typeof harmDeterminationInputSchema>;

/** A recorded harm decision for one jurisdiction, with who made it and when. */
export const harmDeterminationSchema = z
  .object({
    jurisdiction: jurisdictionCodeSchema,
    finding: z.enum(HARM_FINDINGS),
    basis: z.string().trim().min(1).max(4_000),
    decidedAt: instant,
    decidedBy: z.string(),
  })
  .strict();
export type HarmDetermination = z.output<typeof harmDeterminationSchema>;

/** A jurisdiction whose rules have a risk-of-harm test: the law's words a decision answers. */
export const harmTestSchema = z.object({
  jurisdiction: z.string(),
  name: z.string(),
  kind: z.enum(['exemption', 'condition']),
  test: z.string(),
  citation: z.string(),
  /** What the law asks of the determination (in writing, kept five years…); may be empty. */
  conditions: z.string(),
});
export type HarmTest = z.output<typeof harmTestSchema>;

/** The decisions recorded in a case, and every harm test of the rule pack (by jurisdiction). */
export const harmListingSchema = z.object({
  determinations: z.array(harmDeterminationSchema),
  tests: z.array(harmTestSchema),
});
export type HarmListing = z.output<typeof harmListingSchema>;
