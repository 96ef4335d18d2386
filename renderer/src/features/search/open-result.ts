import type { SearchKind, SearchResult } from '../../../../shared/domain/search';
import type { SectionId } from '../../app/sections';
import { useSearchStore } from '../../stores/search-store';
import { useTimelineStore } from '../../stores/timeline-store';
import { useWorkspaceStore } from '../../stores/workspace-store';

export const KIND_SECTIONS: Record<SearchKind, SectionId> = {
  facts: 'facts',
  event: 'timeline',
  party: 'parties',
  task: 'tasks',
  note: 'tasks',
};

export const KIND_LABELS: Record<SearchKind, string> = {
  facts: 'Facts',
  event: 'Events',
  party: 'Parties',
  task: 'Tasks',
  note: 'Notes',
};

/**
 * Opens a search result where it lives: its section, with the item selected. An event is selected
 * in the timeline (fetched by id if its page is not loaded, the filter cleared so the list can
 * show it); the other sections read `revealed` from the search store.
 */
export function openSearchResult(result: Pick<SearchResult, 'kind' | 'id'>): void {
  useSearchStore.getState().reveal(result.kind, result.id);
  if (result.kind === 'event') void useTimelineStore.getState().select(result.id, { reveal: true });
  useWorkspaceStore.getState().showSection(KIND_SECTIONS[result.kind]);
}
