import type { SectionId } from '../../app/sections';
import { useWorkspaceStore } from '../../stores/workspace-store';

/** The section a field key names ("facts.awareAt" → Facts, "people.populations" → People & data). */
function sectionOf(field: string): SectionId {
  return field.startsWith('people.') ? 'people' : 'facts';
}

/** How many frames the field keeps the focus: the section moves it to its heading once after showing. */
const HOLD_FRAMES = 4;
/** How long to wait for the section to show the field (it may load first), in frames. */
const WAIT_FRAMES = 180;

/**
 * Opens the section of a field and puts the keyboard on it: the first control inside the element
 * marked `data-field="<key>"` (facts/DatesPanel, facts/OrganisationPanel, the People & data forms).
 */
export function goToField(field: string): void {
  useWorkspaceStore.getState().showSection(sectionOf(field));
  let waited = 0;
  let held = 0;
  const step = () => {
    const anchor = document.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`);
    const control =
      anchor?.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea') ?? null;
    if (control === null) {
      waited += 1;
      if (waited < WAIT_FRAMES) requestAnimationFrame(step);
      return;
    }
    if (document.activeElement !== control) {
      control.focus();
      if (held === 0) control.scrollIntoView({ block: 'center' });
    }
    held += 1;
    if (held < HOLD_FRAMES) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}
