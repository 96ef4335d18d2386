/** Apple keyboards say ⌘ where the others say Ctrl; the shortcuts accept either key. */
export const IS_APPLE = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export const MOD_LABEL = IS_APPLE ? '⌘' : 'Ctrl';

/** True while the user is typing, when single-key shortcuts such as `?` must stay quiet. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(
      target.type,
    );
  }
  return false;
}
