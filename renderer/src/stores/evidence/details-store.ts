import { create } from 'zustand';
import type { EvidencePatch } from '../../../../shared/domain/evidence';
import { call } from '../../api/client';
import { upsert } from '../../lib/pending-patches';
import { resetOnCaseChange } from '../../lib/track-save';
import { useWorkspaceStore, type SaveKey } from '../workspace-store';
import { useEventTitlesStore } from './event-titles-store';
import { evidencePatches } from './evidence-patches';
import { useEvidenceStore } from './list-store';

interface EvidenceDetailsState {
  /** Saves an edit of an item's metadata, shown at once; resolves null, or why it failed. */
  update: (key: SaveKey, id: string, patch: EvidencePatch) => Promise<string | null>;
}

let generation = 0;

/** Editing an item's description, source, tags and links (its bytes never change). */
export const useEvidenceDetailsStore = create<EvidenceDetailsState>()(() => ({
  update(key, id, patch) {
    const mine = generation;
    const list = useEvidenceStore;
    const item = list.getState().items?.find((candidate) => candidate.id === id);
    if (item === undefined) return Promise.resolve('This item is no longer in the case.');
    evidencePatches.add(id, patch);
    list.setState((state) => ({ items: upsert(state.items, item, evidencePatches) }));
    return useWorkspaceStore.getState().track(key, async () => {
      try {
        const saved = await call('evidence.update', { id, patch });
        evidencePatches.delete(id, patch);
        if (mine === generation)
          list.setState((state) => ({ items: upsert(state.items, saved, evidencePatches) }));
        void useEventTitlesStore.getState().learnEventTitles(saved.eventIds);
      } catch (error) {
        evidencePatches.delete(id, patch);
        if (mine === generation)
          list.setState((state) => ({ items: upsert(state.items, item, evidencePatches) }));
        throw error;
      }
    });
  },
}));

resetOnCaseChange(() => {
  generation += 1;
});
