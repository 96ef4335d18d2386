import { JobProgressPanel } from '../../jobs/JobProgressPanel';
import { useRunningJob } from '../../jobs/job-store';
import { useBundleJobsStore } from './bundle-jobs-store';
import { useAutoFocus } from './use-auto-focus';

/** The running bundle job (progress, bytes, rate, time left, current file) with Cancel focused. */
export function BundleJobPanel() {
  const job = useRunningJob('bundles');
  const cancelJob = useBundleJobsStore((state) => state.cancelJob);
  const cancelError = useBundleJobsStore((state) => state.cancelError);
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
