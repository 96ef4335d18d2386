import { z } from 'zod';
import { DATA_ELEMENT_TERMS } from './data-elements';

/**
 * Notices to every affected person (issue 20): a notification run decides per person which
 * notices reach them, which approved letter, language and channel; writes the e-mail files and
 * print batches the organisation's mail system or mail house sends; and takes back what came of
 * them. Breachdesk never sends anything itself.
 */

export const NOTICE_CHANNELS = ['email', 'post', 'unreachable'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/** pending: written, nothing heard back yet. The other five are where every person ends. */
export const NOTICE_STATUSES = [
  'pending',
  'delivered',
  'bounced',
  'returned',
  'unreachable',
  'substitute',
] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** eml: one file per e-mail; mbox: one mbox per batch; pdf: print only (post first). */
export const NOTICE_FORMATS = ['eml', 'mbox', 'pdf'] as const;
export type NoticeFormat = (typeof NOTICE_FORMATS)[number];

const isoDate = z.iso.date();
const instant = z.iso.datetime({ offset: false });

/** How a case's notices are sent: decided once per case, changed by a person (audited). */
export const noticeSettingsSchema = z
  .object({
    /** Whether notice by e-mail is allowed at all (e.g. consent to electronic notice obtained). */
    emailAllowed: z.boolean().default(true),
    /** Which channel a person with both an e-mail and a postal address gets. */
    prefer: z.enum(['email', 'post']).default('email'),
    /**
     * The breached credentials are those of e-mail accounts the organisation provides: a person
     * whose password or security answer was exposed is never sent the notice at that address
     * (California Civil Code §1798.82(d)(2); "must not be sent to an email account whose
     * credentials were breached").
     */
    credentialsAreOrgEmail: z.boolean().default(false),
    /** The sender of the e-mails; the organisation's contact e-mail when empty. */
    senderName: z.string().max(300).default(''),
    senderAddress: z.string().max(300).default(''),
    /** Credit monitoring or identity protection offered with the notice, and to whom. */
    offer: z
      .object({
        enabled: z.boolean().default(false),
        service: z.string().max(300).default(''),
        /** The last day a person can enrol (YYYY-MM-DD). */
        enrolBy: isoDate.nullable().default(null),
        /** Offered to people whose own exposed data includes any of these; empty: to everyone. */
        elements: z.array(z.enum(DATA_ELEMENT_TERMS)).default([]),
      })
      .strict()
      .default({ enabled: false, service: '', enrolBy: null, elements: [] }),
  })
  .strict();
export type NoticeSettings = z.output<typeof noticeSettingsSchema>;
export const DEFAULT_NOTICE_SETTINGS: NoticeSettings = noticeSettingsSchema.parse({});

const countMap = z.record(z.string(), z.number().int());

/** The letter a notice is written from: an approved version, never a draft. */
export const planLetterSchema = z.object({
  letterId: z.uuid(),
  title: z.string(),
  templateId: z.string(),
  language: z.string(),
  ruleId: z.string(),
  version: z.number().int(),
  people: z.number().int(),
});
export type PlanLetter = z.output<typeof planLetterSchema>;

/** What a run would do, as counts only: shown before anything is written. */
export const noticePlanSchema = z.object({
  /** People in the roster counted as affected. */
  people: z.number().int(),
  /** People the run would write a notice for (or record as unreachable). */
  toNotify: z.number().int(),
  byTemplate: countMap,
  byLanguage: countMap,
  byChannel: z.object({ email: z.number().int(), post: z.number().int(), unreachable: z.number().int() }),
  byJurisdiction: z.record(
    z.string(),
    z.object({
      people: z.number().int(),
      email: z.number().int(),
      post: z.number().int(),
      unreachable: z.number().int(),
    }),
  ),
  letters: z.array(planLetterSchema),
  /** Notices owed to people for which no letter answering them is approved yet. */
  withoutLetter: z.array(
    z.object({ ruleId: z.string(), title: z.string(), jurisdiction: z.string(), people: z.number().int() }),
  ),
  /** Rules whose answer waits on a decision: their people are not planned ("decision needed"). */
  decisionNeeded: z.array(z.object({ ruleId: z.string(), title: z.string(), people: z.number().int() })),
  /** Affected people no notice to individuals reaches (their data counts under no such law, or residency unknown). */
  noObligation: z.number().int(),
  /** People already sent a notice (pending, delivered or covered by substitute notice). */
  alreadyNotified: z.number().int(),
  /** People every channel has failed (bounced, returned, or no contact details): substitute notice is left. */
  noChannelLeft: z.number().int(),
  /** People whose e-mail address was not used because their credentials for it were breached. */
  emailBarred: z.number().int(),
  /** Left out of a print-only run because they can be reached by e-mail only. */
  leftForEmail: z.number().int(),
  offer: z
    .object({
      offered: z.number().int(),
      alreadyAssigned: z.number().int(),
      needed: z.number().int(),
      available: z.number().int(),
    })
    .nullable(),
  /** Why the run cannot be written now, one sentence each (e.g. codes that run out). */
  blockers: z.array(z.string()),
  format: z.enum(NOTICE_FORMATS),
});
export type NoticePlan = z.output<typeof noticePlanSchema>;

export const runFileSchema = z.object({
  /** Relative to the run's folder, with forward slashes. */
  file: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  notices: z.number().int(),
});
export type RunFile = z.output<typeof runFileSchema>;

/** A notification run as recorded: its plan, the letter versions it used and what it wrote. */
export const noticeRunSchema = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  createdAt: instant,
  createdBy: z.string(),
  format: z.enum(NOTICE_FORMATS),
  /** The folder the run was written to. */
  out: z.string(),
  plan: noticePlanSchema,
  letters: z.array(z.object({ letterId: z.uuid(), version: z.number().int() })),
  /** The batch files (e-mail files are counted, not listed, past a few thousand: see the manifest). */
  files: z.array(runFileSchema),
  fileCount: z.number().int(),
  manifestSha256: z.string(),
  notices: z.number().int(),
});
export type NoticeRun = z.output<typeof noticeRunSchema>;

