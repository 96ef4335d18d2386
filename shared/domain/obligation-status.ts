import { z } from 'zod';
import { decisionNeededSchema, notTriggeredSchema, obligationSchema } from '../obligations/obligation';

const instant = z.iso.datetime({ offset: false });

const OBLIGATION_STATUSES = ['todo', 'drafting', 'sent', 'not_required'] as const;

export const obligationStatusInputSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('todo'), note: z.string().max(5_000).default('') }).strict(),
  z.object({ status: z.literal('drafting'), note: z.string().max(5_000).default('') }).strict(),
  z
    .object({
      status: z.literal('sent'),
      sentAt: instant,
      channel: z.string().trim().min(1, 'Say how it was sent').max(300),
      note: z.string().max(5_000).default(''),
    })
    .strict(),
  z
    .object({
      status: z.literal('not_required'),
      rationale: z.string().trim().min(1, 'Record why it is not required').max(5_000),
      note: z.string().max(5_000).default(''),
    })
    .strict(),
]);
export type ObligationStatusInput = z.output<typeof obligationStatusInputSchema>;

/** A status a person recorded, with what the engine said when they recorded it. */
export const obligationStatusSchema = z.object({
  ruleId: z.string(),
  status: z.enum(OBLIGATION_STATUSES),
  sentAt: instant.nullable(),
  channel: z.string(),
  rationale: z.string(),
  note: z.string(),
  recordedAt: instant,
  recordedBy: z.string(),
  basis: z.object({ triggered: z.boolean(), due: instant.nullable(), why: z.string() }),
});
export type ObligationStatus = z.output<typeof obligationStatusSchema>;

/** One line of the obligations board. */
export const boardRowSchema = z.object({
  ruleId: z.string(),
  /** What the engine says now; null when the rule no longer applies (`notTriggered` says why). */
  obligation: obligationSchema.nullable(),
  notTriggered: notTriggeredSchema.nullable(),
  status: obligationStatusSchema.nullable(),
  /** Why a person should look again at the recorded status (the facts changed), or null. */
  review: z.string().nullable(),
});
export type BoardRow = z.output<typeof boardRowSchema>;

/**
 * A rule waiting for a decision, as the board shows it: with any status recorded for it, kept (a
 * status is never dropped) but not counted as owed.
 */
export const boardDecisionSchema = decisionNeededSchema.extend({ status: obligationStatusSchema.nullable() });
export type BoardDecision = z.output<typeof boardDecisionSchema>;
