import { create } from 'zustand';
import type { EvidenceItem } from '../../../../shared/domain/evidence';
import type { PendingEvidence } from '../../../../shared/domain/pending-evidence';
import { call, messageOf } from '../../api/client';
import { resetOnCaseChange } from '../../lib/track-save';
import { useEvidenceFocusStore } from '../evidence-focus-store';
import { useWorkspaceStore } from '../workspace-store';
import { useCustodyStore } from './custody-store';
import { useEventTitlesStore } from './event-titles-store';
import { evidencePatches } from './evidence-patches';
import { matchesFilter } from './evidence-filter';

/** Where an item was asked to be opened (search, the timeline), with the line of its text to show. */
interface PreviewFocus {
  id: string;
  line: number | null;
}

interface EvidenceListState {
  items: EvidenceItem[] | null;
  selectedId: string | null;
  filter: string;
  error: string | null;
  /** Files generated for the case (the demo's) that are not in the locker yet. */
  pending: PendingEvidence[];
  focus: PreviewFocus | null;

  load: () => Promise<void>;
  select: (id: string | null) => void;
  setFilter: (filter: string) => void;
  focusOn: (id: string, line: number | null) => void;
  reset: () => void;
}

// Answers to requests made before a reset (another case opened) are dropped.
let generation = 0;

/** The evidence locker's items, which one is selected, and the filter over them. */
export const useEvidenceStore = create<EvidenceListState>()((set, get) => ({
  items: null,
  selectedId: null,
  filter: '',
  error: null,
  pending: [],
  focus: null,

  async load() {
    const mine = generation;
    try {
      const [listed, pending] = await Promise.all([
        call('evidence.list', {}),
        call('evidence.pending', {}).catch(() => [] as PendingEvidence[]),
      ]);
      if (mine !== generation) return;
      const items = listed.map((item) => evidencePatches.apply(item));
      const selectedId = get().selectedId;
      const keep = items.some((item) => item.id === selectedId);
      set({ items, pending, error: null, selectedId: keep ? selectedId : (items[0]?.id ?? null) });
      void useEventTitlesStore
        .getState()
        .learnEventTitles([
          ...items.flatMap((item) => item.eventIds),
          ...pending.flatMap((file) => file.eventIds),
        ]);
      const selected = get().selectedId;
      if (selected !== null) void useCustodyStore.getState().loadCustody(selected);
    } catch (error) {
      if (mine === generation) set({ items: get().items ?? [], error: messageOf(error) });
    }
  },

  select(selectedId) {
    const focus = get().focus;
    set({ selectedId, focus: focus !== null && focus.id === selectedId ? focus : null });
    if (selectedId !== null) void useCustodyStore.getState().loadCustody(selectedId);
  },

  setFilter(filter) {
    set({ filter });
  },

  focusOn(id, line) {
    const item = get().items?.find((candidate) => candidate.id === id);
    const hidden = item !== undefined && !matchesFilter(item, get().filter);
    set({ selectedId: id, focus: { id, line }, ...(hidden ? { filter: '' } : {}) });
    void useCustodyStore.getState().loadCustody(id);
  },

  reset() {
    generation += 1;
    evidencePatches.clear();
    set({ items: null, selectedId: null, filter: '', error: null, pending: [], focus: null });
  },
}));

resetOnCaseChange(() => useEvidenceStore.getState().reset());

// Search, the timeline and links ask for an item through the focus store: show it here, in its section.
useEvidenceFocusStore.subscribe((state) => {
  const focus = state.focus;
  if (focus === null) return;
  useEvidenceFocusStore.getState().clear();
  useEvidenceStore.getState().focusOn(focus.id, focus.line);
  const workspace = useWorkspaceStore.getState();
  if (workspace.section !== 'evidence') workspace.showSection('evidence');
});
