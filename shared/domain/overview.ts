import { DECISION_KINDS } from '../obligations/obligation';
import { REGIME_DECISIONS } from '../obligations/regime-decisions';
import { z } from 'zod';
import { factsSchema } from './facts';
import { taskSchema } from './tasks-notes';

const instant = z.iso.datetime({ offset: false });

/** Where a notice stands, one stage each: sent, approved (a letter approved), drafting, or to do. */
export const NOTICE_STAGES = ['todo', 'drafting', 'approved', 'sent'] as const;
export type NoticeStage = (typeof NOTICE_STAGES)[number];

/** A field of the case a link on the Overview leads to (the section and the control to focus). */
export const FACT_FIELDS = [
  'discoveredAt',
  'awareAt',
  'establishment',
  'populations',
  'dataElements',
] as const;
export type FactField = (typeof FACT_FIELDS)[number];

/** One notice the case owes, as the Overview's "what now" needs it. */
export const overviewNoticeSchema = z.object({
  ruleId: z.string(),
  title: z.string(),
  /** "Art. 33", "TX AG", "WA residents". */
  short: z.string(),
  recipient: z.string(),
  stage: z.enum(NOTICE_STAGES),
  /** The fixed legal deadline, or null (waiting, or "without unreasonable delay"). */
  due: instant.nullable(),
  /** When its clock started (awareness, discovery…), or null. */
  clockAt: instant.nullable(),
  /** An internal target where the law sets no date (never a legal deadline), or null. */
  suggested: instant.nullable(),
  /** The template this notice's letter is drafted from, or null when the pack names none. */
  template: z.string().nullable(),
  /** The newest letter answering it (id, status, version), or null. */
  letter: z
    .object({
      id: z.string(),
      title: z.string(),
      status: z.enum(['draft', 'in_review', 'approved', 'sent']),
      version: z.number().int(),
    })
    .nullable(),
  /** An open decision that could lift it (GDPR risk, a state's harm test), as a sentence; null when none. */
  openDecision: z.string().nullable(),
});
export type OverviewNotice = z.output<typeof overviewNoticeSchema>;

export const overviewDecisionSchema = z.object({
  kind: z.enum(DECISION_KINDS),
  /** The state whose harm test it is (US-TX), or null for the GDPR risk decision. */
  jurisdiction: z.string().nullable(),
  question: z.string(),
  /** For a regime's decision (kind "regime"), which one: it is recorded in Facts › Decisions. */
  regimeDecision: z.enum(REGIME_DECISIONS).nullable().default(null),
  /** Titles of the notices the answer decides. */
  notices: z.array(z.string()),
});
export type OverviewDecision = z.output<typeof overviewDecisionSchema>;

export const overviewFactMissingSchema = z.object({
  field: z.enum(FACT_FIELDS),
  /** "Awareness time". */
  label: z.string(),
  /** What cannot be worked out without it, in one sentence. */
  why: z.string(),
});
export type OverviewFactMissing = z.output<typeof overviewFactMissingSchema>;

export const overviewNextStepSchema = z.object({
  kind: z.enum(['decide', 'draft', 'approve', 'send', 'fact']),
  /** The button's words: "Draft the Art. 33 letter". */
  label: z.string(),
  /** One sentence: why this is the next step. */
  reason: z.string(),
  ruleId: z.string().nullable(),
  letterId: z.string().nullable(),
  template: z.string().nullable(),
  decision: overviewDecisionSchema.nullable(),
  field: z.enum(FACT_FIELDS).nullable(),
});
export type OverviewNextStep = z.output<typeof overviewNextStepSchema>;

/** What is owed and what to do next: the Overview's first screenful. */
export const overviewWhatNowSchema = z.object({
  /** The instant the counts are for ("overdue" is counted against it). */
  now: instant,
  /** The case's zone: the awareness time's, else discovery's, else null (the user's zone is used). */
  zone: z.string().nullable(),
  counts: z.object({
    /** Notices owed (not decided "not required"). */
    owed: z.number().int(),
    overdue: z.number().int(),
    todo: z.number().int(),
    drafting: z.number().int(),
    approved: z.number().int(),
    sent: z.number().int(),
    notRequired: z.number().int(),
    /** Notices waiting for a decision (neither owed nor not owed). */
    decisionNeeded: z.number().int(),
  }),
  /** Owed notices not yet sent, most urgent first (fixed deadlines soonest first, then targets). */
  notices: z.array(overviewNoticeSchema),
  /** The next three fixed deadlines not yet sent. */
  nextDeadlines: z.array(overviewNoticeSchema),
  decisions: z.array(overviewDecisionSchema),
  factsMissing: z.array(overviewFactMissingSchema),
  nextStep: overviewNextStepSchema.nullable(),
});
export type OverviewWhatNow = z.output<typeof overviewWhatNowSchema>;

/** How much of a clock has run at `now`: 0 at its start, 1 at (and after) its deadline. */
export function elapsedFraction(clockAt: string | null, due: string | null, now: number): number | null {
  if (clockAt === null || due === null) return null;
  const start = Date.parse(clockAt);
  const end = Date.parse(due);
  if (!(end > start)) return now >= end ? 1 : 0;
  return Math.min(1, Math.max(0, (now - start) / (end - start)));
}

export const overviewSchema = z.object({
  facts: factsSchema,
  counts: z.object({
    events: z.number().int(),
    parties: z.number().int(),
    tasks: z.number().int(),
    openTasks: z.number().int(),
    overdueTasks: z.number().int(),
    notes: z.number().int(),
    dataElements: z.number().int(),
    peopleAffected: z.number().int(),
    peopleAffectedExact: z.boolean(),
    jurisdictions: z.number().int(),
    evidence: z.number().int(),
    evidenceBytes: z.number().int(),
    pendingEvidence: z.number().int(),
  }),
  /** Labels of the data elements, in vocabulary order. */
  dataElements: z.array(z.string()),
  /** Open tasks, soonest due first (at most 8). */
  openTasks: z.array(taskSchema),
  populations: z.array(
    z.object({ jurisdiction: z.string(), name: z.string(), count: z.number().int(), exact: z.boolean() }),
  ),
  /** Event instants (UTC ms) for the strip's ticks; at most 2,000, evenly sampled from the timeline. */
  eventTimes: z.array(z.number()),
  /** What is owed and what to do next. */
  whatNow: overviewWhatNowSchema,
});
export type Overview = z.output<typeof overviewSchema>;
