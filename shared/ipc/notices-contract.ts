import { z } from 'zod';
import { jobIdSchema } from '../domain/evidence';
import {
  codesImportResultSchema,
  generateResultSchema,
  NOTICE_FORMATS,
  noticePlanSchema,
  noticeSettingsSchema,
  noticeStatusSchema,
  trackResultSchema,
} from '../domain/notices';

const none = z.object({}).strict();
const path = z
  .string()
  .min(1, 'A path is required')
  .refine((p) => !p.includes('\0'), 'A path cannot contain a NUL character');

/** Channels of notices to every affected person: plan, write, track. */
export const noticesContract = {
  'notices.settings': { input: none, output: noticeSettingsSchema },
  'notices.updateSettings': { input: noticeSettingsSchema.partial().strict(), output: noticeSettingsSchema },
  /** What a run would do, as counts; nothing is written or audited. */
  'notices.plan': {
    input: z.object({ format: z.enum(NOTICE_FORMATS).default('eml') }).strict(),
    output: noticePlanSchema,
  },
  /** Writes a run's files into `out` (a new or empty folder); resolves when they are in place. */
  'notices.generate': {
    input: z
      .object({
        jobId: jobIdSchema,
        out: path,
        format: z.enum(NOTICE_FORMATS).default('eml'),
        /** Writes an earlier run's files again, byte for byte, instead of a new run. */
        runId: z.uuid().optional(),
      })
      .strict(),
    output: generateResultSchema,
  },
  /** Reads bounces (DSN .eml, CSV) or returned mail (CSV) and records each person's outcome. */
  'notices.track': {
    input: z
      .object({
        paths: z.array(path).min(1).max(10_000),
        kind: z.enum(['bounces', 'returned']).default('bounces'),
      })
      .strict(),
    output: trackResultSchema,
  },
  'notices.status': { input: none, output: noticeStatusSchema },
  /** Imports activation codes (CSV: code, expiry); they stay in the case, masked. */
  'notices.importCodes': { input: z.object({ path }).strict(), output: codesImportResultSchema },
  /** Records that substitute notice was given (posted on the web, in the media) for the people not reached. */
  'notices.recordSubstitute': {
    input: z.object({ postedOn: z.iso.date(), ruleIds: z.array(z.string()).max(500).default([]) }).strict(),
    output: noticeStatusSchema,
  },
  'dialog.chooseNoticesFolder': { input: none, output: z.object({ path: z.string().nullable() }) },
  'dialog.chooseTrackingFiles': { input: none, output: z.object({ paths: z.array(z.string()) }) },
  'dialog.chooseCodesFile': { input: none, output: z.object({ path: z.string().nullable() }) },
} as const;
