import { z } from 'zod';
import {
  custodyEntrySchema,
  custodyInputSchema,
  evidenceItemSchema,
  evidencePatchSchema,
  evidenceVerificationSchema,
  exportResultSchema,
  intakeInputSchema,
  intakeResultSchema,
  jobIdSchema,
  PREVIEW_MODES,
  previewSchema,
} from '../domain/evidence';
import { pendingEvidenceSchema } from '../domain/pending-evidence';

const none = z.object({}).strict();
const byId = z.object({ id: z.uuid() }).strict();
const path = z
  .string()
  .min(1, 'A path is required')
  .refine((p) => !p.includes('\0'), 'A path cannot contain a NUL character');

/** Channels of the evidence locker, its long jobs and their dialogs. */
export const evidenceContract = {
  'evidence.list': { input: none, output: z.array(evidenceItemSchema) },
  'evidence.get': { input: byId, output: evidenceItemSchema },
  /** Takes files and folders in; resolves when all are stored, or rejects with CANCELLED. */
  'evidence.add': { input: intakeInputSchema, output: intakeResultSchema },
  'evidence.update': {
    input: z.object({ id: z.uuid(), patch: evidencePatchSchema }).strict(),
    output: evidenceItemSchema,
  },
  'evidence.custody': { input: byId, output: z.array(custodyEntrySchema) },
  'evidence.addCustody': { input: custodyInputSchema, output: custodyEntrySchema },
  'evidence.preview': {
    input: z
      .object({
        id: z.uuid(),
        mode: z.enum(PREVIEW_MODES).default('natural'),
        page: z.number().int().nonnegative().default(0),
        /** Gives the page holding this 1-based line of the item's text instead (search hits). */
        line: z.number().int().positive().optional(),
      })
      .strict(),
    output: previewSchema,
  },
  /** Re-reads every stored chunk of these items (all when `ids` is absent) and compares hashes. */
  'evidence.verify': {
    input: z.object({ jobId: jobIdSchema, ids: z.array(z.uuid()).max(100_000).optional() }).strict(),
    output: evidenceVerificationSchema,
  },
  /** Writes the original bytes to `path`, checks them by hash, and records the export in custody. */
  'evidence.export': {
    input: z
      .object({ jobId: jobIdSchema, id: z.uuid(), path, overwrite: z.boolean().default(false) })
      .strict(),
    output: exportResultSchema,
  },
  /** Files generated for the case by older builds, waiting to be attached. */
  'evidence.pending': { input: none, output: z.array(pendingEvidenceSchema) },
  'jobs.cancel': {
    input: z.object({ jobId: jobIdSchema }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  'dialog.chooseEvidence': {
    input: z.object({ folders: z.boolean().default(false) }).strict(),
    output: z.object({ paths: z.array(z.string()) }),
  },
  'dialog.chooseExportPath': {
    input: z.object({ suggestedName: z.string().max(300) }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
} as const;
