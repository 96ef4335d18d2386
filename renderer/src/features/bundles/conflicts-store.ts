import { create } from 'zustand';
import type { MergeConflict } from '../../../../shared/domain/bundle';
import { call, messageOf } from '../../api/client';
import { resetOnCaseChange, trackSave } from '../../lib/track-save';

interface ConflictsState {
  /** Open conflicts, plus resolved ones while `includeResolved`; null until loaded. */
  conflicts: MergeConflict[] | null;
  /** Open conflicts in the case, for the overview card. */
  openCount: number;
  includeResolved: boolean;
  error: string | null;
  load: () => Promise<void>;
  setIncludeResolved: (include: boolean) => Promise<void>;
  /** Resolves null when done, or the sentence saying why not. */
  resolve: (id: string, choice: 'ours' | 'theirs') => Promise<string | null>;
  reset: () => void;
}

let generation = 0;

/** Records a merge found changed differently on both sides, until a person picks a side. */
export const useConflictsStore = create<ConflictsState>()((set, get) => ({
  conflicts: null,
  openCount: 0,
  includeResolved: false,
  error: null,

  async load() {
    const mine = generation;
    try {
      const conflicts = await call('bundle.conflicts', { includeResolved: get().includeResolved });
      if (mine !== generation) return;
      set({
        conflicts,
        openCount: conflicts.filter((conflict) => conflict.status === 'open').length,
        error: null,
      });
    } catch (error) {
      if (mine === generation) set({ error: messageOf(error) });
    }
  },

  async setIncludeResolved(includeResolved) {
    set({ includeResolved });
    await get().load();
  },

  async resolve(id, choice) {
    const mine = generation;
    try {
      const resolved = await trackSave(() => call('bundle.resolveConflict', { id, choice }));
      if (mine !== generation) return null;
      set((state) => {
        const conflicts = (state.conflicts ?? []).flatMap((conflict) => {
          if (conflict.id !== id) return [conflict];
          return state.includeResolved ? [resolved] : [];
        });
        return { conflicts, openCount: conflicts.filter((conflict) => conflict.status === 'open').length };
      });
      return null;
    } catch (error) {
      return messageOf(error);
    }
  },

  reset() {
    generation += 1;
    set({ conflicts: null, openCount: 0, includeResolved: false, error: null });
  },
}));

resetOnCaseChange(() => useConflictsStore.getState().reset());
