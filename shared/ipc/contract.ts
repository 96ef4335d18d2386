import { z } from 'zod';
import { auditEntrySchema, caseVerificationSchema } from '../domain/audit';
import {
  caseRecordSchema,
  casePatchSchema,
  caseTitleSchema,
  openCaseSchema,
  organisationSchema,
  newCaseKeyFields,
  oneCaseKeyChoice,
  passphraseSchema,
} from '../domain/case';
import { recentCaseSchema } from '../domain/recent';
import type { ChannelName, EventName } from './channel-names';
import { evidenceContract } from './evidence-contract';
import { investigationContract } from './investigation-contract';
import { bundleContract } from './bundle-contract';
import { lettersContract } from './letters-contract';
import { obligationsContract } from './obligations-contract';
import { noticesContract } from './notices-contract';
import { formsContract } from './forms-contract';
import { rosterContract } from './roster-contract';
import { jobProgressSchema } from '../domain/evidence';

const casePath = z
  .string()
  .min(1, 'A case file path is required')
  .refine((p) => !p.includes('\0'), 'A path cannot contain a NUL character');
const none = z.object({}).strict();
const pickedPath = z.object({ path: z.string().nullable() });

/** Every request the renderer (or CLI, or test host) can make: input and output schemas. */
export const contract = {
  ...investigationContract,
  ...evidenceContract,
  ...obligationsContract,
  ...lettersContract,
  ...bundleContract,
  ...rosterContract,
  ...noticesContract,
  ...formsContract,
  'app.info': {
    input: none,
    output: z.object({
      version: z.string(),
      schemaVersion: z.number().int(),
      /** Whether this host can remember case passphrases (the app, with a system keychain). */
      canRememberPassphrases: z.boolean(),
    }),
  },
  'case.create': {
    input: z
      .object({
        path: casePath,
        title: caseTitleSchema,
        organisation: organisationSchema,
        /** Only when a person confirmed replacing the file (the native save dialog asks). */
        overwrite: z.boolean().default(false),
        ...newCaseKeyFields,
      })
      .strict()
      .refine(...oneCaseKeyChoice),
    output: openCaseSchema,
  },
  'case.open': {
    input: z
      .object({
        path: casePath,
        /** For an encrypted file; without it, a remembered passphrase is used if there is one. */
        passphrase: passphraseSchema.optional(),
        remember: z.boolean().default(false),
      })
      .strict(),
    output: openCaseSchema,
  },
  /** Encrypts the open plaintext case in place (a new file renamed over it), audited. */
  'case.encrypt': {
    input: z.object({ passphrase: passphraseSchema, remember: z.boolean().default(false) }).strict(),
    output: openCaseSchema,
  },
  /** Re-encrypts the open case with a new passphrase; the current one is asked again. */
  'case.changePassphrase': {
    input: z
      .object({
        current: passphraseSchema,
        passphrase: passphraseSchema,
        remember: z.boolean().default(false),
      })
      .strict(),
    output: openCaseSchema,
  },
  /** Forgets this computer's remembered passphrase for the open case. */
  'case.forgetPassphrase': { input: none, output: openCaseSchema },
  /** Writes an unencrypted copy of the open case (explicit, audited in both files). */
  'case.decryptCopy': {
    input: z.object({ path: casePath, overwrite: z.boolean().default(false) }).strict(),
    output: z.object({ path: z.string() }),
  },
  'case.close': { input: none, output: z.null() },
  'case.current': { input: none, output: openCaseSchema.nullable() },
  'case.update': { input: z.object({ patch: casePatchSchema }).strict(), output: caseRecordSchema },
  'case.verify': { input: none, output: caseVerificationSchema },
  'audit.list': {
    input: z
      .object({
        /** Entries with seq below this one, newest first; omit for the newest. */
        beforeSeq: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    output: z.object({ entries: z.array(auditEntrySchema), total: z.number().int() }),
  },
  'recent.list': { input: none, output: z.array(recentCaseSchema) },
  'recent.forget': { input: z.object({ path: casePath }).strict(), output: z.null() },
  'dialog.chooseNewCasePath': {
    input: z.object({ suggestedName: z.string().max(200) }).strict(),
    output: pickedPath,
  },
  'dialog.chooseCaseToOpen': { input: none, output: pickedPath },
} as const satisfies Record<ChannelName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;

export const CONTENT_AREAS = [
  'facts',
  'dataElements',
  'populations',
  'parties',
  'events',
  'tasks',
  'notes',
  'evidence',
  'obligations',
  'letters',
  'conflicts',
  'roster',
  'notices',
] as const;

const MENU_COMMANDS = [
  'newCase',
  'openCase',
  'openRecent',
  'closeCase',
  'showHelp',
  'search',
  'openDemo',
  'addEvidence',
  'verifyEvidence',
  'exportBundle',
  'importBundle',
] as const;

/** Main → renderer notifications. */
export const events = {
  'case.changed': z.object({ reason: z.enum(['opened', 'closed', 'updated']) }),
  /** Something in the open case changed (from another host, an import, or this window): reload `areas`. */
  'case.contentChanged': z.object({ areas: z.array(z.enum(CONTENT_AREAS)) }),
  'menu.command': z.object({ command: z.enum(MENU_COMMANDS), path: z.string().optional() }),
  'job.progress': jobProgressSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
