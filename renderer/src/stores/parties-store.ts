import { create } from 'zustand';
import type { Party, PartyInput } from '../../../shared/domain/parties';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { call, messageOf } from '../api/client';
import { forgetItem } from '../lib/kept-drafts';
import { PendingPatches, upsert } from '../lib/pending-patches';
import { useWorkspaceStore, type SaveKey } from './workspace-store';

type PartyPatch = ChannelInput<'parties.update'>['patch'];
type ActionInput = Omit<ChannelInput<'parties.addAction'>, 'partyId'>;

interface PartiesState {
  parties: Party[] | null;
  selectedId: string | null;
  error: string | null;
  load: () => Promise<void>;
  select: (id: string | null) => void;
  /** Each write resolves null, or the sentence saying why it failed. */
  create: (input: PartyInput) => Promise<string | null>;
  update: (key: SaveKey, id: string, patch: PartyPatch) => Promise<string | null>;
  remove: (id: string) => Promise<string | null>;
  addAction: (partyId: string, action: ActionInput) => Promise<string | null>;
  removeAction: (actionId: string) => Promise<string | null>;
  reset: () => void;
}

let generation = 0;
const pending = new PendingPatches<PartyPatch>();

/** Every editable field of a party: what an update sends (see PendingPatches). */
function fullPatch(party: Party, patch: PartyPatch): PartyPatch {
  const { name, kind, role, contactName, email, phone, address, notes } = party;
  return { name, kind, role, contactName, email, phone, address, notes, ...patch };
}

const track = (key: SaveKey | null, write: () => Promise<unknown>) =>
  useWorkspaceStore.getState().track(key, write);

export const usePartiesStore = create<PartiesState>()((set, get) => ({
  parties: null,
  selectedId: null,
  error: null,

  async load() {
    const mine = generation;
    try {
      const parties = (await call('parties.list', {})).map((party) => pending.apply(party));
      if (mine !== generation) return;
      const selectedId = get().selectedId;
      const keep = parties.some((party) => party.id === selectedId);
      set({ parties, error: null, selectedId: keep ? selectedId : (parties[0]?.id ?? null) });
    } catch (error) {
      if (mine === generation) set({ error: messageOf(error) });
    }
  },

  select(selectedId) {
    set({ selectedId });
  },

  create(input) {
    const mine = generation;
    return track(null, async () => {
      const party = await call('parties.create', input);
      if (mine === generation)
        set((state) => ({ parties: upsert(state.parties, party), selectedId: party.id }));
    });
  },

  update(key, id, patch) {
    const mine = generation;
    const party = get().parties?.find((p) => p.id === id);
    if (party === undefined) return Promise.resolve('This party is no longer in the case.');
    const full = fullPatch(party, patch);
    pending.add(id, full);
    set((state) => ({ parties: upsert(state.parties, party, pending) }));
    return track(key, async () => {
      try {
        const saved = await call('parties.update', { id, patch: full });
        pending.delete(id, full);
        if (mine === generation) set((state) => ({ parties: upsert(state.parties, saved, pending) }));
      } catch (error) {
        pending.delete(id, full);
        if (mine === generation) set((state) => ({ parties: upsert(state.parties, party, pending) }));
        throw error;
      }
    });
  },

  remove(id) {
    const mine = generation;
    return track(null, async () => {
      await call('parties.remove', { id });
      forgetItem(`parties.${id}.`);
      if (mine !== generation) return;
      const parties = (get().parties ?? []).filter((p) => p.id !== id);
      const selectedId = get().selectedId === id ? (parties[0]?.id ?? null) : get().selectedId;
      set({ parties, selectedId });
    });
  },

  addAction(partyId, action) {
    const mine = generation;
    return track(null, async () => {
      const party = await call('parties.addAction', { partyId, ...action });
      if (mine === generation) set((state) => ({ parties: upsert(state.parties, party, pending) }));
    });
  },

  removeAction(actionId) {
    const mine = generation;
    return track(null, async () => {
      const party = await call('parties.removeAction', { id: actionId });
      if (mine === generation) set((state) => ({ parties: upsert(state.parties, party, pending) }));
    });
  },

  reset() {
    generation += 1;
    pending.clear();
    set({ parties: null, selectedId: null, error: null });
  },
}));

useWorkspaceStore.subscribe((state, previous) => {
  if (state.current?.path !== previous.current?.path) usePartiesStore.getState().reset();
});
