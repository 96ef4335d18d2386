import { z } from 'zod';
import { DATA_ELEMENT_TERMS } from '../domain/data-elements';
import { ORGANISATION_ROLES, REGULATED_ROLES } from '../domain/facts';
import { matcherSchema } from '../letters/matcher';
import { isTimeZone } from '../time/zoned-time';
import { REGIME_DECISIONS } from './regime-decisions';

/** Who receives a notice. */
export const RECIPIENT_KINDS = [
  'supervisory_authority',
  'attorney_general',
  'state_police',
  'other_regulator',
  'consumer_reporting_agencies',
  'affected_individuals',
  'data_owner',
] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/**
 * The moments a deadline can run from. US statutes say "determination" of a breach; Breachdesk
 * takes it to be the awareness time recorded in Facts, and says so wherever it applies.
 * "decision" is the date of the decision the rule turns on (`trigger.decision`): the SEC's
 * materiality determination, DORA's classification as major, the completed Australian
 * assessment; the reckoning names it ("4 business days after the materiality determination").
 */
export const CLOCKS = ['discovery', 'awareness', 'determination', 'decision'] as const;
export type Clock = (typeof CLOCKS)[number];

const isoDate = z.iso.date();
const term = z.enum(DATA_ELEMENT_TERMS);

/**
 * A period in one of the units these laws use: exact `hours`, calendar `days`, or `businessDays`.
 * Business days need a `calendar`: the ISO 3166 code whose public holidays count, "US" for the
 * federal holidays only or a subdivision such as "US-OH" for that state's (the federal ones
 * included where the state keeps them), as the `date-holidays` library knows them. Days are
 * counted in the clock's own zone unless `zone` (an IANA zone, e.g. "America/Chicago") names the
 * jurisdiction's. shared/obligations/business-days.ts says exactly how they are counted.
 */
const periodSchema = z
  .object({
    hours: z.number().int().positive().optional(),
    days: z.number().int().positive().optional(),
    businessDays: z.number().int().positive().optional(),
    /** Calendar months: the same day and time N months later (the month's last day if shorter). */
    months: z.number().int().positive().optional(),
    calendar: z
      .string()
      .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'An ISO 3166 code such as "US" or "US-OH"')
      .optional(),
    zone: z.string().refine(isTimeZone, 'Unknown time zone').optional(),
  })
  .strict()
  .refine(
    (p) => [p.hours, p.days, p.businessDays, p.months].filter((n) => n !== undefined).length === 1,
    'Give exactly one of hours, days, businessDays or months',
  )
  .refine(
    (p) =>
      p.businessDays === undefined
        ? p.calendar === undefined && p.zone === undefined
        : p.calendar !== undefined,
    'businessDays needs a calendar; calendar and zone go with businessDays only',
  );
export type Period = z.output<typeof periodSchema>;

const deadlineSchema = z.discriminatedUnion('kind', [
  /** A fixed period from a clock: "not later than 72 hours after having become aware". */
  z
    .object({
      kind: z.literal('period'),
      clock: z.enum(CLOCKS),
      period: periodSchema,
      wording: z.string(),
      /**
       * "And no later than": a second limit from another clock (DORA: 4 hours from the
       * classification and no later than 24 hours from awareness). The earlier of the two
       * applies, unless the period's own clock started after that limit had passed (then the
       * period alone: DORA's "classified only after those 24 hours").
       */
      notLaterThan: z
        .object({ clock: z.enum(CLOCKS), period: periodSchema })
        .strict()
        .optional(),
    })
    .strict(),
  /** Tied to another notice of the same case: "within 15 days of notifying residents", "before". */
  z
    .object({
      kind: z.literal('after_notice'),
      /** The notice it follows; with a list, whichever of them was sent (versions of one law). */
      ruleId: z.union([z.string(), z.array(z.string()).min(1)]),
      period: periodSchema.optional(),
      wording: z.string(),
    })
    .strict(),
  /** "Without unreasonable delay": no fixed date in law, so a suggested internal target. */
  z
    .object({
      kind: z.literal('undetermined'),
      wording: z.string(),
      suggested: z
        .object({ clock: z.enum(CLOCKS), period: periodSchema })
        .strict()
        .nullable(),
    })
    .strict(),
]);
export type Deadline = z.output<typeof deadlineSchema>;

/**
 * A stage's deadline: any rule deadline, or a period after an earlier stage of the same
 * obligation was sent ("intermediate report within 72 hours of the initial notification").
 */
const stageDeadlineSchema = z.union([
  deadlineSchema,
  z
    .object({
      kind: z.literal('after_stage'),
      stageId: z.string(),
      period: periodSchema,
      wording: z.string(),
    })
    .strict(),
]);
export type StageDeadline = z.output<typeof stageDeadlineSchema>;

export const ORDER_RELATIONS = ['before', 'no_later_than', 'after'] as const;

export const contentItemSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    citation: z.string(),
    /**
     * How a letter check finds this item when the letter's template has no matcher of its own
     * for it (generic templates): any one matcher found is enough.
     */
    matchers: z.array(matcherSchema).min(1).optional(),
  })
  .strict();
