import { z } from 'zod';

const RECENT_STATES = ['available', 'missing', 'locked', 'unreadable'] as const;

export const recentCaseSchema = z.object({
  path: z.string(),
  title: z.string(),
  lastOpenedAt: z.iso.datetime({ offset: false }),
  state: z.enum(RECENT_STATES),
});
export type RecentCase = z.infer<typeof recentCaseSchema>;
