import { z } from 'zod';
import { CLOCKS, contentItemSchema, ORDER_RELATIONS, RECIPIENT_KINDS } from './rule-pack';

const instant = z.iso.datetime({ offset: false });

/** One notice the engine says is owed, with its reasons and its clock. */
export const obligationSchema = z.object({
  ruleId: z.string(),
  title: z.string(),
  jurisdiction: z.string(),
  law: z.string(),
  recipient: z.object({ kind: z.enum(RECIPIENT_KINDS), name: z.string(), channel: z.string() }),
  /** One sentence: the facts and thresholds that triggered it. */
  why: z.string(),
  residents: z.number().int(),
  deadline: z.object({
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
  }),
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
  citation: z.string(),
  sources: z.array(z.string()),
  verification: z.enum(['verified', 'unverified']),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  lastReviewed: z.string(),
  note: z.string(),
});
export type Obligation = z.output<typeof obligationSchema>;

export const notTriggeredSchema = z.object({
  ruleId: z.string(),
  title: z.string(),
  jurisdiction: z.string(),
  reason: z.string(),
});
export type NotTriggered = z.output<typeof notTriggeredSchema>;

export const engineResultSchema = z.object({
  /** The date whose law was applied (YYYY-MM-DD). */
  asOf: z.iso.date(),
  packId: z.string(),
  packVersion: z.string(),
  obligations: z.array(obligationSchema),
  notTriggered: z.array(notTriggeredSchema),
});
export type EngineResult = z.output<typeof engineResultSchema>;

/** The GDPR risk decision a person confirmed (from a severity assessment), if any. */
export const RISK_LEVELS = ['unlikely', 'risk', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
