import { create } from 'zustand';
import type { RegisterDocument } from '../../../shared/domain/register';
import { call, messageOf } from '../api/client';
import { useWorkspaceStore } from './workspace-store';

interface RegisterState {
  document: RegisterDocument | null;
  /** The date whose law applies, as chosen ('' for the day the breach was discovered). */
  asOf: string;
  loading: boolean;
  error: string | null;
  exporting: boolean;
  /** Where the last export was written. */
  exportedTo: string | null;
  exportError: string | null;
  load: () => Promise<void>;
  setAsOf: (asOf: string) => void;
  exportHtml: () => Promise<void>;
  reset: () => void;
}

// Answers to requests made before a reset (another case opened) are dropped.
let generation = 0;

export const useRegisterStore = create<RegisterState>()((set, get) => ({
  document: null,
  asOf: '',
  loading: false,
  error: null,
  exporting: false,
  exportedTo: null,
  exportError: null,

  async load() {
    const mine = generation;
    const asOf = get().asOf;
    set({ loading: true });
    try {
      const document = await call('register.get', asOf === '' ? {} : { asOf });
      if (mine === generation && get().asOf === asOf) set({ document, loading: false, error: null });
    } catch (error) {
      if (mine === generation) set({ loading: false, error: messageOf(error) });
    }
  },

  setAsOf(asOf) {
    set({ asOf });
    void get().load();
  },

  async exportHtml() {
    const mine = generation;
    const asOf = get().asOf;
    set({ exportError: null, exportedTo: null });
    let path: string | null;
    try {
      path = (await call('dialog.chooseExportPath', { suggestedName: 'breach-register.html' })).path;
    } catch (error) {
      if (mine === generation) set({ exportError: messageOf(error) });
      return;
    }
    if (path === null || mine !== generation) return;
    const target = path;
    set({ exporting: true });
    try {
      // The native save dialog has already asked before replacing an existing file.
      const written = await call('register.export', {
        path: target,
        overwrite: true,
        ...(asOf === '' ? {} : { asOf }),
      });
      if (mine === generation) set({ exporting: false, exportedTo: written.path });
    } catch (error) {
      if (mine === generation) set({ exporting: false, exportError: messageOf(error) });
    }
  },

  reset() {
    generation += 1;
    set({
      document: null,
      asOf: '',
      loading: false,
      error: null,
      exporting: false,
      exportedTo: null,
      exportError: null,
    });
  },
}));

useWorkspaceStore.subscribe((state, previous) => {
  if (state.current?.path !== previous.current?.path) useRegisterStore.getState().reset();
});
