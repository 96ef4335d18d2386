import { useEffect, useRef, useState } from 'react';
import { formatCount } from '../../../../../shared/text/count';
import { Button } from '../../../components/Button';
import { formatTimeLeft } from '../../../jobs/progress-format';
import { useJobStore, useRunningJob } from '../../../jobs/job-store';

/** The running import: a bar (share of the file's bytes read), rows read, rows per second, time left, Cancel. */
export function ImportProgress() {
  const job = useRunningJob('roster');
  const cancel = useJobStore((state) => state.cancel);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => cancelRef.current?.focus(), []);

  const progress = job?.progress ?? null;
  const total = progress?.totalBytes ?? 0;
  const percent = total > 0 ? Math.min(100, Math.floor(((progress?.doneBytes ?? 0) / total) * 100)) : 0;
  const rows = progress?.doneItems ?? 0;
  // Main reports bytes per second; at the average size of the rows read so far, that many rows.
  const rate =
    progress === null || progress.doneBytes <= 0 || progress.bytesPerSecond <= 0
      ? null
      : Math.round((progress.bytesPerSecond * rows) / progress.doneBytes);
  const timeLeft = formatTimeLeft(progress?.secondsLeft ?? null);
  const valueText =
    progress === null
      ? 'Starting'
      : `${percent} percent, ${formatCount(rows)} rows read${timeLeft === null ? '' : `, ${timeLeft}`}`;

  async function stop(): Promise<void> {
    setError(await cancel('roster'));
  }

  return (
    <section className="ev-job roster-progress" aria-label="Import progress" aria-busy="true">
      <div className="ev-job__head">
        <h3 className="ev-job__title">
          Importing the dataset
          {progress !== null && progress.phase !== '' && (
            <span className="ev-job__phase"> · {progress.phase}</span>
          )}
        </h3>
        <Button small ref={cancelRef} onClick={() => void stop()} disabled={job?.cancelling === true}>
          {job?.cancelling === true ? 'Cancelling…' : 'Cancel import'}
        </Button>
      </div>
      {progress === null ? (
        <progress className="ev-job__bar" aria-label="Import progress" aria-valuetext={valueText} />
      ) : (
        <progress
          className="ev-job__bar"
          aria-label="Import progress"
          max={100}
          value={percent}
          aria-valuetext={valueText}
        />
      )}
      <dl className="ev-job__facts num">
        <div>
          <dt>Rows read</dt>
          <dd>{progress === null ? '—' : formatCount(rows)}</dd>
        </div>
        <div>
          <dt>Rate</dt>
          <dd>{rate === null ? '—' : `${formatCount(rate)} rows/s`}</dd>
        </div>
        <div>
          <dt>Of the file</dt>
          <dd>{progress === null ? '—' : `${percent} %`}</dd>
        </div>
        <div>
          <dt>Time left</dt>
          <dd>{timeLeft ?? 'Estimating…'}</dd>
        </div>
      </dl>
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
