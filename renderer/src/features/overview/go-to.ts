import type { FactField, OverviewDecision, OverviewNextStep } from '../../../../shared/domain/overview';
import type { SectionId } from '../../app/sections';
import { useHarmStore } from '../../stores/harm-store';
import { useLettersStore } from '../../stores/letters-store';
import { useObligationsStore } from '../../stores/obligations-store';
import { useWorkspaceStore } from '../../stores/workspace-store';

/** Where each fact lives: its section and how to find its control once the section is shown. */
const FIELD_TARGETS: Record<FactField, { section: SectionId; find: () => HTMLElement | null }> = {
  discoveredAt: { section: 'facts', find: () => firstControlOfFieldset('Discovered at') },
  awareAt: { section: 'facts', find: () => firstControlOfFieldset('Aware at') },
  establishment: { section: 'facts', find: () => controlLabelled(/^Main establishment/) },
  populations: {
    section: 'people',
    find: () => firstControlIn(document.querySelector('form[aria-label="Add people affected"]')),
  },
  dataElements: { section: 'people', find: () => document.getElementById('data-element-term') },
};

function firstControlIn(root: Element | null): HTMLElement | null {
  return root?.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea') ?? null;
}

function firstControlOfFieldset(legend: string): HTMLElement | null {
  for (const fieldset of document.querySelectorAll('fieldset')) {
    if (fieldset.querySelector('legend')?.textContent?.trim() === legend) return firstControlIn(fieldset);
  }
  return null;
}

function controlLabelled(text: RegExp): HTMLElement | null {
  for (const label of document.querySelectorAll('label')) {
    if (!text.test(label.textContent?.trim() ?? '')) continue;
    const id = label.htmlFor;
    const control = id === '' ? firstControlIn(label) : document.getElementById(id);
    if (control !== null) return control;
  }
  return null;
}

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

/** Opens the section holding a fact and puts the keyboard on its field. */
export function goToField(field: FactField): void {
  const target = FIELD_TARGETS[field];
  useWorkspaceStore.getState().showSection(target.section);
  focusWhenShown(target.find);
}

/** Opens the decision: the GDPR risk decision on the Severity tab, or a state's harm decision dialog. */
export function goToDecision(decision: OverviewDecision): void {
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
