import { useEffect } from 'react';
import { create } from 'zustand';
import type { SigningInfo } from '../../../../shared/domain/bundle';
import { call, messageOf } from '../../api/client';

interface SigningState {
  info: SigningInfo | null;
  error: string | null;
  load: () => Promise<void>;
  /** Resolves null when done, or the sentence saying why not. */
  trust: (publicKey: string, label: string) => Promise<string | null>;
  untrust: (fingerprint: string) => Promise<string | null>;
  ensureKey: () => Promise<string | null>;
}

/** This installation's signing key and the keys it trusts (they live outside any case file). */
export const useSigningStore = create<SigningState>()((set) => {
  async function change(work: () => Promise<SigningInfo>): Promise<string | null> {
    try {
      set({ info: await work(), error: null });
      return null;
    } catch (error) {
      return messageOf(error);
    }
  }

  return {
    info: null,
    error: null,

    async load() {
      try {
        set({ info: await call('signing.info', {}), error: null });
      } catch (error) {
        set({ error: messageOf(error) });
      }
    },

    trust(publicKey, label) {
      return change(() => call('signing.trust', { publicKey, label }));
    },

    untrust(fingerprint) {
      return change(() => call('signing.untrust', { fingerprint }));
    },

    ensureKey() {
      return change(() => call('signing.ensureKey', {}));
    },
  };
});

/** The signing key and trusted keys, read afresh when the component showing them mounts. */
export function useSigningInfo(): { info: SigningInfo | null; error: string | null } {
  const info = useSigningStore((state) => state.info);
  const error = useSigningStore((state) => state.error);
  const load = useSigningStore((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
  return { info, error };
}
