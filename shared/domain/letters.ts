import { z } from 'zod';
import { letterDocumentSchema } from '../letters/document';
import { MERGE_FIELD_IDS } from '../letters/merge-fields';
import { LETTER_LANGUAGES, LETTER_RECIPIENT_KINDS } from '../letters/template';

const instant = z.iso.datetime({ offset: false });

const LETTER_STATUSES = ['draft', 'in_review', 'approved', 'sent'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];
export const LETTER_FORMATS = ['pdf', 'docx', 'html'] as const;

export const recipientSchema = z
  .object({ name: z.string().trim().max(300).default(''), address: z.string().max(1_000).default('') })
  .strict();

export const letterRecordSchema = z.object({
  id: z.uuid(),
  templateId: z.string(),
  title: z.string(),
  recipient: z.object({ name: z.string(), address: z.string() }),
  jurisdiction: z.string(),
  language: z.enum(LETTER_LANGUAGES),
  /** The obligation (rule id) this letter answers, if any; marking the letter sent records it. */
  obligationRuleId: z.string().nullable(),
  status: z.enum(LETTER_STATUSES),
  /** The version that was approved (immutable, like every version); null until approval. */
  approvedVersion: z.number().int().nullable(),
  /** Why it was approved although checks failed, by whom and when. */
  override: z
    .object({ reason: z.string(), by: z.string(), at: instant, failing: z.array(z.string()) })
    .nullable(),
  sentAt: instant.nullable(),
  channel: z.string(),
  latestVersion: z.number().int().positive(),
  createdAt: instant,
  createdBy: z.string(),
  updatedAt: instant,
});
export type LetterRecord = z.output<typeof letterRecordSchema>;

export const letterVersionSchema = z.object({
  letterId: z.uuid(),
  version: z.number().int().positive(),
  doc: letterDocumentSchema,
  /** drafted: from the template; edited: saved by a person; frozen: merge fields made text. */
  kind: z.enum(['drafted', 'edited', 'frozen']),
  savedAt: instant,
  savedBy: z.string(),
});
export type LetterVersion = z.output<typeof letterVersionSchema>;

export const letterCheckSchema = z.object({
  id: z.string(),
  title: z.string(),
  citation: z.string(),
  status: z.enum(['pass', 'fail']),
  detail: z.string(),
});
export type LetterCheckResult = z.output<typeof letterCheckSchema>;

/** A letter as the editor needs it: the record, its latest version, live values and checks. */
export const letterViewSchema = z.object({
  letter: letterRecordSchema,
  version: letterVersionSchema,
  values: z.partialRecord(z.enum(MERGE_FIELD_IDS), z.string().nullable()),
  checks: z.array(letterCheckSchema),
});
export type LetterView = z.output<typeof letterViewSchema>;

export const letterTemplateSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  recipientKind: z.enum(LETTER_RECIPIENT_KINDS),
  jurisdiction: z.string(),
  language: z.enum(LETTER_LANGUAGES),
  ruleIds: z.array(z.string()),
});

export const diffPartSchema = z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() });
