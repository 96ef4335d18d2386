import { create } from 'zustand';
import type { Overview } from '../../../shared/domain/overview';
import { call, messageOf } from '../api/client';
import { resetOnCaseChange } from '../lib/track-save';
import { appNow } from './demo-view-store';

interface OverviewState {
  overview: Overview | null;
  error: string | null;
  load: () => Promise<void>;
  reset: () => void;
}

let generation = 0;

export const useOverviewStore = create<OverviewState>()((set) => ({
  overview: null,
  error: null,

  async load() {
    const mine = generation;
    try {
      const overview = await call('overview.get', { now: new Date(appNow()).toISOString() });
      if (mine === generation) set({ overview, error: null });
    } catch (error) {
      if (mine === generation) set({ error: messageOf(error) });
    }
  },

  reset() {
    generation += 1;
    set({ overview: null, error: null });
  },
}));

resetOnCaseChange(() => useOverviewStore.getState().reset());
