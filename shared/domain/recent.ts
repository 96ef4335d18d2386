import { z } from 'zod';

const RECENT_STATES = ['available', 'missing', 'locked', 'unreadable'] as const;

const openDeadlineSchema = z.object({
  /** "Art. 33", "TX AG". */
  name: z.string(),
  title: z.string(),
  due: z.iso.datetime({ offset: false }),
});

/**
 * A case's notices at a glance, read from the file without opening it for writing: the nearest
 * open deadline and how many notices are overdue, owed, sent and waiting for a decision.
 */
export const caseGlanceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('figures'),
    /** The open notice (not sent, not decided unnecessary) with the nearest fixed deadline. */
    nearest: openDeadlineSchema.nullable(),
    /**
     * Every open notice with a fixed deadline, soonest first, so a screen can count down (and
     * count the overdue ones) on its own clock.
     */
    open: z.array(openDeadlineSchema),
    owed: z.number().int().nonnegative(),
    sent: z.number().int().nonnegative(),
    overdue: z.number().int().nonnegative(),
    decisionsNeeded: z.number().int().nonnegative(),
    /**
     * The demo case is shown as of its own day 2: the moment its figures are counted at, so
     * the list counts down from it too. Null for every other case (the real clock).
     */
    viewAsOf: z.iso.datetime({ offset: false }).nullable().default(null),
  }),
  /** Encrypted, and this computer does not remember its passphrase: nothing can be read. */
  z.object({ kind: z.literal('locked') }),
  /** The figures cannot be read without opening the case (an older schema, an interrupted change…). */
  z.object({ kind: z.literal('unavailable'), reason: z.string() }),
]);
export type CaseGlance = z.infer<typeof caseGlanceSchema>;

export const recentCaseSchema = z.object({
  path: z.string(),
  title: z.string(),
  lastOpenedAt: z.iso.datetime({ offset: false }),
  state: z.enum(RECENT_STATES),
  /** Null where the file cannot be read at all (see `state`) or nobody asked for figures. */
  glance: caseGlanceSchema.nullable().default(null),
});
export type RecentCase = z.infer<typeof recentCaseSchema>;
