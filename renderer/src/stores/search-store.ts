import { create } from 'zustand';
import type { SearchKind, SearchResult } from '../../../shared/domain/search';
import { call, messageOf } from '../api/client';
import { resetOnCaseChange } from '../lib/track-save';

export const SEARCH_LIMIT = 60;

interface SearchState {
  text: string;
  results: SearchResult[];
  /** The text the shown results answer (results lag the box while a query runs). */
  answered: string;
  loading: boolean;
  error: string | null;
  /**
   * The last item opened from search, for its section to select: sections other than the
   * timeline read this (by kind) and clear nothing; `seq` changes on every opening.
   */
  revealed: { kind: SearchKind; id: string; seq: number } | null;
  setText: (text: string) => void;
  query: (text: string) => Promise<void>;
  reveal: (kind: SearchKind, id: string) => void;
  reset: () => void;
}

let generation = 0;
let revealSeq = 0;

export const useSearchStore = create<SearchState>()((set) => ({
  text: '',
  results: [],
  answered: '',
  loading: false,
  error: null,
  revealed: null,

  setText(text) {
    set({ text });
  },

  async query(text) {
    generation += 1;
    const mine = generation;
    if (text.trim() === '') {
      set({ results: [], answered: '', loading: false, error: null });
      return;
    }
    set({ loading: true });
    try {
      const { results } = await call('search.query', { text, limit: SEARCH_LIMIT });
      if (mine === generation) set({ results, answered: text, loading: false, error: null });
    } catch (error) {
      if (mine === generation) set({ results: [], answered: text, loading: false, error: messageOf(error) });
    }
  },

  reveal(kind, id) {
    revealSeq += 1;
    set({ revealed: { kind, id, seq: revealSeq } });
  },

  reset() {
    generation += 1;
    set({ text: '', results: [], answered: '', loading: false, error: null, revealed: null });
  },
}));

resetOnCaseChange(() => useSearchStore.getState().reset());
