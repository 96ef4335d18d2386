import type { FactField, OverviewDecision, OverviewNextStep } from '../../../../shared/domain/overview';
import { useHarmStore } from '../../stores/harm-store';
import { useLettersStore } from '../../stores/letters-store';
import { useObligationsStore } from '../../stores/obligations-store';
import { useWorkspaceStore } from '../../stores/workspace-store';
import { goToField as goToFieldKey } from '../obligations/go-to-field';

/** The board's field keys (the `data-field` marks on the Facts and People & data forms). */
const FIELD_KEYS: Record<FactField, string> = {
  discoveredAt: 'facts.discoveredAt',
  awareAt: 'facts.awareAt',
  establishment: 'facts.organisation.establishment',
  populations: 'people.populations',
  dataElements: 'people.dataElements',
};

/**
 * Focuses the element `find` returns once the section that holds it has rendered it (sections load
 * their data first); gives up quietly after a few seconds, leaving focus on the section heading.
 */
function focusWhenShown(find: () => HTMLElement | null, timeoutMs = 5_000): void {
  const started = performance.now();
  const attempt = (): void => {
    const element = find();
    if (element !== null && !element.hasAttribute('disabled')) {
      element.scrollIntoView({ block: 'center' });
      element.focus();
      return;
    }
    if (performance.now() - started < timeoutMs) window.setTimeout(attempt, 50);
  };
  // After the section change has moved focus to the section heading.
  window.setTimeout(attempt, 0);
}

/** Opens the section holding a fact and puts the keyboard on its field (as the board's "Facts needed" does). */
export function goToField(field: FactField): void {
  goToFieldKey(FIELD_KEYS[field]);
}

/**
 * Opens the decision: a regime's in Facts › Decisions, the GDPR risk decision on the Severity
 * tab, or a state's harm decision dialog.
 */
export function goToDecision(decision: OverviewDecision): void {
  if (decision.kind === 'regime' && decision.regimeDecision !== null) {
    goToFieldKey(`facts.decisions.${decision.regimeDecision}`);
    return;
  }
  if (decision.kind === 'gdpr_risk' || decision.jurisdiction === null) {
    useObligationsStore.getState().requestDecision();
  } else {
    useObligationsStore.getState().showTab('board');
    useHarmStore.getState().edit(decision.jurisdiction);
  }
  useWorkspaceStore.getState().showSection('obligations');
}

/** Opens a notice on the Obligations board, expanded, with the keyboard on it. */
export function goToNotice(ruleId: string, title: string): void {
  const obligations = useObligationsStore.getState();
  obligations.showTab('board');
  if (!obligations.expanded.includes(ruleId)) obligations.toggle(ruleId);
  useWorkspaceStore.getState().showSection('obligations');
  focusWhenShown(() => {
    for (const item of document.querySelectorAll<HTMLElement>('li[aria-labelledby]')) {
      const labelId = item.getAttribute('aria-labelledby') ?? '';
      const label = labelId === '' ? null : document.getElementById(labelId);
      if (label?.textContent?.includes(title) !== true) continue;
      const draft = [...item.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
        /draft letter|open draft/i.test(b.textContent ?? ''),
      );
      return draft ?? label;
    }
    return null;
  });
}

/** Opens a letter in the Letters section. */
export function goToLetter(letterId: string): void {
  useLettersStore.getState().select(letterId);
  useWorkspaceStore.getState().showSection('letters');
}

/**
 * Takes the next step: opens the decision, drafts the letter from the notice's template (then
 * shows it), opens the letter to approve or to mark sent, or goes to the missing fact. Resolves
 * null, or the sentence saying why it failed.
 */
export async function takeNextStep(
  step: OverviewNextStep,
  noticeTitle: string | null,
): Promise<string | null> {
  if (step.kind === 'decide' && step.decision !== null) {
    goToDecision(step.decision);
    return null;
  }
  if (step.kind === 'fact' && step.field !== null) {
    goToField(step.field);
    return null;
  }
  if ((step.kind === 'approve' || step.kind === 'send') && step.letterId !== null) {
    goToLetter(step.letterId);
    return null;
  }
  if (step.kind === 'draft' && step.ruleId !== null) {
    if (step.template === null) {
      goToNotice(step.ruleId, noticeTitle ?? step.ruleId);
      return null;
    }
    const failed = await useLettersStore.getState().create({
      templateId: step.template,
      obligationRuleId: step.ruleId,
      recipient: { name: '', address: '' },
    });
    if (failed !== null) return failed;
    useWorkspaceStore.getState().showSection('letters');
    return null;
  }
  return null;
}
