import { create } from 'zustand';
import type { HarmDeterminationInput, HarmListing } from '../../../shared/domain/harm-determinations';
import { call, messageOf } from '../api/client';
import { resetOnCaseChange } from '../lib/track-save';
import { useObligationsStore } from './obligations-store';
import { useWorkspaceStore } from './workspace-store';

interface HarmState {
  /** The decisions recorded in the case and the rule pack's harm tests; null until loaded. */
  listing: HarmListing | null;
  error: string | null;
  /** The jurisdiction whose harm-decision dialog is open, or null. */
  editing: string | null;
  load: () => Promise<void>;
  /** Opens the dialog for a jurisdiction (from the board or the list of harm decisions). */
  edit: (jurisdiction: string) => void;
  closeDialog: () => void;
  /** Records or changes a decision, then reloads it and the board; null, or why it failed. */
  save: (input: HarmDeterminationInput) => Promise<string | null>;
  /** Removes a decision, then reloads it and the board; null, or why it failed. */
  clear: (jurisdiction: string) => Promise<string | null>;
  reset: () => void;
}

let generation = 0;

export const useHarmStore = create<HarmState>()((set, get) => {
  async function afterChange(mine: number): Promise<void> {
    if (mine !== generation) return;
    await Promise.all([get().load(), useObligationsStore.getState().load()]);
  }

  return {
    listing: null,
    error: null,
    editing: null,

    async load() {
      if (useWorkspaceStore.getState().current === null) return;
      const mine = generation;
      try {
        const listing = await call('harm.list', {});
        if (mine === generation) set({ listing, error: null });
      } catch (error) {
        if (mine === generation) set({ error: messageOf(error) });
      }
    },

    edit(jurisdiction) {
      set({ editing: jurisdiction });
    },

    closeDialog() {
      set({ editing: null });
    },

    save(input) {
      const mine = generation;
      return useWorkspaceStore.getState().track(null, async () => {
        await call('harm.set', input);
        await afterChange(mine);
      });
    },

    clear(jurisdiction) {
      const mine = generation;
      return useWorkspaceStore.getState().track(null, async () => {
        await call('harm.clear', { jurisdiction });
        await afterChange(mine);
      });
    },

    reset() {
      generation += 1;
      set({ listing: null, error: null, editing: null });
    },
  };
});

resetOnCaseChange(() => useHarmStore.getState().reset());
