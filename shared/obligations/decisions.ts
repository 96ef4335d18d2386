import type { OpenDecision, RiskLevel } from './obligation';
import type { Rule } from './rule-pack';

/** What the decisions below read of a case (the engine's case has these fields). */
interface DecisionInput {
  risk: RiskLevel | null;
  suggestedRisk: RiskLevel | null;
}

const RISK_QUESTION = 'What is the risk to the people affected: unlikely, a risk, or a high risk?';

/**
 * The risk decision a rule's answer turns on while nobody has confirmed one. Art. 34 is owed only
 * once a person finds a high risk, so without a decision it is neither owed nor not owed: it
 * waits. Art. 33 is owed "unless the breach is unlikely to result in a risk" (DOMAIN.md §1.2): the
 * exemption needs a finding, so without one the notice is owed and its 72 hours run; it stays on
 * the board with the open decision marked (see `openDecisionOf`), never hidden behind it.
 */
export function awaitedDecision(rule: Rule, input: DecisionInput): OpenDecision | null {
  if (rule.trigger.risk !== 'high' || input.risk !== null) return null;
  return {
    kind: 'gdpr_risk',
    question: RISK_QUESTION,
    reason:
      'Owed only if a person confirms that the breach is likely to result in a high risk to people; no risk decision is confirmed yet.',
    suggestion: input.suggestedRisk,
  };
}

/** The decision that could still lift an owed notice (the Art. 33 exemption), or null. */
export function openDecisionOf(rule: Rule, input: DecisionInput): OpenDecision | null {
  if (rule.trigger.risk !== 'not_unlikely' || input.risk !== null) return null;
  return {
    kind: 'gdpr_risk',
    question: RISK_QUESTION,
    reason:
      'Owed unless a person confirms that the breach is unlikely to result in a risk to people; no risk decision is confirmed yet, and the deadline runs meanwhile.',
    suggestion: input.suggestedRisk,
  };
}

/** Each risk level in words, for the places that show a suggestion beside an open decision. */
export const RISK_WORDS: Record<RiskLevel, string> = {
  unlikely: 'unlikely to result in a risk',
  risk: 'a risk',
  high: 'a high risk',
};

/** "Suggested: a high risk (severity calculator, not confirmed)", or how to get a suggestion. */
export function suggestionText(decision: OpenDecision): string {
  return decision.suggestion === null
    ? 'No suggestion yet: assess the severity for one.'
    : `Suggested: ${RISK_WORDS[decision.suggestion]} (severity calculator, not confirmed).`;
}
