import { z } from 'zod';
import {
  diffPartSchema,
  LETTER_FORMATS,
  letterRecordSchema,
  letterTemplateSummarySchema,
  letterVersionSchema,
  letterViewSchema,
  recipientSchema,
} from '../domain/letters';
import { letterDocumentSchema } from '../letters/document';

const none = z.object({}).strict();
const byId = z.object({ id: z.uuid() }).strict();
const instant = z.iso.datetime({ offset: false });
const path = z
  .string()
  .min(1)
  .refine((p) => !p.includes('\0'), 'A path cannot contain a NUL character');

/** Channels of the letters: templates, drafting, versions, checks, status and output. */
export const lettersContract = {
  'letters.templates': { input: none, output: z.array(letterTemplateSummarySchema) },
  'letters.list': { input: none, output: z.array(letterRecordSchema) },
  'letters.get': { input: byId, output: letterViewSchema },
  'letters.create': {
    input: z
      .object({
        /** Optional with an obligation: its template (the rule's, else the generic one for its recipient). */
        templateId: z.string().min(1).optional(),
        recipient: recipientSchema.default({ name: '', address: '' }),
        title: z.string().trim().max(300).optional(),
        /** The notice this letter answers; drafting moves a notice still to do to "drafting". */
        obligationRuleId: z.string().nullable().default(null),
        /**
         * The place the letter is for, within its template's (a generic US letter for "US-TX"):
         * its resident count and the rules it is checked against. Ignored with an obligation,
         * whose place the letter takes.
         */
        jurisdiction: z.string().trim().min(1).max(20).optional(),
      })
      .strict()
      .refine((input) => input.templateId !== undefined || input.obligationRuleId !== null, {
        message: 'Name a template, or the obligation whose template to draft from',
        path: ['templateId'],
      }),
    output: letterViewSchema,
  },
  /** Saves the editor's document as a new version; `baseVersion` guards against lost edits. */
  'letters.save': {
    input: z
      .object({ id: z.uuid(), baseVersion: z.number().int().positive(), doc: letterDocumentSchema })
      .strict(),
    output: letterViewSchema,
  },
  'letters.update': {
    input: z
      .object({
        id: z.uuid(),
        title: z.string().trim().min(1).max(300).optional(),
        recipient: recipientSchema.optional(),
      })
      .strict(),
    output: letterViewSchema,
  },
  'letters.versions': { input: byId, output: z.array(letterVersionSchema.omit({ doc: true })) },
  'letters.version': {
    input: z.object({ id: z.uuid(), version: z.number().int().positive() }).strict(),
    output: letterVersionSchema,
  },
  /** Plain-text difference between two versions. */
  'letters.diff': {
    input: z
      .object({ id: z.uuid(), from: z.number().int().positive(), to: z.number().int().positive() })
      .strict(),
    output: z.array(diffPartSchema),
  },
  /** Replaces merge fields with their current values in a new version. */
  'letters.freeze': { input: byId, output: letterViewSchema },
  'letters.setStatus': {
    input: z.discriminatedUnion('status', [
      z.object({ id: z.uuid(), status: z.literal('draft') }).strict(),
      z.object({ id: z.uuid(), status: z.literal('in_review') }).strict(),
      z
        .object({
          id: z.uuid(),
          status: z.literal('approved'),
          /** Required when a check fails: why it is approved anyway (audited). */
          override: z.string().trim().max(5_000).optional(),
        })
        .strict(),
      z
        .object({
          id: z.uuid(),
          status: z.literal('sent'),
          sentAt: instant,
          channel: z.string().trim().min(1).max(300),
        })
        .strict(),
    ]),
    output: letterViewSchema,
  },
  'letters.render': {
    input: z
      .object({
        id: z.uuid(),
        format: z.enum(LETTER_FORMATS),
        path,
        overwrite: z.boolean().default(false),
        /** A past version; default the latest (the approved one once approved). */
        version: z.number().int().positive().optional(),
      })
      .strict(),
    output: z.object({ path: z.string(), bytes: z.number().int(), sha256: z.string() }),
  },
} as const;
