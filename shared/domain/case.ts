import { z } from 'zod';

export const CASE_STATUSES = ['investigating', 'notifying', 'monitoring', 'closed'] as const;
export const caseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  investigating: 'Investigating',
  notifying: 'Notifying',
  monitoring: 'Monitoring',
  closed: 'Closed',
};

const isoInstant = z.iso.datetime({ offset: false });

export const caseTitleSchema = z
  .string()
  .trim()
  .min(1, 'Title cannot be empty')
  .max(200, 'Title is longer than 200 characters');
export const organisationSchema = z
  .string()
  .trim()
  .min(1, 'Organisation cannot be empty')
  .max(200, 'Organisation is longer than 200 characters');

export const caseRecordSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  organisation: z.string(),
  status: caseStatusSchema,
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type CaseRecord = z.infer<typeof caseRecordSchema>;

/** What a host knows about the case file it has open. */
export const openCaseSchema = z.object({
  path: z.string(),
  schemaVersion: z.number().int(),
  record: caseRecordSchema,
  /**
   * What opening the file had to repair after a crash, one sentence each ("An interrupted change
   * was rolled back; …"); empty for a file that was closed cleanly.
   */
  notices: z.array(z.string()),
  /** Encrypted at rest (SQLCipher 4) rather than a plain SQLite file. */
  encrypted: z.boolean(),
  /** This computer keeps its passphrase (encrypted by the system keychain) and opens it without asking. */
  passphraseRemembered: z.boolean(),
  /**
   * Set only for the demo case: the moment its clocks are shown as of (its own day 2), so it reads
   * as a live incident; the app offers to show it as of today instead. A view setting, not a fact.
   */
  demoAsOf: z.object({ at: isoInstant, zone: z.string().min(1) }).nullable(),
});
export type OpenCase = z.infer<typeof openCaseSchema>;

/**
 * A case passphrase as typed. No upper length limit (a passphrase manager may produce a long one);
 * it is never trimmed, since spaces may be part of it.
 */
export const passphraseSchema = z
  .string()
  .min(1, 'A passphrase is required')
  .refine((p) => !p.includes('\0'), 'A passphrase cannot contain a NUL character');

/** How a new case file is to be kept: with a passphrase (the default), or plaintext by explicit choice. */
export const newCaseKeyFields = {
  /** Encrypts the new case file with this passphrase (required unless `plaintext`). */
  passphrase: passphraseSchema.optional(),
  /** The explicit choice of an unencrypted case file. */
  plaintext: z.boolean().default(false),
  /** Keep the passphrase on this computer (encrypted by its keychain). */
  remember: z.boolean().default(false),
};

/** For `.refine` on an input with newCaseKeyFields: exactly one of a passphrase or plaintext. */
export const oneCaseKeyChoice = [
  (input: { passphrase?: string | undefined; plaintext: boolean }) =>
    input.plaintext !== (input.passphrase !== undefined),
  {
    message:
      'A new case file is encrypted: give it a passphrase, or choose explicitly to leave it unencrypted (not both).',
  },
] as const;

export const casePatchSchema = z
  .object({
    title: caseTitleSchema.optional(),
    organisation: organisationSchema.optional(),
    status: caseStatusSchema.optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'Nothing to change');
export type CasePatch = z.infer<typeof casePatchSchema>;
