import { create } from 'zustand';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { call, messageOf } from '../../api/client';

export type RulePackListing = ChannelOutput<'rules.list'>;
export type RulePackUpdate = ChannelOutput<'rules.preview'>;

interface RulesState {
  listing: RulePackListing | null;
  error: string | null;
  /** Codes of the jurisdictions whose rules are shown. */
  expanded: string[];
  /** A signed pack checked and compared with the active one, waiting for Install or Cancel. */
  update: RulePackUpdate | null;
  /** Why the last pack chosen was refused, or installing it failed: one sentence. */
  updateError: string | null;
  installing: boolean;
  /** Loads the active rule pack's listing; `force` reads it again (it changes when a pack is installed). */
  load: (force?: boolean) => Promise<void>;
  toggle: (code: string) => void;
  /** Import signed pack…: picks a file, checks it and shows what it changes (nothing installed yet). */
  chooseUpdate: () => Promise<void>;
  /** Installs the pack shown (exactly that file: its hash is sent back), then reloads the listing. */
  install: () => Promise<void>;
  cancelUpdate: () => void;
}

export const useRulesStore = create<RulesState>()((set, get) => ({
  listing: null,
  error: null,
  expanded: [],
  update: null,
  updateError: null,
  installing: false,
  async load(force = false) {
    if (get().listing !== null && !force) return;
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
  async chooseUpdate() {
    set({ updateError: null });
    try {
      const { path } = await call('dialog.chooseRulePack', {});
      if (path === null) return;
      set({ update: await call('rules.preview', { path }) });
    } catch (error) {
      set({ updateError: messageOf(error) });
    }
  },
  async install() {
    const { update } = get();
    if (update === null) return;
    set({ installing: true, updateError: null });
    try {
      await call('rules.install', { path: update.path, sha256: update.sha256 });
      set({ update: null });
      await get().load(true);
    } catch (error) {
      set({ updateError: messageOf(error) });
    } finally {
      set({ installing: false });
    }
  },
  cancelUpdate() {
    set({ update: null, updateError: null });
  },
}));
