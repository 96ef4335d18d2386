import { create } from 'zustand';
import { call } from '../api/client';

interface AppInfoState {
  /** Whether this host can keep a case passphrase safely (a system keychain); false until known. */
  canRememberPassphrases: boolean;
  loaded: boolean;
  load: () => Promise<void>;
}

/** What the host says about itself (`app.info`), asked once when the window starts. */
export const useAppInfoStore = create<AppInfoState>()((set) => ({
  canRememberPassphrases: false,
  loaded: false,

  async load() {
    try {
      const info = await call('app.info', {});
      set({ canRememberPassphrases: info.canRememberPassphrases, loaded: true });
    } catch {
      // Without an answer nothing is offered that might not work: passphrases are asked each time.
      set({ canRememberPassphrases: false, loaded: true });
    }
  },
}));
