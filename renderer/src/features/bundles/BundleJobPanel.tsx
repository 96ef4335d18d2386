import { JobProgressPanel } from '../evidence/JobPanel';
import { useBundleStore } from './bundle-store';
import { useAutoFocus } from './use-auto-focus';

/** The running bundle job (progress, bytes, rate, time left, current file) with Cancel focused. */
export function BundleJobPanel() {
  const job = useBundleStore((state) => state.job);
  const cancelJob = useBundleStore((state) => state.cancelJob);
  const cancelError = useBundleStore((state) => state.cancelError);
  const cancelRef = useAutoFocus<HTMLButtonElement>();
  if (job === null) return null;
  return (
    <>
      <JobProgressPanel job={job} onCancel={() => void cancelJob()} cancelRef={cancelRef} />
      {cancelError !== null && (
        <p className="inline-error" role="alert">
          {cancelError}
        </p>
      )}
    </>
  );
}
