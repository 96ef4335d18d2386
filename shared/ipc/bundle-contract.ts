import { z } from 'zod';
import {
  bundleEnvelopeSchema,
  bundleExportOptionsSchema,
  bundleExportResultSchema,
  bundleImportResultSchema,
  bundleMergeResultSchema,
  bundleVerificationSchema,
  fingerprintSchema,
  mergeConflictSchema,
  publicKeySchema,
  signingInfoSchema,
} from '../domain/bundle';
import { jobIdSchema } from '../domain/evidence';
import { newCaseKeyFields, oneCaseKeyChoice } from '../domain/case';

const none = z.object({}).strict();
const path = z
  .string()
  .min(1, 'A path is required')
  .refine((p) => !p.includes('\0'), 'A path cannot contain a NUL character');
/**
 * The passphrase of a bundle sealed in an age envelope to one. Without it such a bundle fails with
 * BUNDLE_PASSPHRASE_REQUIRED, a wrong one with BUNDLE_PASSPHRASE_WRONG; a bundle sealed to
 * recipients is opened with this installation's age identity.
 */
const bundlePassphrase = z.string().min(1, 'A passphrase cannot be empty').optional();

/** Channels of case bundles (export, verify, import, merge), their signing keys and dialogs. */
export const bundleContract = {
  /**
   * Writes the open case as a signed BagIt zip at `path` (temporary name, renamed when complete);
   * with `envelope`, sealed in age at `path` + ".age" (a path already ending in .age is kept).
   */
  'bundle.export': {
    input: bundleExportOptionsSchema
      .extend({
        jobId: jobIdSchema,
        path,
        overwrite: z.boolean().default(false),
        envelope: bundleEnvelopeSchema.optional(),
      })
      .strict(),
    output: bundleExportResultSchema,
  },
  /** Checks a bundle without opening it as a case; needs no open case. Never throws for a bad bundle. */
  'bundle.verify': {
    input: z.object({ jobId: jobIdSchema, path, bundlePassphrase }).strict(),
    output: bundleVerificationSchema,
  },
  /** Verifies a bundle and, only when it passes, writes it out as a new case file at `target`. */
  'bundle.import': {
    input: z
      .object({
        jobId: jobIdSchema,
        path,
        target: path,
        overwrite: z.boolean().default(false),
        bundlePassphrase,
        /** How the new case file is kept, as for case.create. */
        ...newCaseKeyFields,
      })
      .strict()
      .refine(...oneCaseKeyChoice),
    output: bundleImportResultSchema,
  },
  /** Verifies a colleague's bundle and adds its records to the open case; differing edits become conflicts. */
  'bundle.merge': {
    input: z.object({ jobId: jobIdSchema, path, bundlePassphrase }).strict(),
    output: bundleMergeResultSchema,
  },
  'bundle.conflicts': {
    input: z.object({ includeResolved: z.boolean().default(false) }).strict(),
    output: z.array(mergeConflictSchema),
  },
  /** Keeps this case's version, or takes the bundle's; audited either way. */
  'bundle.resolveConflict': {
    input: z.object({ id: z.uuid(), choice: z.enum(['ours', 'theirs']) }).strict(),
    output: mergeConflictSchema,
  },
  'signing.info': { input: none, output: signingInfoSchema },
  /** Creates this installation's key pair and age identity now (export does it on first use). */
  'signing.ensureKey': { input: none, output: signingInfoSchema },
  'signing.trust': {
    input: z.object({ publicKey: publicKeySchema, label: z.string().trim().min(1).max(200) }).strict(),
    output: signingInfoSchema,
  },
  'signing.untrust': {
    input: z.object({ fingerprint: fingerprintSchema }).strict(),
    output: signingInfoSchema,
  },
  'dialog.chooseBundle': { input: none, output: z.object({ path: z.string().nullable() }) },
  'dialog.chooseBundlePath': {
    input: z.object({ suggestedName: z.string().max(300) }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
} as const;
