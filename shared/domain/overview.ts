import { z } from 'zod';
import { factsSchema } from './facts';
import { taskSchema } from './tasks-notes';

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
});
export type Overview = z.output<typeof overviewSchema>;
