import type { z } from 'zod';
import {
  dataElementSchema,
  type DataElementInput,
  type DataElementTerm,
} from '../../shared/domain/data-elements';
import { factsSchema } from '../../shared/domain/facts';
import { populationSchema } from '../../shared/domain/populations';
import type { RosterGroup } from '../../shared/domain/roster';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import { evaluateObligations, type EngineCase } from '../../shared/obligations/engine';
import { regimeDecisionSchema, type RegimeDecision } from '../../shared/obligations/regime-decisions';
import type {
  DecisionNeeded,
  EngineResult,
  NotTriggered,
  Obligation,
  HarmFinding,
  RiskLevel,
} from '../../shared/obligations/obligation';

/** Clocks of the engine tables: recorded in UTC so that the arithmetic below is plain. */
export const DISCOVERED = '2026-03-02T09:00:00.000Z';
export const AWARE = '2026-03-04T15:00:00.000Z';

type FactsInput = z.input<typeof factsSchema>;
type OrganisationInput = NonNullable<FactsInput['organisation']>;

export interface CaseSpec {
  /** Elements by term, or full inputs (encrypted, key compromised). */
  elements?: readonly (DataElementTerm | DataElementInput)[];
  /** Affected people by jurisdiction code. */
  people?: Readonly<Record<string, number>>;
  organisation?: OrganisationInput;
  discoveredAt?: string | null;
  awareAt?: string | null;
  /** The zone the clocks were recorded in (days are counted in it); UTC unless given. */
  zone?: string;
  risk?: RiskLevel | null;
  /** The severity calculator's suggestion while no decision is confirmed. */
  suggestedRisk?: RiskLevel | null;
  sentAt?: Readonly<Record<string, string>>;
  /** Risk-of-harm findings recorded per US jurisdiction. */
  harmFindings?: Readonly<Record<string, HarmFinding>>;
  /** Roster groups (people found in exposed datasets); none unless given. */
  roster?: readonly RosterGroup[];
}

/** Name with a Social Security number: personal information under every US rule of the pack. */
export const US_PI: readonly DataElementTerm[] = ['name', 'ssn'];

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** An engine case with fixed ids, so two builds of the same spec are equal. */
export function engineCase(spec: CaseSpec = {}): EngineCase {
  const zone = spec.zone ?? 'UTC';
  const time = (utc: string | null) => (utc === null ? null : { utc, zone });
  return {
    facts: factsSchema.parse({
      discoveredAt: time(spec.discoveredAt === undefined ? DISCOVERED : spec.discoveredAt),
      awareAt: time(spec.awareAt === undefined ? AWARE : spec.awareAt),
      organisation: { role: 'controller', establishment: 'SE', ...spec.organisation },
    }),
    dataElements: (spec.elements ?? US_PI).map((element, index) =>
      dataElementSchema.parse({
        id: uuid(index + 1),
        ...(typeof element === 'string' ? { term: element } : element),
      }),
    ),
    populations: Object.entries(spec.people ?? {}).map(([jurisdiction, count], index) =>
      populationSchema.parse({ id: uuid(1000 + index), jurisdiction, count, exact: true }),
    ),
    roster: spec.roster ?? [],
    risk: spec.risk ?? null,
    suggestedRisk: spec.suggestedRisk ?? null,
    harmFindings: spec.harmFindings ?? {},
    sentAt: spec.sentAt ?? {},
  };
}

/** A regime decision as tests give it: the answer and the instant it was made (in UTC unless a zone is given). */
export interface TestDecision {
  answer: 'yes' | 'no';
  at: string;
  zone?: string;
}

/** The case with these regime decisions recorded in Facts › Decisions (replacing any there). */
export function withDecisions(
  input: EngineCase,
  decisions: Readonly<Partial<Record<RegimeDecision, TestDecision>>>,
): EngineCase {
  const recorded: EngineCase['facts']['decisions'] = {};
  for (const [key, d] of Object.entries(decisions) as [RegimeDecision, TestDecision][]) {
    recorded[key] = regimeDecisionSchema.parse({
      answer: d.answer,
      at: { utc: d.at, zone: d.zone ?? 'UTC' },
    });
  }
  return { ...input, facts: { ...input.facts, decisions: recorded } };
}

export function evaluate(spec: CaseSpec, asOf: string): EngineResult {
  return evaluateObligations(engineCase(spec), DEFAULT_RULE_PACK, asOf);
}

export function obligationIn(result: EngineResult, ruleId: string): Obligation {
  const found = result.obligations.find((o) => o.ruleId === ruleId);
  if (found === undefined) {
    const reason = result.notTriggered.find((n) => n.ruleId === ruleId)?.reason ?? 'not in the pack';
    throw new Error(`${ruleId} is not an obligation: ${reason}`);
  }
  return found;
}

export function refusalIn(result: EngineResult, ruleId: string): NotTriggered {
  const found = result.notTriggered.find((n) => n.ruleId === ruleId);
  if (found === undefined) throw new Error(`${ruleId} was triggered`);
  return found;
}

export function decisionIn(result: EngineResult, ruleId: string): DecisionNeeded {
  const found = result.decisionNeeded.find((d) => d.ruleId === ruleId);
  if (found === undefined) throw new Error(`${ruleId} does not wait for a decision`);
  return found;
}

export function triggeredIds(result: EngineResult): string[] {
  return result.obligations.map((o) => o.ruleId).sort();
}

/** The jurisdictions of DOMAIN.md §1, whose rules have a hand-computed row in obligations-engine.test.ts. */
export const HANDBOOK_JURISDICTIONS: readonly string[] = [
  'EU',
  'FR',
  'US',
  'US-CA',
  'US-CO',
  'US-FL',
  'US-IL',
  'US-MA',
  'US-NJ',
  'US-NY',
  'US-TX',
  'US-WA',
];
