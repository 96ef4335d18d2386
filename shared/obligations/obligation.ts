import { z } from 'zod';
import { REGIME_DECISIONS } from './regime-decisions';
import { CLOCKS, contentItemSchema, ORDER_RELATIONS, RECIPIENT_KINDS } from './rule-pack';

const instant = z.iso.datetime({ offset: false });

/** The GDPR risk decision a person confirmed (from a severity assessment), if any. */
export const RISK_LEVELS = ['unlikely', 'risk', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * Decisions a person makes that a rule's answer can rest on: the GDPR risk level (one per case)
 * and a US state's risk-of-harm test (one per jurisdiction).
 */
export const DECISION_KINDS = ['gdpr_risk', 'state_harm', 'regime'] as const;

/** A person's finding on a state's risk-of-harm test, recorded per jurisdiction. */
export const HARM_FINDINGS = ['harm_likely', 'harm_not_likely'] as const;
export type HarmFinding = (typeof HARM_FINDINGS)[number];

const recipientSchema = z.object({ kind: z.enum(RECIPIENT_KINDS), name: z.string(), channel: z.string() });
const verificationSchema = z.enum(['verified', 'unverified']);

/**
 * A decision nobody has confirmed yet that decides whether a notice is owed. The engine never
 * takes it for the person: it says what each answer means and what the calculator suggests.
 */
const openDecisionSchema = z.object({
  kind: z.enum(DECISION_KINDS),
  /** The question to answer, in one sentence. */
  question: z.string(),
  /** What the answer means for this notice, and that nobody has given it yet. */
  reason: z.string(),
  /** The level the newest saved severity assessment suggests; null when none is saved. */
  suggestion: z.enum(RISK_LEVELS).nullable(),
  /** For a state's harm test: the jurisdiction whose decision it is, the test and its citation. */
  jurisdiction: z.string().nullable().default(null),
  test: z.string().nullable().default(null),
  citation: z.string().nullable().default(null),
  /** For a regime's decision (kind "regime"): which one, recorded in Facts › Decisions. */
  regimeDecision: z.enum(REGIME_DECISIONS).nullable().default(null),
});
export type OpenDecision = z.output<typeof openDecisionSchema>;

/**
 * Where a rule's count of people came from: hand-entered rows (which override the roster in their
 * jurisdiction), roster people whose own exposed data counts under the rule, and roster people of
 * its jurisdictions whose data does not (so not counted). `residents` is handEntered + fromRoster.
 */
export const populationProvenanceSchema = z
  .object({
    handEntered: z.number().int(),
    fromRoster: z.number().int(),
    rosterNotCounted: z.number().int(),
  })
  .default({ handEntered: 0, fromRoster: 0, rosterNotCounted: 0 });
export type PopulationProvenance = z.output<typeof populationProvenanceSchema>;

/** A deadline as the board shows it: its state, the due instant, the clock and how it was counted. */
const deadlineOutSchema = z.object({
  /**
   * fixed: `due` is set; waiting: runs from something not yet recorded (awareness, another
   * notice); undetermined: the law sets no date ("without unreasonable delay").
   */
  state: z.enum(['fixed', 'waiting', 'undetermined']),
  due: instant.nullable(),
  clock: z.enum([...CLOCKS, 'notice']).nullable(),
  clockAt: instant.nullable(),
  /** The law's words and how Breachdesk reads them. */
  wording: z.string(),
  /** An internal target for undetermined deadlines, never a legal date. */
  suggested: instant.nullable(),
  /**
   * How `due` (or `suggested`) was counted, naming the unit and the clock start: "14 business
   * days after discovery on 2026-05-20, skipping Memorial Day (25 May)". Null with no period.
   */
  reckoning: z.string().nullable(),
  /** The unit of the period counted, or null with no period. */
  unit: z.enum(['hours', 'days', 'businessDays', 'months']).nullable(),
});

/** One stage of a staged report (NIS2 early warning, DORA intermediate report…), in order. */
export const obligationStageSchema = z.object({
  id: z.string(),
  title: z.string(),
  deadline: deadlineOutSchema,
  /** When this stage was recorded as sent; null while it is not. */
  sentAt: instant.nullable(),
  requiredContent: z.array(contentItemSchema),
  template: z.string().nullable(),
  form: z.string().nullable(),
});
export type ObligationStage = z.output<typeof obligationStageSchema>;

/** One notice the engine says is owed, with its reasons and its clock. */
export const obligationSchema = z.object({
  ruleId: z.string(),
  title: z.string(),
  jurisdiction: z.string(),
  law: z.string(),
  recipient: recipientSchema,
  /** One sentence: the facts and thresholds that triggered it. */
  why: z.string(),
  residents: z.number().int(),
  population: populationProvenanceSchema,
  /**
   * The roster groups whose people this notice counts (`rosterGroupKey`: jurisdiction and
   * element combination): the notification run finds each person's notices by them.
   */
  rosterGroups: z.array(z.string()).default([]),
  /** The deadline of the notice, or of its first stage not yet sent when it is a staged report. */
  deadline: deadlineOutSchema,
  order: z.array(
    z.object({
      ruleId: z.string(),
      title: z.string(),
      relation: z.enum(ORDER_RELATIONS),
      wording: z.string(),
    }),
  ),
  requiredContent: z.array(contentItemSchema),
  prohibitedContent: z.array(contentItemSchema),
  template: z.string().nullable(),
  /** The regime's name ("NIS2", "UK GDPR"); empty for rules named by their law alone. */
  regime: z.string().default(''),
  /** The regulator's form this notice is made on, as an answer sheet id, or null. */
  form: z.string().nullable().default(null),
  /** The stages of a staged report in order (empty for a single notice). */
  stages: z.array(obligationStageSchema).default([]),
  citation: z.string(),
  sources: z.array(z.string()),
  verification: verificationSchema,
  /**
   * Owed now, but a decision not yet made could lift it: Art. 33 is owed unless someone confirms
   * the breach is unlikely to result in a risk. Null when the answer rests on no open decision.
   */
  openDecision: openDecisionSchema.nullable(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  lastReviewed: z.string(),
  note: z.string(),
  /**
   * Whether the law allows substitute notice (e-mail, website, media) here, in one sentence
   * from the counts the case holds; null when the rule has no substitute-notice condition.
   */
  substituteNotice: z
    .object({
      available: z.enum(['yes', 'if_cost_or_contact', 'no']),
      text: z.string(),
      citation: z.string(),
    })
    .nullable()
    .default(null),
});
export type Obligation = z.output<typeof obligationSchema>;

/** A rule that owes nothing here, with the reason; an unverified rule is ⚠ whatever its answer. */
export const notTriggeredSchema = z.object({
  ruleId: z.string(),
  title: z.string(),
  jurisdiction: z.string(),
  reason: z.string(),
  citation: z.string(),
  verification: verificationSchema,
});
export type NotTriggered = z.output<typeof notTriggeredSchema>;

/**
 * A rule that is neither owed nor not owed until a person decides: every other condition is met
 * and the answer turns on a decision nobody has confirmed (Art. 34 on a high risk).
 */
export const decisionNeededSchema = z.object({
  ruleId: z.string(),
  title: z.string(),
  jurisdiction: z.string(),
  law: z.string(),
  recipient: recipientSchema,
  residents: z.number().int(),
  /** As an obligation's: the roster groups whose people this rule would count. */
  rosterGroups: z.array(z.string()).default([]),
  decision: openDecisionSchema,
  citation: z.string(),
  verification: verificationSchema,
});
export type DecisionNeeded = z.output<typeof decisionNeededSchema>;

/** The facts a rule cannot be evaluated without (facts-needed.ts). */
export const FACT_KEYS = ['awareAt', 'discoveredAt', 'establishment', 'populations', 'dataElements'] as const;
export type FactKey = (typeof FACT_KEYS)[number];

/**
 * A fact not recorded that keeps rules from being answered: said first on the board, linked to
 * the field where it is entered, so a blank case never reads as "nothing is owed".
 */
export const factNeededSchema = z.object({
  fact: z.enum(FACT_KEYS),
  /** What the fact is called on screen ("Awareness time"). */
  label: z.string(),
  /** Why the law needs it, in one sentence. */
  why: z.string(),
  /** Where it is entered: "facts.awareAt", "people.populations"; its first part is the section. */
  field: z.string(),
  /** The rules waiting on it. */
  rules: z.array(z.object({ ruleId: z.string(), title: z.string() })),
});
export type FactNeeded = z.output<typeof factNeededSchema>;

/**
 * A notice keyed to the organisation's own establishment (GDPR Art. 33) that would be owed once
 * the people and data are recorded, with the deadline that would then apply: shown as pending,
 * so the clock is visible from awareness on.
 */
export const pendingObligationSchema = z.object({
  ruleId: z.string(),
  title: z.string(),
  jurisdiction: z.string(),
  recipient: recipientSchema,
  deadline: obligationSchema.shape.deadline,
  waitingOn: z.array(z.enum(FACT_KEYS)),
});
export type PendingObligation = z.output<typeof pendingObligationSchema>;

export const engineResultSchema = z.object({
  /** The date whose law was applied (YYYY-MM-DD). */
  asOf: z.iso.date(),
  packId: z.string(),
  packVersion: z.string(),
  obligations: z.array(obligationSchema),
  /** Rules whose answer waits for a decision: shown as "decision needed", never as not owed. */
  decisionNeeded: z.array(decisionNeededSchema),
  notTriggered: z.array(notTriggeredSchema),
  /**
   * Jurisdictions with affected people and no rule of the pack at all (a state the pack lacks,
   * a territory without a breach law, a country outside the pack): shown, never dropped.
   */
  uncovered: z
    .array(z.object({ jurisdiction: z.string(), residents: z.number().int(), note: z.string() }))
    .default([]),
  /** Facts not recorded that rules wait on, most consequential first; empty when none is missing. */
  factsNeeded: z.array(factNeededSchema).default([]),
  /** Notices that would be owed once the missing people and data are recorded, with their clock. */
  pending: z.array(pendingObligationSchema).default([]),
});
export type EngineResult = z.output<typeof engineResultSchema>;
