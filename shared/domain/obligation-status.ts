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
  /**
   * The rule pack whose answer the status was recorded against (id and version): which pack
   * produced the obligation. Null for statuses recorded before packs could be updated.
   */
  pack: z.object({ id: z.string(), version: z.string() }).nullable().default(null),
});
export type ObligationStatus = z.output<typeof obligationStatusSchema>;

/** A letter drafted for a notice, as the board lists it under the notice. */
export const noticeLetterSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'in_review', 'approved', 'sent']),
  version: z.number().int(),
  approvedVersion: z.number().int().nullable(),
  templateId: z.string(),
  templateTitle: z.string(),
});
export type NoticeLetter = z.output<typeof noticeLetterSchema>;

export const NOTICE_LETTER_STATES = ['none', 'draft', 'in_review', 'approved', 'sent'] as const;

/** One line of the obligations board. */
export const boardRowSchema = z.object({
  ruleId: z.string(),
  /** What the engine says now; null when the rule no longer applies (`notTriggered` says why). */
  obligation: obligationSchema.nullable(),
  notTriggered: notTriggeredSchema.nullable(),
  status: obligationStatusSchema.nullable(),
  /** The statuses recorded for the stages of a staged report, by stage id. */
  stageStatuses: z.record(z.string(), obligationStatusSchema).default({}),
  /** Why a person should look again at the recorded status (the facts changed), or null. */
  review: z.string().nullable(),
  /** The template a letter for this notice is drafted from (the rule's, else the generic one for its recipient). */
  template: z.object({ id: z.string(), title: z.string(), generic: z.boolean() }).nullable(),
  /** Why no letter is offered for this notice, when `template` is null. */
  templateUnavailable: z.string().nullable(),
  /** The letters drafted for this notice, oldest first. */
  letters: z.array(noticeLetterSchema),
  /**
   * The state of the notice's letter (the most advanced one: sent, approved, in review, draft),
   * with its version: "none", or "draft" at version 2.
   */
  letterState: z.object({
    state: z.enum(NOTICE_LETTER_STATES),
    letterId: z.string().nullable(),
    version: z.number().int().nullable(),
  }),
  /** The rule's sources, with their titles and addresses. */
  sources: z.array(z.object({ key: z.string(), title: z.string(), url: z.string(), supports: z.string() })),
});
export type BoardRow = z.output<typeof boardRowSchema>;

/**
 * A rule waiting for a decision, as the board shows it: with any status recorded for it, kept (a
 * status is never dropped) but not counted as owed.
 */
export const boardDecisionSchema = decisionNeededSchema.extend({ status: obligationStatusSchema.nullable() });
export type BoardDecision = z.output<typeof boardDecisionSchema>;