export type ContentItem = z.output<typeof contentItemSchema>;

const triggerSchema = z
  .object({
    /** Organisation roles the rule is written for. */
    roles: z.array(z.enum(ORGANISATION_ROLES)).min(1),
    /**
     * Jurisdiction codes whose affected people count towards this rule; "GDPR" stands for the
     * pack's `gdprJurisdictions`, "US" for every US state.
     */
    residentsOf: z.array(z.string()).min(1),
    residents: z
      .object({
        comparison: z.enum(['any', 'gte', 'gt', 'lt']),
        count: z.number().int().nonnegative(),
        /**
         * The law counts per state or jurisdiction ("more than 500 residents of a State"): only
         * the jurisdictions that each meet the threshold count.
         */
        perJurisdiction: z.boolean().default(false),
      })
      .strict(),
    /**
     * What counts as personal information there: any one combination fully present triggers.
     * Null: any personal data at all (GDPR).
     */
    personalInformation: z.array(z.array(term).min(1)).nullable(),
    /** Encrypted elements do not count (unless the key was compromised too, see below). */
    encryptionSafeHarbour: z.boolean(),
    /**
     * Whether encrypted elements count again when the key (or credential) was compromised with
     * them: the usual wording, so true unless the law's safe harbour has no such exception.
     */
    keyCompromiseException: z.boolean().default(true),
    /**
     * The law's risk-of-harm test, decided by a person for the jurisdiction (never assumed):
     * "exemption": owed unless someone determines the test is met (e.g. "no reasonable
     * likelihood of harm"), so the notice stays owed and its clock runs while nobody has;
     * "condition": owed only once someone determines that harm is likely (e.g. "reasonably
     * likely to cause substantial harm"), so without a decision it reads "decision needed".
     */
    harm: z
      .object({
        kind: z.enum(['exemption', 'condition']),
        /** The law's test, in its words. */
        test: z.string(),
        citation: z.string(),
        /** What the law asks of a decision not to notify (in writing, kept 5 years, AG told first…). */
        conditions: z.string().default(''),
      })
      .strict()
      .nullable()
      .default(null),
    /** GDPR: Art. 33 unless the risk is unlikely; Art. 34 only for a high risk a person confirmed. */
    risk: z.enum(['not_unlikely', 'high']).nullable(),
    /** Where the organisation's main establishment must (or must not) be: the CNIL's own practice. */
    establishment: z
      .object({ in: z.array(z.string()).optional(), notIn: z.array(z.string()).optional() })
      .strict()
      .nullable(),
    /** Rules for a kind of organisation only (GLBA financial institutions for the FTC rule). */
    financialInstitution: z.boolean().nullable(),
    /**
     * Sector rules: the organisation must hold one of these roles (Facts › Organisation); a case
     * that records none is told the rule does not apply to it, naming the roles.
     */
    regulatedRoles: z.array(z.enum(REGULATED_ROLES)).min(1).nullable().default(null),
    /**
     * The organisation must be established in one of these countries (its main establishment or
     * any country of establishment); "EU" stands for every EU member state.
     */
    establishedIn: z.array(z.string()).min(1).nullable().default(null),
    /**
     * False for incident-reporting regimes (NIS2, DORA, the SEC) whose duty does not depend on
     * whose data was exposed: no people or personal data are needed for them to apply.
     */
    personalDataNeeded: z.boolean().default(true),
    /**
     * A decision the rule turns on (Facts › Decisions), never assumed: "condition": owed only
     * once it is answered yes (undecided: "decision needed"; no: not owed); "exemption": owed
     * unless it is answered yes (HIPAA's low probability of compromise), its clock running meanwhile.
     */
    decision: z
      .object({ key: z.enum(REGIME_DECISIONS), kind: z.enum(['condition', 'exemption']) })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type Trigger = z.output<typeof triggerSchema>;

export const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string(),
    /** The law's jurisdiction: an ISO 3166 code, or "EU". */
    jurisdiction: z.string(),
    law: z.string(),
    /**
     * The regime's name as people know it ("UK GDPR", "NIS2", "SEC Form 8-K Item 1.05"), by which
     * `rules list` groups rules across jurisdictions; empty: the law's name.
     */
    regime: z.string().default(''),
    recipient: z
      .object({
        kind: z.enum(RECIPIENT_KINDS),
        /** Shown to people; `{leadAuthority}` is replaced by the authority of the establishment. */
        name: z.string(),
        channel: z.string(),
      })
      .strict(),
    trigger: triggerSchema,
    deadline: deadlineSchema,
    /** Ordering against other notices of the case, beyond the deadline itself. */
    order: z
      .array(
        z.object({ ruleId: z.string(), relation: z.enum(ORDER_RELATIONS), wording: z.string() }).strict(),
      )
      .default([]),
    requiredContent: z.array(contentItemSchema),
    prohibitedContent: z.array(contentItemSchema),
    /** The letter template to draft this notice from (the letters feature), or null. */
    template: z.string().nullable(),
    /** The regulator's form this notice is made on, as an answer sheet (shared/forms), or null. */
    form: z.string().nullable().default(null),
    /**
     * Reports in stages (NIS2: early warning, notification, final report): each its own deadline,
     * content, letter or form and status, in order. The rule's own deadline is the first stage's.
     */
    stages: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9-]+$/),
            title: z.string(),
            deadline: stageDeadlineSchema,
            requiredContent: z.array(contentItemSchema).default([]),
            template: z.string().nullable().default(null),
            form: z.string().nullable().default(null),
          })
          .strict(),
      )
      .default([]),
    /**
     * When the law allows notice by other means (e-mail, website, statewide media) instead of
     * individual letters: above a cost, above a number of people, or without contact details.
     */
    substituteNotice: z
      .object({
        /** In US dollars; null when the law names no cost. */
        costOver: z.number().positive().nullable(),
        /** People to notify; null when the law names no number. */
        peopleOver: z.number().int().positive().nullable(),
        /** Allowed when the organisation lacks sufficient contact information. */
        insufficientContact: z.boolean(),
        /** What the substitute notice consists of, in the law's terms. */
        methods: z.string(),
        citation: z.string(),
      })
      .strict()
      .nullable()
      .default(null),
    citation: z.string(),
    /** Keys of DOMAIN.md's reference list the rule rests on. */
    sources: z.array(z.string()),
    /** In force from this date (inclusive) to this date (exclusive); null: open-ended. */
    effectiveFrom: isoDate.nullable(),
    effectiveTo: isoDate.nullable(),
    lastReviewed: isoDate,
    /** "unverified" is shown as ⚠ to be verified: never presented as settled law. */
    verification: z.enum(['verified', 'unverified']),
    note: z.string().default(''),
  })
  .strict();
