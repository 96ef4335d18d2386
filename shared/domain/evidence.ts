import { z } from 'zod';
import { zonedTimeSchema } from '../time/zoned-time';
import { patchSchemaOf } from './patch';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const instant = z.iso.datetime({ offset: false });
const tag = z.string().trim().min(1).max(50);

/**
 * How an item is previewed. Decided by content at intake: markup that could run (HTML, SVG, XML)
 * is `source`, shown as text and never rendered.
 */
/**
 * Evidence bytes are read and stored in chunks of exactly this size (the last one shorter): the
 * case file's storage layout, and the unit the readers hand out, so one chunk read is one row.
 */
export const CHUNK_SIZE = 1024 * 1024;

export const EVIDENCE_KINDS = [
  'text',
  'csv',
  'json',
  'email',
  'source',
  'image',
  'pdf',
  'docx',
  'binary',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** What became of an item's text: indexed for search, or why not. */
export const TEXT_STATES = ['indexed', 'none', 'too-large', 'failed'] as const;

const editableFields = {
  source: z.string().trim().max(500).default(''),
  collectedBy: z.string().trim().max(200).default(''),
  /** When the file was collected from its source; null when nobody recorded it. */
  collectedAt: zonedTimeSchema.nullable().default(null),
  description: z.string().max(20_000).default(''),
  tags: z.array(tag).max(20).default([]),
  eventIds: z.array(z.uuid()).max(200).default([]),
  partyIds: z.array(z.uuid()).max(50).default([]),
};

export const evidenceItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Where the file was when it was taken in (absolute path on the intake machine). */
  originalPath: z.string(),
  size: z.number().int().nonnegative(),
  sha256,
  /** Detected from content (magic numbers, text sniffing), the extension only breaking ties. */
  mediaType: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  /** The text encoding detected for text-like files (a WHATWG label), else null. */
  encoding: z.string().nullable(),
  fileTimes: z.object({ modified: instant.nullable(), created: instant.nullable() }),
  addedAt: instant,
  addedBy: z.string(),
  text: z.object({
    state: z.enum(TEXT_STATES),
    lines: z.number().int().nonnegative(),
    pages: z.number().int().nonnegative(),
    note: z.string(),
  }),
  ...editableFields,
});
export type EvidenceItem = z.output<typeof evidenceItemSchema>;

export const evidencePatchSchema = patchSchemaOf(editableFields);
export type EvidencePatch = z.output<typeof evidencePatchSchema>;

/** Metadata given once for every file of one intake. */
const intakeMetadataSchema = z
  .object({
    source: editableFields.source,
    collectedBy: editableFields.collectedBy,
    collectedAt: editableFields.collectedAt,
    description: editableFields.description,
    tags: editableFields.tags,
    eventIds: editableFields.eventIds,
    partyIds: editableFields.partyIds,
  })
  .strict();
export type IntakeMetadata = z.output<typeof intakeMetadataSchema>;

/** An intake that says nothing about its files (the default when a call gives no metadata). */
export const NO_INTAKE_METADATA: IntakeMetadata = {
  source: '',
  collectedBy: '',
  collectedAt: null,
  description: '',
  tags: [],
  eventIds: [],
  partyIds: [],
};

export const jobIdSchema = z.uuid();

export const intakeInputSchema = z
  .object({
    /** Chosen by the caller so it can follow `job.progress` and cancel. */
    jobId: jobIdSchema,
    /** Files and folders (folders are walked; symbolic links are not followed). */
    paths: z
      .array(
        z
          .string()
          .min(1)
          .refine((p) => !p.includes('\0'), 'A path cannot contain NUL'),
      )
      .min(1)
      .max(10_000),
    metadata: intakeMetadataSchema.default(NO_INTAKE_METADATA),
  })
  .strict();

export const intakeResultSchema = z.object({
  added: z.array(evidenceItemSchema),
  /** Files whose content, name and path are already in the locker. */
  alreadyPresent: z.array(z.object({ path: z.string(), id: z.uuid() })),
  /** Things found while walking folders that are not regular files (links, devices). */
  skipped: z.array(z.object({ path: z.string(), reason: z.string() })),
});
export type IntakeResult = z.output<typeof intakeResultSchema>;

