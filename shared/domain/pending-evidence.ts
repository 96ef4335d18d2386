import { z } from 'zod';

/** A file generated or gathered for the case but not yet attached to the evidence locker. */
export const pendingEvidenceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  path: z.string(),
  size: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  description: z.string(),
  eventIds: z.array(z.uuid()),
});
export type PendingEvidence = z.output<typeof pendingEvidenceSchema>;
