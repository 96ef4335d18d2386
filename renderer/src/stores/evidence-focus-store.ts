import { create } from 'zustand';

/** An evidence item someone asked to see (from search, the timeline or a link), at a line of its text. */
interface EvidenceFocus {
  id: string;
  /** 1-based line of the item's text to scroll to, or null for the top. */
  line: number | null;
}

interface EvidenceFocusState {
  focus: EvidenceFocus | null;
  open: (id: string, line?: number | null) => void;
  clear: () => void;
}

/** Kept apart from the evidence list so search and the timeline can point at an item cheaply. */
export const useEvidenceFocusStore = create<EvidenceFocusState>()((set) => ({
  focus: null,
  open: (id, line = null) => set({ focus: { id, line } }),
  clear: () => set({ focus: null }),
}));
