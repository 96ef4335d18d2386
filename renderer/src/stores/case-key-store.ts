import { create } from 'zustand';

/**
 * The dialogs about a case file's key. `unlock` asks for the passphrase of a file being opened;
 * the others act on the open case at `path` and are dropped if another case is open by then.
 */
export type CaseKeyDialog =
  | { kind: 'unlock'; path: string; reason: string }
  | { kind: 'encrypt'; path: string }
  | { kind: 'changePassphrase'; path: string }
  | { kind: 'forgetPassphrase'; path: string };

interface CaseKeyState {
  dialog: CaseKeyDialog | null;
  /** Shows a dialog about the open case. */
  show: (dialog: Exclude<CaseKeyDialog, { kind: 'unlock' }>) => void;
  /** Asks for the passphrase of the file at `path`; resolves when the dialog closes (opened or cancelled). */
  unlock: (path: string, reason: string) => Promise<void>;
  close: () => void;
}

let settleUnlock: (() => void) | null = null;

export const useCaseKeyStore = create<CaseKeyState>()((set, get) => ({
  dialog: null,

  show(dialog) {
    get().close();
    set({ dialog });
  },

  unlock(path, reason) {
    get().close();
    return new Promise<void>((resolve) => {
      settleUnlock = resolve;
      set({ dialog: { kind: 'unlock', path, reason } });
    });
  },

  close() {
    const settle = settleUnlock;
    settleUnlock = null;
    set({ dialog: null });
    settle?.();
  },
}));

/** True while one of these dialogs owns the keyboard (the shortcuts stay quiet). */
export function caseKeyDialogOpen(): boolean {
  return useCaseKeyStore.getState().dialog !== null;
}
