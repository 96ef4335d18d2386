import { create } from 'zustand';

type DialogId = 'none' | 'newCase' | 'help' | 'search' | 'rulePack';

interface UiState {
  dialog: DialogId;
  /** One sentence about the last open/create/close that failed, shown where the user started it. */
  actionError: string | null;
  /** An open or close is on its way; repeated commands (menu and shortcut both firing) are ignored. */
  busy: boolean;
  openDialog: (dialog: Exclude<DialogId, 'none'>) => void;
  closeDialog: () => void;
  setActionError: (message: string | null) => void;
  setBusy: (busy: boolean) => void;
}

export const useUiStore = create<UiState>()((set) => ({
  dialog: 'none',
  actionError: null,
  busy: false,
  openDialog(dialog) {
    set({ dialog });
  },
  closeDialog() {
    set({ dialog: 'none' });
  },
  setActionError(actionError) {
    set({ actionError });
  },
  setBusy(busy) {
    set({ busy });
  },
}));
