import { z } from 'zod';
import { assessmentInputSchema, assessmentSchema } from '../domain/assessment';
import {
  harmDeterminationInputSchema,
  harmDeterminationSchema,
  harmListingSchema,
} from '../domain/harm-determinations';
import {
  boardDecisionSchema,
  boardRowSchema,
  obligationStatusInputSchema,
  obligationStatusSchema,
} from '../domain/obligation-status';
import { registerDocumentSchema } from '../domain/register';
import { engineResultSchema, notTriggeredSchema, RISK_LEVELS } from '../obligations/obligation';
import { RECIPIENT_KINDS } from '../obligations/rule-pack';
import { rulePackSourceSchema } from '../obligations/rule-pack-source';
import { rulesContract } from './rules-contract';

const none = z.object({}).strict();
/** The date whose law applies (YYYY-MM-DD); absent: the day the breach was discovered. */
const asOf = z.iso.date().optional();

const isoDate = z.iso.date();

/** One rule of the pack as the rule-pack listing shows it. */
const ruleSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  law: z.string(),
  /** The regime's name ("NIS2", "UK GDPR"); empty for a rule named by its law alone. */
  regime: z.string(),
  recipientKind: z.enum(RECIPIENT_KINDS),
  citation: z.string(),
  effectiveFrom: isoDate.nullable(),
  effectiveTo: isoDate.nullable(),
  lastReviewed: isoDate,
  /** "unverified" is shown as ⚠ to be verified. */
  verification: z.enum(['verified', 'unverified']),
  /** Reference keys the rule rests on (DOMAIN.md's, or its jurisdiction's `references`). */
  sources: z.array(z.string()),
});

/** A jurisdiction of the pack (ISO 3166 code, or "EU") and its rules. */
const packJurisdictionSchema = z.object({
  code: z.string(),
  name: z.string(),
  ruleCount: z.number().int().nonnegative(),
  unverifiedCount: z.number().int().nonnegative(),
  rules: z.array(ruleSummarySchema),
  /** Where the pack knows the jurisdiction has no breach law of its own: why (no rules then). */
  withoutLaw: z.object({ note: z.string(), verification: z.enum(['verified', 'unverified']) }).nullable(),
  /** The jurisdiction's references: where each value was read. */
  references: z.array(z.object({ key: z.string(), url: z.string(), supports: z.string() })),
});

/** A regime by the name people know it (NIS2, HIPAA…), across the jurisdictions its rules are in. */
const packRegimeSchema = z.object({
  name: z.string(),
  jurisdictions: z.array(z.string()),
  ruleIds: z.array(z.string()),
  unverifiedCount: z.number().int().nonnegative(),
});

export const rulePackListingSchema = z.object({
  packId: z.string(),
  packVersion: z.string(),
  published: isoDate,
  /** Sorted by code. */
  jurisdictions: z.array(packJurisdictionSchema),
  /** The regimes abroad and by sector, by name (sorted); the US states' and GDPR rules have none. */
  regimes: z.array(packRegimeSchema),
});

/** Channels of obligations, severity and the breach register. */
export const obligationsContract = {
  'obligations.board': {
    input: z.object({ asOf }).strict(),
    output: z.object({
      asOf: z.iso.date(),
      defaultAsOf: z.iso.date(),
      packId: z.string(),
      packVersion: z.string(),
      disclaimer: z.string(),
      risk: z.enum(RISK_LEVELS).nullable(),
      rows: z.array(boardRowSchema),
      /** Rules neither owed nor not owed until a person makes the decision they turn on. */
      decisionNeeded: z.array(boardDecisionSchema),
      /** Rules considered that owe nothing here, with the reason. */
      notTriggered: z.array(notTriggeredSchema),
      /** Jurisdictions with affected people that no rule of the pack reads, with what is known. */
      uncovered: engineResultSchema.shape.uncovered,
      /** Facts not recorded that rules wait on: listed first, each linked to its field. */
      factsNeeded: engineResultSchema.shape.factsNeeded,
      /** Notices (GDPR Art. 33) that would be owed once people and data are recorded, with their clock. */
      pending: engineResultSchema.shape.pending,
    }),
  },
  /** Every jurisdiction of the active rule pack, its rules and where it came from; needs no open case. */
  'rules.list': { input: none, output: rulePackListingSchema.extend({ source: rulePackSourceSchema }) },
  ...rulesContract,
  'obligations.setStatus': {
    input: z
      .object({
        ruleId: z.string().min(1),
        /** A stage of a staged report (NIS2 early warning…): its own status; omitted for the notice. */
        stageId: z.string().min(1).optional(),
        asOf,
        status: obligationStatusInputSchema,
      })
      .strict(),
    output: obligationStatusSchema,
  },
  /**
   * The US states' risk-of-harm decisions recorded in the case, one per jurisdiction, and the
   * harm test of every jurisdiction whose rules have one (the law's words a decision answers).
   */
  'harm.list': { input: none, output: harmListingSchema },
  /** Records or changes a jurisdiction's harm decision (the basis is required: the law asks for it in writing). */
  'harm.set': { input: harmDeterminationInputSchema, output: harmDeterminationSchema },
  /** Removes a jurisdiction's harm decision: the question is open again. */
  'harm.clear': {
    input: z.object({ jurisdiction: harmDeterminationInputSchema.shape.jurisdiction }).strict(),
    output: z.object({ jurisdiction: z.string() }),
  },
  'assessments.list': { input: none, output: z.array(assessmentSchema) },
  'assessments.save': { input: assessmentInputSchema, output: assessmentSchema },
  'register.get': { input: z.object({ asOf }).strict(), output: registerDocumentSchema },
  /** Writes the register as one self-contained HTML file. */
  'register.export': {
    input: z
      .object({
        asOf,
        path: z
          .string()
          .min(1)
          .refine((p) => !p.includes('\0'), 'A path cannot contain NUL'),
        overwrite: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ path: z.string() }),
  },
  /**
   * Writes the one-page status report ("where we stand", no personal data) as PDF or HTML; the
   * format is named or read from the file name (.pdf, .html).
   */
  'report.export': {
    input: z
      .object({
        path: z
          .string()
          .min(1)
          .refine((p) => !p.includes('\0'), 'A path cannot contain NUL'),
        format: z.enum(['pdf', 'html']).optional(),
        overwrite: z.boolean().default(false),
      })
      .strict(),
    output: z.object({
      path: z.string(),
      format: z.enum(['pdf', 'html']),
      /** Free-text passages left out because they may hold personal data. */
      withheld: z.number().int().nonnegative(),
    }),
  },
} as const;