export const statusCountsSchema = z.object({
  /** People a notice to individuals reaches (owed, or waiting on a decision) with no notice yet. */
  to_do: z.number().int(),
  pending: z.number().int(),
  delivered: z.number().int(),
  bounced: z.number().int(),
  returned: z.number().int(),
  unreachable: z.number().int(),
  substitute: z.number().int(),
  /** People no notice to individuals reaches (their data counts under no such law, or residency unknown). */
  no_notice: z.number().int(),
});
export type StatusCounts = z.output<typeof statusCountsSchema>;

/** Where every affected person stands, by their latest notice. */
export const noticeStatusSchema = z.object({
  people: z.number().int(),
  byStatus: statusCountsSchema,
  byJurisdiction: z.record(z.string(), statusCountsSchema),
  runs: z.array(noticeRunSchema),
  /** Per notice to individuals: whether substitute notice is open for the people not reached. */
  substitute: z.array(
    z.object({
      ruleId: z.string(),
      title: z.string(),
      jurisdiction: z.string(),
      unreached: z.number().int(),
      available: z.enum(['yes', 'if_cost_or_contact', 'no']),
      text: z.string(),
      citation: z.string(),
    }),
  ),
  codes: z.object({ total: z.number().int(), assigned: z.number().int(), available: z.number().int() }),
  settings: noticeSettingsSchema,
});
export type NoticeStatusView = z.output<typeof noticeStatusSchema>;

/** What a tracking import did: counts only (the files hold addresses). */
export const trackResultSchema = z.object({
  files: z.number().int(),
  entries: z.number().int(),
  matched: z.number().int(),
  unmatched: z.number().int(),
  byOutcome: countMap,
  badRows: z.array(z.object({ file: z.string(), line: z.number().int(), message: z.string() })),
});
export type TrackResult = z.output<typeof trackResultSchema>;

export const codesImportResultSchema = z.object({
  imported: z.number().int(),
  duplicates: z.number().int(),
  total: z.number().int(),
  available: z.number().int(),
  badRows: z.array(z.object({ line: z.number().int(), message: z.string() })),
});
export type CodesImportResult = z.output<typeof codesImportResultSchema>;

export const generateResultSchema = z.object({ run: noticeRunSchema });
