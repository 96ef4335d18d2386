import { create } from 'zustand';
import type { Facts, FactsPatch } from '../../../shared/domain/facts';
import { REGIME_DECISIONS } from '../../../shared/obligations/regime-decisions';
import { call, messageOf } from '../api/client';
import { useWorkspaceStore, type SaveKey } from './workspace-store';

interface FactsState {
  facts: Facts | null;
  error: string | null;
  load: () => Promise<void>;
  /** Sends only the changed keys; shown at once, then replaced by what the case file holds. */
  update: (key: SaveKey, patch: FactsPatch) => Promise<boolean>;
  reset: () => void;
}

function applyPatch(facts: Facts, patch: FactsPatch): Facts {
  const { organisation, decisions, ...rest } = patch;
  const merged = { ...facts.decisions };
  for (const key of REGIME_DECISIONS) {
    const value = decisions?.[key];
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = value;
  }
  return { ...facts, ...rest, organisation: { ...facts.organisation, ...organisation }, decisions: merged };
}

// Answers to requests made before a reset (another case opened) are dropped.
let generation = 0;
// Patches on their way, re-applied over an earlier answer so a field does not flicker back.
const inFlight = new Set<FactsPatch>();

export const useFactsStore = create<FactsState>()((set, get) => ({
  facts: null,
  error: null,

  async load() {
    const mine = generation;
    try {
      const facts = await call('facts.get', {});
      if (mine === generation) set({ facts: [...inFlight].reduce(applyPatch, facts), error: null });
    } catch (error) {
      if (mine === generation) set({ error: messageOf(error) });
    }
  },

  async update(key, patch) {
    const mine = generation;
    const before = get().facts;
    if (before !== null) set({ facts: applyPatch(before, patch) });
    inFlight.add(patch);
    const failure = await useWorkspaceStore.getState().track(key, async () => {
      try {
        const saved = await call('facts.update', { patch });
        inFlight.delete(patch);
        if (mine === generation) set({ facts: [...inFlight].reduce(applyPatch, saved) });
      } finally {
        inFlight.delete(patch);
      }
    });
    return failure === null;
  },

  reset() {
    generation += 1;
    inFlight.clear();
    set({ facts: null, error: null });
  },
}));

useWorkspaceStore.subscribe((state, previous) => {
  if (state.current?.path !== previous.current?.path) useFactsStore.getState().reset();
});
