import { useCallback, useEffect, useRef, useState } from 'react';
import type { BundleVerification } from '../../../../shared/domain/bundle';
import { useBundleJobsStore } from './bundle-jobs-store';

type VerifyState =
  | { kind: 'running' }
  | { kind: 'report'; report: BundleVerification }
  /** The bundle is sealed with age to a passphrase: none was given yet, or the last one was wrong. */
  | { kind: 'needs-passphrase'; wrong: boolean }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

interface Verify {
  state: VerifyState;
  /** Verifies again (after trusting its signer), with the passphrase that opened it, if any. */
  again: () => void;
  /** Verifies with this passphrase, kept for `again` and for the import that may follow. */
  unlock: (passphrase: string) => void;
  /** The passphrase that opened the bundle, if it needed one. */
  passphrase: string | undefined;
}

/** Verifies the bundle at `path` once when mounted, asking for its passphrase when it has one. */
export function useVerify(path: string): Verify {
  const verifyBundle = useBundleJobsStore((store) => store.verifyBundle);
  const [state, setState] = useState<VerifyState>({ kind: 'running' });
  const [passphrase, setPassphrase] = useState<string | undefined>(undefined);
  const started = useRef(false);

  const run = useCallback(
    (given: string | undefined) => {
      setState({ kind: 'running' });
      void verifyBundle(path, given).then((ended) => {
        if (ended.kind === 'done') setState({ kind: 'report', report: ended.value });
        else if (ended.kind === 'cancelled') setState({ kind: 'cancelled' });
        else if (ended.kind === 'failed' && ended.code === 'BUNDLE_PASSPHRASE_REQUIRED')
          setState({ kind: 'needs-passphrase', wrong: false });
        else if (ended.kind === 'failed' && ended.code === 'BUNDLE_PASSPHRASE_WRONG')
          setState({ kind: 'needs-passphrase', wrong: true });
        else setState({ kind: 'failed', message: ended.message });
      });
    },
    [path, verifyBundle],
  );

  useEffect(() => {
    // Once per dialog, also under StrictMode's second effect run.
    if (started.current) return;
    started.current = true;
    run(undefined);
  }, [run]);

  return {
    state,
    again: () => run(passphrase),
    unlock: (given) => {
      setPassphrase(given);
      run(given);
    },
    passphrase,
  };
}
