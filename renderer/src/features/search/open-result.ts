import type { SearchKind, SearchResult } from '../../../../shared/domain/search';
import type { SectionId } from '../../app/sections';
import { useEvidenceFocusStore } from '../../stores/evidence-focus-store';
import { usePartiesStore } from '../../stores/parties-store';
import { useTasksNotesStore } from '../../stores/tasks-notes-store';
import { useTimelineStore } from '../../stores/timeline-store';
import { useWorkspaceStore } from '../../stores/workspace-store';

const KIND_SECTIONS: Record<SearchKind, SectionId> = {
  facts: 'facts',
  event: 'timeline',
  party: 'parties',
  task: 'tasks',
  note: 'tasks',
  evidence: 'evidence',
};

export const KIND_LABELS: Record<SearchKind, string> = {
  facts: 'Facts',
  event: 'Events',
  party: 'Parties',
  task: 'Tasks',
  note: 'Notes',
  evidence: 'Evidence',
};

/**
 * Opens a search result where it lives: its section, with the item selected. An event is selected
 * in the timeline (fetched by id if its page is not loaded, the filter cleared so the list can
 * show it); a party or note is selected in its list; a task opens in its edit dialog; an evidence
 * item opens in its preview at the line of the hit.
 */
export function openSearchResult(result: Pick<SearchResult, 'kind' | 'id'> & { line?: number | null }): void {
  if (result.kind === 'event') void useTimelineStore.getState().select(result.id, { reveal: true });
  // Selected before the section shows: its first load keeps a selection that exists.
  if (result.kind === 'party') usePartiesStore.getState().select(result.id);
  if (result.kind === 'note') useTasksNotesStore.getState().selectNote(result.id);
  if (result.kind === 'task') useTasksNotesStore.getState().openTask(result.id);
  if (result.kind === 'evidence') useEvidenceFocusStore.getState().open(result.id, result.line ?? null);
  useWorkspaceStore.getState().showSection(KIND_SECTIONS[result.kind]);
}
