import { create } from 'zustand';
import type { PendingEvidence } from '../../../shared/domain/pending-evidence';
import { call, messageOf } from '../api/client';
import { resetOnCaseChange } from '../lib/track-save';

interface EvidenceState {
  pending: PendingEvidence[];
  /** Titles of the events the files are linked to, by event id. */
  eventTitles: Record<string, string>;
  loaded: boolean;
  error: string | null;
  load: () => Promise<void>;
  reset: () => void;
}

let generation = 0;

export const useEvidenceStore = create<EvidenceState>()((set) => ({
  pending: [],
  eventTitles: {},
  loaded: false,
  error: null,

  async load() {
    const mine = generation;
    try {
      const pending = await call('evidence.pending', {});
      const ids = [...new Set(pending.flatMap((item) => item.eventIds))].slice(0, 100);
      const events = await Promise.all(ids.map((id) => call('events.get', { id }).catch(() => null)));
      const eventTitles: Record<string, string> = {};
      for (const event of events) if (event !== null) eventTitles[event.id] = event.title;
      if (mine === generation) set({ pending, eventTitles, loaded: true, error: null });
    } catch (error) {
      if (mine === generation) set({ loaded: true, error: messageOf(error) });
    }
  },

  reset() {
    generation += 1;
    set({ pending: [], eventTitles: {}, loaded: false, error: null });
  },
}));

resetOnCaseChange(() => useEvidenceStore.getState().reset());
