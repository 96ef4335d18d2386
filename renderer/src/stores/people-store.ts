import { create } from 'zustand';
import type { DataElement, DataElementInput } from '../../../shared/domain/data-elements';
import type { CsvImportResult, Population } from '../../../shared/domain/populations';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { call, messageOf } from '../api/client';
import { forgetItem } from '../lib/kept-drafts';
import { PendingPatches, upsert } from '../lib/pending-patches';
import { useWorkspaceStore, type SaveKey } from './workspace-store';

type ElementPatch = ChannelInput<'dataElements.update'>['patch'];
type PopulationInput = ChannelInput<'populations.set'>;

interface PeopleState {
  elements: DataElement[] | null;
  populations: Population[] | null;
  error: string | null;
  loadElements: () => Promise<void>;
  loadPopulations: () => Promise<void>;
  /** Each write resolves null, or the sentence saying why it failed. */
  addElement: (input: DataElementInput) => Promise<string | null>;
  updateElement: (key: SaveKey | null, id: string, patch: ElementPatch) => Promise<string | null>;
  removeElement: (id: string) => Promise<string | null>;
  setPopulation: (key: SaveKey | null, input: PopulationInput) => Promise<string | null>;
  removePopulation: (id: string) => Promise<string | null>;
  importCsv: (csv: string) => Promise<CsvImportResult | string>;
  reset: () => void;
}

let generation = 0;
const pendingElements = new PendingPatches<ElementPatch>();

/** Every editable field of an element: what the update sends (see PendingPatches). */
function fullPatch(element: DataElement, patch: ElementPatch): ElementPatch {
  const { term, customLabel, encrypted, keyCompromised, note } = element;
  return { term, customLabel, encrypted, keyCompromised, note, ...patch };
}

const track = (key: SaveKey | null, write: () => Promise<unknown>) =>
  useWorkspaceStore.getState().track(key, write);

export const usePeopleStore = create<PeopleState>()((set, get) => ({
  elements: null,
  populations: null,
  error: null,

  async loadElements() {
    const mine = generation;
    try {
      const elements = (await call('dataElements.list', {})).map((element) => pendingElements.apply(element));
      if (mine === generation) set({ elements, error: null });
    } catch (error) {
      if (mine === generation) set({ error: messageOf(error) });
    }
  },

  async loadPopulations() {
    const mine = generation;
    try {
      const populations = await call('populations.list', {});
      if (mine === generation) set({ populations, error: null });
    } catch (error) {
      if (mine === generation) set({ error: messageOf(error) });
    }
  },

  addElement(input) {
    const mine = generation;
    return track(null, async () => {
      const added = await call('dataElements.add', input);
      if (mine === generation) set((state) => ({ elements: upsert(state.elements, added) }));
    });
  },

  updateElement(key, id, patch) {
    const mine = generation;
    const element = get().elements?.find((e) => e.id === id);
    if (element === undefined) return Promise.resolve('This data element is no longer in the case.');
    const full = fullPatch(element, patch);
    pendingElements.add(id, full);
    set((state) => ({ elements: upsert(state.elements, element, pendingElements) }));
    return track(key, async () => {
      try {
        const updated = await call('dataElements.update', { id, patch: full });
        pendingElements.delete(id, full);
        if (mine === generation)
          set((state) => ({ elements: upsert(state.elements, updated, pendingElements) }));
      } catch (error) {
        // Not written: show the element as the case file still has it.
        pendingElements.delete(id, full);
        if (mine === generation)
          set((state) => ({ elements: upsert(state.elements, element, pendingElements) }));
        throw error;
      }
    });
  },

  removeElement(id) {
    const mine = generation;
    return track(null, async () => {
      await call('dataElements.remove', { id });
      forgetItem(`dataElements.${id}.`);
      if (mine === generation)
        set((state) => ({ elements: (state.elements ?? []).filter((e) => e.id !== id) }));
    });
  },

  setPopulation(key, input) {
    const mine = generation;
    return track(key, async () => {
      const saved = await call('populations.set', input);
      if (mine === generation) set((state) => ({ populations: upsert(state.populations, saved) }));
    });
  },

  removePopulation(id) {
    const mine = generation;
    return track(null, async () => {
      await call('populations.remove', { id });
      forgetItem(`populations.${id}.`);
      if (mine === generation)
        set((state) => ({ populations: (state.populations ?? []).filter((p) => p.id !== id) }));
    });
  },

  async importCsv(csv) {
    let result: CsvImportResult | null = null;
    const failure = await track(null, async () => {
      result = await call('populations.importCsv', { csv });
    });
    if (failure !== null) return failure;
    await get().loadPopulations();
    return result ?? 'The import gave no answer; try again.';
  },

  reset() {
    generation += 1;
    pendingElements.clear();
    set({ elements: null, populations: null, error: null });
  },
}));

useWorkspaceStore.subscribe((state, previous) => {
  if (state.current?.path !== previous.current?.path) usePeopleStore.getState().reset();
});
