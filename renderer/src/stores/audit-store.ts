import { create } from 'zustand';
import type { AuditEntry, CaseVerification } from '../../../shared/domain/audit';
import { call, messageOf } from '../api/client';

const AUDIT_PAGE_SIZE = 200;
const MAX_PAGE = 1000;

interface AuditState {
  entries: AuditEntry[];
  total: number;
  loading: boolean;
  error: string | null;
  verification: CaseVerification | null;
  verifying: boolean;
  verifyError: string | null;
  /** Reloads the newest entries, keeping as many as are already shown (up to one large page). */
  refresh: () => Promise<void>;
  loadOlder: () => Promise<void>;
  verify: () => Promise<void>;
  reset: () => void;
}

// Answers to requests made before a reset (another case opened) are dropped.
let generation = 0;

export const useAuditStore = create<AuditState>()((set, get) => ({
  entries: [],
  total: 0,
  loading: false,
  error: null,
  verification: null,
  verifying: false,
  verifyError: null,

  async refresh() {
    const mine = generation;
    const limit = Math.min(MAX_PAGE, Math.max(AUDIT_PAGE_SIZE, get().entries.length));
    set({ loading: true, error: null });
    try {
      const page = await call('audit.list', { limit });
      if (mine === generation) set({ entries: page.entries, total: page.total, loading: false });
    } catch (error) {
      if (mine === generation) set({ loading: false, error: messageOf(error) });
    }
  },

  async loadOlder() {
    const mine = generation;
    const oldest = get().entries.at(-1);
    if (oldest === undefined || oldest.seq <= 1 || get().loading) return;
    set({ loading: true, error: null });
    try {
      const page = await call('audit.list', { beforeSeq: oldest.seq, limit: AUDIT_PAGE_SIZE });
      if (mine !== generation) return;
      set((state) => ({ entries: [...state.entries, ...page.entries], total: page.total, loading: false }));
    } catch (error) {
      if (mine === generation) set({ loading: false, error: messageOf(error) });
    }
  },

  async verify() {
    const mine = generation;
    set({ verifying: true, verifyError: null });
    try {
      const verification = await call('case.verify', {});
      if (mine === generation) set({ verification, verifying: false });
    } catch (error) {
      if (mine === generation) set({ verification: null, verifying: false, verifyError: messageOf(error) });
    }
  },

  reset() {
    generation += 1;
    set({
      entries: [],
      total: 0,
      loading: false,
      error: null,
      verification: null,
      verifying: false,
      verifyError: null,
    });
  },
}));
