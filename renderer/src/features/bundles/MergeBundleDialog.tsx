import { useCallback, useEffect, useRef, useState } from 'react';
import type { BundleMergeResult, BundleVerification } from '../../../../shared/domain/bundle';
import { Button } from '../../components/Button';
import { Modal } from '../../components/Modal';
import { StatusBanner } from '../../components/StatusBanner';
import { useRunningJob } from '../../jobs/job-store';
import { useBundleJobsStore } from './bundle-jobs-store';
import { useBundleStore } from './bundle-store';
import { BundleJobPanel } from './BundleJobPanel';
import { BundlePassphraseForm } from './BundlePassphraseForm';
import { BundleReport } from './BundleReport';
import { MergeSummary } from './MergeSummary';
import { StepFocus } from './StepFocus';

type MergeState =
  | { kind: 'running' }
  | { kind: 'done'; result: BundleMergeResult }
  /** The bundle did not verify, so nothing was merged. */
  | { kind: 'refused'; report: BundleVerification }
  /** The bundle is sealed with age to a passphrase: none was given yet, or the last one was wrong. */
  | { kind: 'needs-passphrase'; wrong: boolean }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

/**
 * After a refused merge: the bundle's own report when it does not verify (the merge says so in
 * one sentence only), so the person sees every failing file; null when it verifies.
 */
async function reportIfFailing(
  path: string,
  passphrase: string | undefined,
): Promise<BundleVerification | null> {
  const ended = await useBundleJobsStore.getState().verifyBundle(path, passphrase);
  return ended.kind === 'done' && !ended.value.ok ? ended.value : null;
}

/** Merge a colleague's bundle…: verified first, then added; the summary, or the report of why not. */
export function MergeBundleDialog({ path }: { path: string }) {
  const job = useRunningJob('bundles');
  const close = useBundleStore((store) => store.close);
  const switchTo = useBundleStore((store) => store.switchTo);
  const mergeBundle = useBundleJobsStore((store) => store.mergeBundle);
  const [state, setState] = useState<MergeState>({ kind: 'running' });
  const [passphrase, setPassphrase] = useState<string | undefined>(undefined);
  const started = useRef(false);

  const mergeWith = useCallback(
    (given: string | undefined) => {
      setState({ kind: 'running' });
      void mergeBundle(path, given).then(async (ended) => {
        if (ended.kind === 'done') {
          const { verification } = ended.value;
          return setState(
            verification.ok
              ? { kind: 'done', result: ended.value }
              : { kind: 'refused', report: verification },
          );
        }
        if (ended.kind === 'cancelled') return setState({ kind: 'cancelled' });
        if (ended.kind === 'failed' && ended.code === 'BUNDLE_PASSPHRASE_REQUIRED')
          return setState({ kind: 'needs-passphrase', wrong: false });
        if (ended.kind === 'failed' && ended.code === 'BUNDLE_PASSPHRASE_WRONG')
          return setState({ kind: 'needs-passphrase', wrong: true });
        const report = await reportIfFailing(path, given);
        setState(report === null ? { kind: 'failed', message: ended.message } : { kind: 'refused', report });
      });
    },
    [path, mergeBundle],
  );
  const merge = useCallback(() => mergeWith(passphrase), [mergeWith, passphrase]);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    merge();
  }, [merge]);

  const running = job !== null;
  return (
    <Modal
      title="Merge a colleague's bundle"
      wide
      onClose={close}
      description={<span className="mono path">{path}</span>}
      footer={
        running ? undefined : (
          <Button variant="primary" onClick={close}>
            Close
          </Button>
        )
      }
    >
      {running ? (
        <BundleJobPanel />
      ) : state.kind === 'done' ? (
        <StepFocus key="summary">
          <MergeSummary path={path} result={state.result} onResolve={() => switchTo({ kind: 'conflicts' })} />
        </StepFocus>
      ) : state.kind === 'refused' ? (
        <StepFocus key="report">
          <p className="bundle-note">Nothing was merged: the bundle must verify first.</p>
          <BundleReport report={state.report} onTrusted={merge} />
        </StepFocus>
      ) : state.kind === 'needs-passphrase' ? (
        <BundlePassphraseForm
          key="passphrase"
          wrong={state.wrong}
          onSubmit={(given) => {
            setPassphrase(given);
            mergeWith(given);
          }}
        />
      ) : state.kind === 'cancelled' ? (
        <StepFocus key="cancelled">
          <StatusBanner tone="info" label="Merge" title="Merge cancelled; nothing was added to the case." />
        </StepFocus>
      ) : state.kind === 'failed' ? (
        <StepFocus key="failed">
          <p className="inline-error bundle-error" role="alert">
            Merge failed: {state.message}
          </p>
        </StepFocus>
      ) : null}
    </Modal>
  );
}
