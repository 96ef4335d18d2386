import { useCallback, useEffect, useRef, useState } from 'react';
import type { BundleVerification } from '../../../../shared/domain/bundle';
import { useBundleJobsStore } from './bundle-jobs-store';

type VerifyState =
  | { kind: 'running' }
  | { kind: 'report'; report: BundleVerification }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

/** Verifies the bundle at `path` once when mounted; `again` repeats it (after trusting its signer). */
export function useVerify(path: string): { state: VerifyState; again: () => void } {
  const verifyBundle = useBundleJobsStore((store) => store.verifyBundle);
  const [state, setState] = useState<VerifyState>({ kind: 'running' });
  const started = useRef(false);

  const again = useCallback(() => {
    setState({ kind: 'running' });
    void verifyBundle(path).then((ended) => {
      if (ended.kind === 'done') setState({ kind: 'report', report: ended.value });
      else if (ended.kind === 'cancelled') setState({ kind: 'cancelled' });
      else setState({ kind: 'failed', message: ended.message });
    });
  }, [path, verifyBundle]);

  useEffect(() => {
    // Once per dialog, also under StrictMode's second effect run.
    if (started.current) return;
    started.current = true;
    again();
  }, [again]);

  return { state, again };
}
