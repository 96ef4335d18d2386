import { create } from 'zustand';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { call, messageOf } from '../../api/client';

export type RulePackListing = ChannelOutput<'rules.list'>;

interface RulesState {
  listing: RulePackListing | null;
  error: string | null;
  /** Codes of the jurisdictions whose rules are shown. */
  expanded: string[];
  /** Loads the rule pack's listing once (it ships with the app and does not change while it runs). */
  load: () => Promise<void>;
  toggle: (code: string) => void;
}

export const useRulesStore = create<RulesState>()((set, get) => ({
  listing: null,
  error: null,
  expanded: [],
  async load() {
    if (get().listing !== null) return;
    try {
      set({ listing: await call('rules.list', {}), error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
  toggle(code) {
    set((state) => ({
      expanded: state.expanded.includes(code)
        ? state.expanded.filter((c) => c !== code)
        : [...state.expanded, code],
    }));
  },
}));
