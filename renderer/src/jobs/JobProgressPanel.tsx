import { useId, type Ref } from 'react';
import { formatBytes } from '../../../shared/text/bytes';
import { formatCount } from '../../../shared/text/count';
import { Button } from '../components/Button';
import type { RunningJob } from './job-types';
import { formatRate, formatTimeLeft } from './progress-format';

/**
 * A long job: a progress bar (bytes), bytes done of the total, rate, time left, the file being
 * read, items done, and Cancel.
 */
export function JobProgressPanel({
  job,
  onCancel,
  cancelRef,
}: {
  job: RunningJob;
  onCancel: () => void;
  cancelRef?: Ref<HTMLButtonElement>;
}) {
  const titleId = useId();
  const progress = job.progress;
  const total = progress?.totalBytes ?? 0;
  const done = progress?.doneBytes ?? 0;
  const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
  const timeLeft = formatTimeLeft(progress?.secondsLeft ?? null);
  const rate = formatRate(progress?.bytesPerSecond ?? 0);
  const valueText =
    progress === null
      ? 'Starting'
      : `${percent} percent, ${formatBytes(done)} of ${formatBytes(total)}${timeLeft === null ? '' : `, ${timeLeft}`}`;

  return (
    <section className="ev-job" aria-labelledby={titleId} aria-busy="true">
      <div className="ev-job__head">
        <h3 id={titleId} className="ev-job__title">
          {job.label}
          {progress !== null && progress.phase !== '' && (
            <span className="ev-job__phase"> · {progress.phase}</span>
          )}
        </h3>
        <Button small onClick={onCancel} disabled={job.cancelling} ref={cancelRef}>
          {job.cancelling ? 'Cancelling…' : 'Cancel'}
        </Button>
      </div>
      {progress === null ? (
        <progress className="ev-job__bar" aria-label={job.label} aria-valuetext={valueText} />
      ) : (
        <progress
          className="ev-job__bar"
          aria-label={job.label}
          max={100}
          value={percent}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={valueText}
        />
      )}
      <dl className="ev-job__facts num">
        <div>
          <dt>Read</dt>
          <dd>
            {progress === null ? '—' : `${formatBytes(done)} of ${formatBytes(total)}`}
            {progress !== null && <span className="muted"> ({percent} %)</span>}
          </dd>
        </div>
        <div>
          <dt>Rate</dt>
          <dd>{rate === '' ? '—' : rate}</dd>
        </div>
        <div>
          <dt>Time left</dt>
          <dd>{timeLeft ?? 'Estimating…'}</dd>
        </div>
        <div>
          <dt>Items</dt>
          <dd>
            {progress === null
              ? '—'
              : `${formatCount(progress.doneItems)} of ${formatCount(progress.totalItems)}`}
          </dd>
        </div>
      </dl>
      <p className="ev-job__current mono" title={progress?.current}>
        {progress === null || progress.current === '' ? 'Preparing…' : progress.current}
      </p>
    </section>
  );
}
