import { create } from 'zustand';
import type { RecentCase } from '../../../shared/domain/recent';
import { call, messageOf } from '../api/client';

interface RecentState {
  items: RecentCase[];
  loaded: boolean;
  error: string | null;
  load: () => Promise<void>;
  forget: (path: string) => Promise<void>;
}

export const useRecentStore = create<RecentState>()((set, get) => ({
  items: [],
  loaded: false,
  error: null,

  async load() {
    try {
      set({ items: await call('recent.list', {}), loaded: true, error: null });
    } catch (error) {
      set({ loaded: true, error: messageOf(error) });
    }
  },

  async forget(path) {
    try {
      await call('recent.forget', { path });
      await get().load();
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
}));
