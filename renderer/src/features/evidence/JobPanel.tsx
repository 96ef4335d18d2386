import { JobProgressPanel } from '../../jobs/JobProgressPanel';
import { useRunningJob } from '../../jobs/job-store';
import { useEvidenceJobsStore } from '../../stores/evidence/jobs-store';

/** The running evidence job, with Cancel. */
export function JobPanel() {
  const job = useRunningJob('evidence');
  const cancelJob = useEvidenceJobsStore((state) => state.cancelJob);
  if (job === null) return null;
  return <JobProgressPanel job={job} onCancel={() => void cancelJob()} />;
}
