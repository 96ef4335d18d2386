import { isRosterRowId } from '../../../../shared/roster/roster-row-id';
import { usePeopleView } from '../people/people-view';
import type { SearchKind, SearchResult } from '../../../../shared/domain/search';
import type { SectionId } from '../../app/sections';
import { useEvidenceFocusStore } from '../../stores/evidence-focus-store';
import { useLettersStore } from '../../stores/letters-store';
import { useObligationsStore } from '../../stores/obligations-store';
import { usePartiesStore } from '../../stores/parties-store';
import { useTasksNotesStore } from '../../stores/tasks-notes-store';
import { useTimelineStore } from '../../stores/timeline-store';
import { useWorkspaceStore } from '../../stores/workspace-store';

const KIND_SECTIONS: Record<SearchKind, SectionId> = {
  facts: 'facts',
  obligation: 'obligations',
  letter: 'letters',
  people: 'people',
  event: 'timeline',
  party: 'parties',
  task: 'tasks',
  note: 'tasks',
  evidence: 'evidence',
};

export const KIND_LABELS: Record<SearchKind, string> = {
  facts: 'Facts',
  obligation: 'Obligations',
  letter: 'Letters',
  people: 'People by jurisdiction',
  event: 'Events',
  party: 'Parties',
  task: 'Tasks',
  note: 'Notes',
  evidence: 'Evidence',
};

/** How long a section may take to show the item a result points at. */
const LANDING_FRAMES = 180;

/**
 * Brings the element marked `data-search-target="KIND:ID"` into view once its section has drawn
 * it, and puts the keyboard on it (or on its first control).
 */
function land(target: string): void {
  let frames = 0;
  const look = () => {
    const element = document.querySelector<HTMLElement>(`[data-search-target="${CSS.escape(target)}"]`);
    if (element === null) {
      frames += 1;
      if (frames < LANDING_FRAMES) window.requestAnimationFrame(look);
      return;
    }
    element.scrollIntoView({ block: 'center' });
    const control =
      element.querySelector<HTMLElement>('button, input, select, textarea, [tabindex]') ?? element;
    control.focus({ preventScroll: true });
  };
  window.requestAnimationFrame(look);
}

/**
 * Opens a search result where it lives: its section, with the item selected. An event is selected
 * in the timeline (fetched by id if its page is not loaded, the filter cleared so the list can
 * show it); a party or note is selected in its list; a task opens in its edit dialog; an evidence
 * item opens in its preview at the line of the hit; an obligation opens on the board with its
 * detail expanded; a letter opens in the editor; a people row gets the keyboard on its count.
 */
export function openSearchResult(result: Pick<SearchResult, 'kind' | 'id'> & { line?: number | null }): void {
  if (result.kind === 'event') void useTimelineStore.getState().select(result.id, { reveal: true });
  // Selected before the section shows: its first load keeps a selection that exists.
  if (result.kind === 'party') usePartiesStore.getState().select(result.id);
  if (result.kind === 'note') useTasksNotesStore.getState().selectNote(result.id);
  if (result.kind === 'task') useTasksNotesStore.getState().openTask(result.id);
  if (result.kind === 'evidence') useEvidenceFocusStore.getState().open(result.id, result.line ?? null);
  if (result.kind === 'letter') useLettersStore.getState().select(result.id);
  // People counted from the roster live on its tab: a bar of its residency chart.
  if (result.kind === 'people' && isRosterRowId(result.id)) usePeopleView.getState().showTab('roster');
  if (result.kind === 'obligation') {
    const obligations = useObligationsStore.getState();
    obligations.showTab('board');
    if (!obligations.expanded.includes(result.id)) obligations.toggle(result.id);
  }
  useWorkspaceStore.getState().showSection(KIND_SECTIONS[result.kind]);
  if (result.kind === 'obligation' || result.kind === 'people') land(`${result.kind}:${result.id}`);
}