const CUSTODY_ACTIONS = ['collected', 'received', 'transferred', 'exported', 'verified'] as const;
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];

export const custodyEntrySchema = z.object({
  id: z.uuid(),
  evidenceId: z.uuid(),
  action: z.enum(CUSTODY_ACTIONS),
  actor: z.string(),
  at: instant,
  note: z.string(),
  /** Recorded by Breachdesk itself (intake, export, verify) rather than typed by a person. */
  automatic: z.boolean(),
});
export type CustodyEntry = z.output<typeof custodyEntrySchema>;

/** Custody events a person records; exports and verifications are recorded by the app. */
export const custodyInputSchema = z
  .object({
    evidenceId: z.uuid(),
    action: z.enum(['collected', 'received', 'transferred']),
    actor: z.string().trim().min(1, 'Say who').max(200),
    at: instant,
    note: z.string().max(5_000).default(''),
  })
  .strict();

const evidenceProblemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  sha256,
  problem: z.string(),
});

export const evidenceVerificationSchema = z.object({
  ok: z.boolean(),
  items: z.number().int(),
  blobs: z.number().int(),
  bytes: z.number().int(),
  failed: z.array(evidenceProblemSchema),
  at: instant,
});
export type EvidenceVerification = z.output<typeof evidenceVerificationSchema>;

export const exportResultSchema = z.object({ path: z.string(), size: z.number().int(), sha256 });

/** One page of a preview; every variant is data to show as text, never markup to render. */
export const previewSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('text'),
    /** Markup shown as source: the renderer says it is never rendered. */
    source: z.boolean(),
    encoding: z.string().nullable(),
    page: z.number().int(),
    pages: z.number().int(),
    firstLine: z.number().int(),
    lines: z.array(z.string()),
  }),
  z.object({
    type: z.literal('table'),
    page: z.number().int(),
    pages: z.number().int(),
    firstLine: z.number().int(),
    header: z.array(z.string()),
    rows: z.array(z.array(z.string())),
  }),
  z.object({ type: z.literal('json'), text: z.string() }),
  z.object({
    type: z.literal('email'),
    headers: z.array(z.object({ name: z.string(), value: z.string() })),
    body: z.string(),
    attachments: z.array(z.object({ name: z.string(), mediaType: z.string(), size: z.number().int() })),
  }),
  z.object({ type: z.literal('image'), dataUrl: z.string(), mediaType: z.string() }),
  z.object({
    /** The renderer draws the pages with pdf.js, scripting off; the text pages are the fallback. */
    type: z.literal('pdf'),
    base64: z.string(),
    textPages: z.number().int(),
  }),
  z.object({
    type: z.literal('hex'),
    page: z.number().int(),
    pages: z.number().int(),
    offset: z.number().int(),
    rows: z.array(z.object({ offset: z.number().int(), hex: z.string(), ascii: z.string() })),
  }),
  z.object({ type: z.literal('none'), reason: z.string() }),
]);
export type Preview = z.output<typeof previewSchema>;

/** Which way to look at an item: its natural view, its extracted text, or raw hex. */
export const PREVIEW_MODES = ['natural', 'text', 'hex'] as const;

/** A long job's progress, sent as `job.progress` events, throttled to a few per second. */
export const jobProgressSchema = z.object({
  jobId: jobIdSchema,
  job: z.enum([
    'intake',
    'verify',
    'export',
    'bundle-export',
    'bundle-verify',
    'bundle-import',
    'bundle-merge',
    'roster-import',
    'notices-generate',
  ]),
  phase: z.string(),
  doneBytes: z.number().int(),
  totalBytes: z.number().int(),
  doneItems: z.number().int(),
  totalItems: z.number().int(),
  current: z.string(),
  bytesPerSecond: z.number(),
  /** Null until the rate is known. */
  secondsLeft: z.number().nullable(),
});
export type JobProgress = z.output<typeof jobProgressSchema>;
