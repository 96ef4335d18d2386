import { create } from 'zustand';
import type { SearchResult } from '../../../shared/domain/search';
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
  setText: (text: string) => void;
  query: (text: string) => Promise<void>;
  reset: () => void;
}

let generation = 0;

export const useSearchStore = create<SearchState>()((set) => ({
  text: '',
  results: [],
  answered: '',
  loading: false,
  error: null,

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

  reset() {
    generation += 1;
    set({ text: '', results: [], answered: '', loading: false, error: null });
  },
}));

resetOnCaseChange(() => useSearchStore.getState().reset());
