import { z } from 'zod';

/** The hash before the first entry of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * What a bundle exported without privileged notes puts in place of those notes' audit payloads.
 * Such an entry keeps its hash and links, but its hash cannot be recomputed; verification
 * checks its place in the chain and counts it as withheld.
 */
export const WITHHELD_PAYLOAD = { $withheld: 'privileged note' } as const;

export function isWithheldPayload(payload: unknown): boolean {
  return (
    typeof payload === 'object' &&
    payload !== null &&
    Object.keys(payload).length === 1 &&
    (payload as Record<string, unknown>).$withheld === WITHHELD_PAYLOAD.$withheld
  );
}

export const auditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.iso.datetime({ offset: false }),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  payload: z.unknown(),
  prevHash: sha256Hex,
  hash: sha256Hex,
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const auditVerificationSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int().nonnegative(),
  headHash: z.string(),
  /** First entry whose stored hash or link does not match the recomputed chain. */
  firstBadSeq: z.number().int().positive().nullable(),
  problem: z.string().nullable(),
  /** Entries whose payload a bundle withheld (privileged notes): linked, not recomputed. */
  withheld: z.number().int().nonnegative(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

export const caseVerificationSchema = z.object({
  ok: z.boolean(),
  integrity: z.object({ ok: z.boolean(), messages: z.array(z.string()) }),
  audit: auditVerificationSchema,
});
export type CaseVerification = z.infer<typeof caseVerificationSchema>;
