import { create } from 'zustand';
import type { CustodyEntry } from '../../../../shared/domain/evidence';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { call, messageOf } from '../../api/client';
import { resetOnCaseChange } from '../../lib/track-save';
import { useWorkspaceStore } from '../workspace-store';

interface CustodyState {
  /** The custody record of the selected item, as last read. */
  custody: { id: string; entries: CustodyEntry[] } | null;
  custodyError: string | null;
  /** Reads the item's record; only the answer for the item asked for last is kept. */
  loadCustody: (id: string) => Promise<void>;
  /** Adds an entry; resolves null, or the sentence saying why it failed. */
  addCustody: (input: ChannelInput<'evidence.addCustody'>) => Promise<string | null>;
  reset: () => void;
}

let generation = 0;
/** The item whose record was asked for last (the selected one). */
let wanted: string | null = null;

/** The chain of custody of the selected evidence item. */
export const useCustodyStore = create<CustodyState>()((set, get) => ({
  custody: null,
  custodyError: null,

  async loadCustody(id) {
    const mine = generation;
    wanted = id;
    try {
      const entries = await call('evidence.custody', { id });
      if (mine === generation && wanted === id) set({ custody: { id, entries }, custodyError: null });
    } catch (error) {
      if (mine === generation && wanted === id) set({ custodyError: messageOf(error) });
    }
  },

  addCustody(input) {
    const mine = generation;
    return useWorkspaceStore.getState().track(null, async () => {
      const entry = await call('evidence.addCustody', input);
      const custody = get().custody;
      if (mine === generation && custody?.id === input.evidenceId)
        set({ custody: { id: custody.id, entries: [...custody.entries, entry] } });
    });
  },

  reset() {
    generation += 1;
    wanted = null;
    set({ custody: null, custodyError: null });
  },
}));

resetOnCaseChange(() => useCustodyStore.getState().reset());
