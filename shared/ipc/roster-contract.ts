import { z } from 'zod';
import { jobIdSchema } from '../domain/evidence';
import {
  badRowSchema,
  DATASET_FORMATS,
  datasetSchema,
  reviewPairSchema,
  ROSTER_LOOKUP_KEYS,
  rosterMappingSchema,
  rosterPersonSchema,
  rosterStatsSchema,
} from '../domain/roster';

const none = z.object({}).strict();
const path = z
  .string()
  .min(1, 'A path is required')
  .refine((p) => !p.includes('\0'), 'A path cannot contain a NUL character');

/** What the mapping dialog shows: the first rows as read, and a proposed mapping with its reasons. */
export const datasetPreviewSchema = z.object({
  format: z.enum(DATASET_FORMATS),
  delimiter: z.string(),
  encoding: z.string(),
  table: z.string().nullable(),
  tables: z.array(z.string()),
  sizeBytes: z.number().int(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  mapping: rosterMappingSchema,
  /** Why each column was proposed as what it is (never quoting a value), by column. */
  reasons: z.record(z.string(), z.string()),
});
export type DatasetPreview = z.output<typeof datasetPreviewSchema>;

export const rosterImportResultSchema = z.object({
  dataset: datasetSchema,
  imported: z.number().int(),
  skipped: z.array(badRowSchema),
  people: z.number().int(),
  outOfScope: z.number().int(),
});
export type RosterImportResult = z.output<typeof rosterImportResultSchema>;

/** Channels of the roster: datasets of exposed people, their counts, review and lookup. */
export const rosterContract = {
  'roster.stats': { input: none, output: rosterStatsSchema },
  /** Reads the first rows of a file and proposes a mapping; nothing is stored or audited. */
  'roster.preview': {
    input: z
      .object({
        path,
        delimiter: z.string().min(1).max(4).optional(),
        encoding: z.string().min(1).max(40).optional(),
        table: z.string().min(1).max(200).optional(),
      })
      .strict(),
    output: datasetPreviewSchema,
  },
  /** Streams a dataset in; resolves when it is counted, or rejects with CANCELLED. */
  'roster.import': {
    input: z
      .object({
        jobId: jobIdSchema,
        path,
        mapping: rosterMappingSchema,
        name: z.string().trim().min(1).max(200).optional(),
        scopeOf: z.string().max(200).nullable().default(null),
        onBadRow: z.enum(['skip', 'stop']).default('skip'),
      })
      .strict(),
    output: rosterImportResultSchema,
  },
  'roster.find': {
    input: z.object({ key: z.enum(ROSTER_LOOKUP_KEYS), value: z.string().trim().min(1).max(400) }).strict(),
    output: z.array(rosterPersonSchema),
  },
  'roster.review': { input: none, output: z.array(reviewPairSchema) },
  'roster.decide': {
    input: z.object({ id: z.number().int().positive(), decision: z.enum(['merge', 'apart']) }).strict(),
    output: rosterStatsSchema,
  },
  'roster.purge': { input: z.object({ confirm: z.literal(true) }).strict(), output: rosterStatsSchema },
  'roster.loadMapping': { input: z.object({ path }).strict(), output: rosterMappingSchema },
  'roster.saveMapping': {
    input: z.object({ path, mapping: rosterMappingSchema }).strict(),
    output: z.object({ path: z.string() }),
  },
  'roster.saveSkipped': {
    input: z.object({ path, rows: z.array(badRowSchema).max(100_000) }).strict(),
    output: z.object({ path: z.string() }),
  },
  'dialog.chooseDataset': { input: none, output: z.object({ path: z.string().nullable() }) },
  'dialog.chooseMapping': { input: none, output: z.object({ path: z.string().nullable() }) },
  'dialog.chooseRosterSavePath': {
    input: z
      .object({ kind: z.enum(['mapping', 'skipped-rows']), suggestedName: z.string().max(300) })
      .strict(),
    output: z.object({ path: z.string().nullable() }),
  },
} as const;
