import { jurisdictionName } from '../jurisdictions/jurisdictions';
import type { Facts } from '../domain/facts';
import type { HarmFinding, OpenDecision, RiskLevel } from './obligation';
import { REGIME_DECISION_INFO } from './regime-decisions';
import type { Rule } from './rule-pack';

/** What the decisions below read of a case (the engine's case has these fields). */
interface DecisionInput {
  risk: RiskLevel | null;
  suggestedRisk: RiskLevel | null;
  /** Each US jurisdiction's harm finding a person recorded, by ISO code. */
  harmFindings: Readonly<Record<string, HarmFinding>>;
  /** The regime decisions recorded in Facts › Decisions. */
  facts: Pick<Facts, 'decisions'>;
}

const RISK_QUESTION = 'What is the risk to the people affected: unlikely, a risk, or a high risk?';

/**
 * The decision a rule's answer waits on while nobody has made it. Art. 34 is owed only once a
 * person finds a high risk, so without a decision it is neither owed nor not owed: it waits.
 * Art. 33 is owed "unless the breach is unlikely to result in a risk" (DOMAIN.md §1.2): the
 * exemption needs a finding, so without one the notice is owed and its 72 hours run; it stays on
 * the board with the open decision marked (see `openDecisionOf`), never hidden behind it. A US
 * state's harm test works the same way: a "condition" (notice owed only if harm is likely) waits,
 * an "exemption" (owed unless a person finds no likelihood of harm) stays owed with it marked.
 */
export function awaitedDecision(rule: Rule, input: DecisionInput): OpenDecision | null {
  if (rule.trigger.risk === 'high' && input.risk === null) {
    return riskDecision(
      'Owed only if a person confirms that the breach is likely to result in a high risk to people; no risk decision is confirmed yet.',
      input,
    );
  }
  const regime = rule.trigger.decision;
  if (regime?.kind === 'condition' && input.facts.decisions[regime.key] === undefined) {
    return regimeDecision(
      rule,
      `Owed only if a person answers yes: ${REGIME_DECISION_INFO[regime.key].explanation} Nobody has recorded this decision yet (Facts › Decisions).`,
    );
  }
  const { harm } = rule.trigger;
  if (harm?.kind === 'condition' && input.harmFindings[rule.jurisdiction] === undefined) {
    return harmDecision(
      rule,
      `Owed only if a person determines that ${harm.test} (${harm.citation}); nobody has recorded that decision for ${jurisdictionName(rule.jurisdiction)} yet.`,
    );
  }
  return null;
}

/** The decision that could still lift an owed notice (Art. 33, a state's harm exemption), or null. */
export function openDecisionOf(rule: Rule, input: DecisionInput): OpenDecision | null {
  if (rule.trigger.risk === 'not_unlikely' && input.risk === null) {
    return riskDecision(
      'Owed unless a person confirms that the breach is unlikely to result in a risk to people; no risk decision is confirmed yet, and the deadline runs meanwhile.',
      input,
    );
  }
  const regime = rule.trigger.decision;
  if (regime?.kind === 'exemption' && input.facts.decisions[regime.key] === undefined) {
    return regimeDecision(
      rule,
      `Owed unless a person answers yes: ${REGIME_DECISION_INFO[regime.key].explanation} Nobody has recorded this decision yet (Facts › Decisions), and the deadline runs meanwhile.`,
    );
  }
  const { harm } = rule.trigger;
  if (harm?.kind === 'exemption' && input.harmFindings[rule.jurisdiction] === undefined) {
    return harmDecision(
      rule,
      `Owed unless a person determines that ${harm.test} (${harm.citation}); nobody has recorded that decision for ${jurisdictionName(rule.jurisdiction)} yet, and the deadline runs meanwhile.${harm.conditions === '' ? '' : ` The law asks of such a decision: ${harm.conditions}`}`,
    );
  }
  return null;
}

/** The GDPR risk decision, with the calculator's suggestion beside it. */
function riskDecision(reason: string, input: DecisionInput): OpenDecision {
  return {
    kind: 'gdpr_risk',
    question: RISK_QUESTION,
    reason,
    suggestion: input.suggestedRisk,
    jurisdiction: null,
    test: null,
    citation: null,
    regimeDecision: null,
  };
}

/** A regime's own decision (SEC materiality, NIS2 significant…), recorded in Facts › Decisions. */
function regimeDecision(rule: Rule, reason: string): OpenDecision {
  const key = rule.trigger.decision?.key ?? null;
  const info = key === null ? null : REGIME_DECISION_INFO[key];
  return {
    kind: 'regime',
    question: info?.question ?? '',
    reason,
    suggestion: null,
    jurisdiction: rule.jurisdiction,
    test: info?.explanation ?? null,
    citation: info?.citation ?? null,
    regimeDecision: key,
  };
}

function harmDecision(rule: Rule, reason: string): OpenDecision {
  const harm = rule.trigger.harm;
  return {
    kind: 'state_harm',
    question: `Is harm to the people affected in ${jurisdictionName(rule.jurisdiction)} likely, as ${rule.law} puts it?`,
    reason,
    suggestion: null,
    jurisdiction: rule.jurisdiction,
    test: harm?.test ?? null,
    citation: harm?.citation ?? null,
    regimeDecision: null,
  };
}

/** Each risk level in words, for the places that show a suggestion beside an open decision. */
export const RISK_WORDS: Record<RiskLevel, string> = {
  unlikely: 'unlikely to result in a risk',
  risk: 'a risk',
  high: 'a high risk',
};

/**
 * "Suggested: a high risk (severity calculator, not confirmed)", or how to get a suggestion; for
 * a state's harm test, where the decision is to be recorded instead (no calculator suggests it).
 */
export function suggestionText(decision: OpenDecision): string {
  if (decision.kind === 'regime') {
    return 'Record the decision, with its date and basis, in Facts › Decisions (or `breachdesk facts decide`).';
  }
  if (decision.kind === 'state_harm') {
    return 'Record the decision, with its basis, for this jurisdiction (Obligations › Harm decision, or `breachdesk harm set`).';
  }
  return decision.suggestion === null
    ? 'No suggestion yet: assess the severity for one.'
    : `Suggested: ${RISK_WORDS[decision.suggestion]} (severity calculator, not confirmed).`;
}
