import { call, messageOf } from '../api/client';

interface CancellableJob {
  id: string;
  cancelling: boolean;
}

/**
 * Asks main to stop a running job, once: the job shows as cancelling until it ends. If the request
 * itself fails, the job shows as running again and the reason is reported.
 */
export async function requestCancel<J extends CancellableJob>(
  current: () => J | null,
  update: (job: J) => void,
  failed: (message: string) => void,
): Promise<void> {
  const job = current();
  if (job === null || job.cancelling) return;
  update({ ...job, cancelling: true });
  try {
    await call('jobs.cancel', { jobId: job.id });
  } catch (error) {
    const now = current();
    if (now?.id !== job.id) return;
    update({ ...now, cancelling: false });
    failed(messageOf(error));
  }
}
