import { create } from 'zustand';
import type { ReviewPair, RosterStats } from '../../../../../shared/domain/roster';
import { call, messageOf } from '../../../api/client';
import { useJobStore } from '../../../jobs/job-store';
import { resetOnCaseChange, trackSave } from '../../../lib/track-save';

interface RosterState {
  stats: RosterStats | null;
  /** The pairs still waiting for a decision. */
  pairs: ReviewPair[] | null;
  error: string | null;
  load: () => Promise<void>;
  /** Each write resolves null, or the sentence saying why it failed. */
  decide: (id: number, decision: 'merge' | 'apart') => Promise<string | null>;
  purge: () => Promise<string | null>;
  reset: () => void;
}

// Answers for a case that is no longer open are dropped: each open case starts a new generation.
let generation = 0;

/** The open case's roster: its counts and its review queue, reloaded after every roster change. */
export const useRosterStore = create<RosterState>()((set, get) => ({
  stats: null,
  pairs: null,
  error: null,

  async load() {
    const mine = generation;
    try {
      const [stats, pairs] = await Promise.all([call('roster.stats', {}), call('roster.review', {})]);
      if (mine === generation) set({ stats, pairs: pending(pairs), error: null });
    } catch (error) {
      if (mine === generation) set({ error: messageOf(error) });
    }
  },

  async decide(id, decision) {
    const mine = generation;
    try {
      const stats = await trackSave(() => call('roster.decide', { id, decision }));
      if (mine !== generation) return null;
      set((state) => ({ stats, pairs: (state.pairs ?? []).filter((pair) => pair.id !== id) }));
      // A merge can change which other pairs still make sense: ask again rather than guess.
      void get().load();
      return null;
    } catch (error) {
      return messageOf(error);
    }
  },

  async purge() {
    const mine = generation;
    try {
      const stats = await trackSave(() => call('roster.purge', { confirm: true }));
      if (mine === generation) set({ stats, pairs: [] });
      return null;
    } catch (error) {
      return messageOf(error);
    }
  },

  reset() {
    generation += 1;
    set({ stats: null, pairs: null, error: null });
  },
}));

function pending(pairs: readonly ReviewPair[]): ReviewPair[] {
  return pairs.filter((pair) => pair.decision === null);
}

resetOnCaseChange(() => {
  useRosterStore.getState().reset();
  // Another case: an import main may still finish belongs to the case it started in.
  useJobStore.getState().release('roster');
});