export type Rule = z.output<typeof ruleSchema>;

export const RULE_PACK_FORMAT = 'breachdesk.rule-pack/1';

export const rulePackSchema = z
  .object({
    format: z.literal(RULE_PACK_FORMAT),
    id: z.string(),
    version: z.string(),
    published: isoDate,
    disclaimer: z.string(),
    /** Supervisory authorities by country of main establishment (GDPR Art. 56 lead authority). */
    authorities: z.record(z.string(), z.string()),
    /** Jurisdiction codes where the GDPR applies to affected residents. */
    gdprJurisdictions: z.array(z.string()),
    /**
     * Jurisdictions the pack knows have no breach-notification law of their own (or none was
     * found), with why: shown as such, so residents there are never silently unaccounted for.
     */
    withoutBreachLaw: z
      .record(
        z.string(),
        z
          .object({
            note: z.string(),
            lastReviewed: isoDate,
            verification: z.enum(['verified', 'unverified']),
            sources: z.array(z.string()),
          })
          .strict(),
      )
      .default({}),
    /** Each jurisdiction's references: key → where the value was read and what it supports. */
    references: z
      .record(z.string(), z.record(z.string(), z.object({ url: z.string(), supports: z.string() }).strict()))
      .default({}),
    rules: z.array(ruleSchema),
  })
  .strict()
  .superRefine((pack, ctx) => {
    const ids = new Set<string>();
    for (const [index, rule] of pack.rules.entries()) {
      if (ids.has(rule.id))
        ctx.addIssue({
          code: 'custom',
          path: ['rules', index, 'id'],
          message: `Duplicate rule id ${rule.id}`,
        });
      ids.add(rule.id);
    }
    for (const [index, rule] of pack.rules.entries()) {
      const refs = [
        ...(rule.deadline.kind === 'after_notice' ? [rule.deadline.ruleId].flat() : []),
        ...rule.order.map((o) => o.ruleId),
      ];
      for (const ref of refs) {
        if (!ids.has(ref))
          ctx.addIssue({ code: 'custom', path: ['rules', index], message: `Unknown rule ${ref}` });
      }
      checkStages(rule, (message) => ctx.addIssue({ code: 'custom', path: ['rules', index], message }));
    }
  });

/** A decision clock needs the decision; a stage follows only a stage listed before it. */
function checkStages(rule: Rule, fail: (message: string) => void): void {
  const deadlines = [rule.deadline, ...rule.stages.map((s) => s.deadline)];
  const decisionClock = deadlines.some(
    (d) =>
      (d.kind === 'period' && d.clock === 'decision') ||
      (d.kind === 'undetermined' && d.suggested?.clock === 'decision'),
  );
  if (decisionClock && rule.trigger.decision === null)
    fail(`Rule ${rule.id} runs a clock from a decision but names none (trigger.decision)`);
  const seen = new Set<string>();
  for (const stage of rule.stages) {
    if (stage.deadline.kind === 'after_stage' && !seen.has(stage.deadline.stageId))
      fail(
        `Stage ${stage.id} of ${rule.id} follows ${stage.deadline.stageId}, which is not an earlier stage`,
      );
    if (seen.has(stage.id)) fail(`Duplicate stage ${stage.id} in ${rule.id}`);
    seen.add(stage.id);
  }
}
export type RulePack = z.output<typeof rulePackSchema>;
