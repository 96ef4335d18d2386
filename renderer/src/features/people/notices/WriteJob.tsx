import { useEffect, useRef, useState } from 'react';
import { formatCount } from '../../../../../shared/text/count';
import { plural } from '../../../../../shared/text/plural';
import { Button } from '../../../components/Button';
import { HashText } from '../../../components/HashText';
import { useJobStore, useRunningJob } from '../../../jobs/job-store';
import { formatTimeLeft } from '../../../jobs/progress-format';
import { FORMAT_LABELS } from './format';
import { useNoticesStore } from './notices-store';

/** The run being written (phase, notices done of all, rate, time left, Cancel), or how the last one ended. */
export function WriteJob() {
  const job = useRunningJob('notices');
  const end = useNoticesStore((state) => state.writeEnd);
  if (job !== null) return <WriteProgress />;
  if (end === null) return null;
  if (end.kind === 'cancelled')
    return (
      <p className="notice" role="status">
        Writing cancelled; nothing was written and no notice was recorded.
      </p>
    );
  if (end.kind === 'failed')
    return (
      <p className="notice notice--fail" role="alert">
        {end.message}
      </p>
    );
  const { run } = end;
  return (
    <section className="notices-result" aria-label="Run written">
      <p className="notice" role="status">
        {end.again
          ? `Run ${run.seq} written again into ${run.out}.`
          : `Run ${run.seq}: ${plural(run.notices, 'notice')} written into ${run.out}.`}
      </p>
      <dl className="roster-counts num">
        <div>
          <dt>Notices written</dt>
          <dd>{formatCount(run.notices)}</dd>
        </div>
        <div>
          <dt>Files</dt>
          <dd>{formatCount(run.fileCount)}</dd>
        </div>
        <div>
          <dt>Format</dt>
          <dd>{FORMAT_LABELS[run.format]}</dd>
        </div>
        <div>
          <dt>Manifest SHA-256</dt>
          <dd>
            <HashText value={run.manifestSha256} label={`SHA-256 of the manifest of run ${run.seq}`} />
          </dd>
        </div>
      </dl>
      <p className="notices-folder">
        Folder: <span className="mono">{run.out}</span>
      </p>
    </section>
  );
}

function WriteProgress() {
  const job = useRunningJob('notices');
  const cancel = useJobStore((state) => state.cancel);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => cancelRef.current?.focus(), []);

  const progress = job?.progress ?? null;
  const total = progress?.totalItems ?? 0;
  const done = progress?.doneItems ?? 0;
  const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
  // Main counts notices where other jobs count bytes: its rate is notices per second.
  const rate = progress === null || progress.bytesPerSecond <= 0 ? null : Math.round(progress.bytesPerSecond);
  const timeLeft = formatTimeLeft(progress?.secondsLeft ?? null);
  const label = job?.label ?? 'Writing the notices';
  const valueText =
    progress === null
      ? 'Starting'
      : `${percent} percent, ${formatCount(done)} of ${formatCount(total)} notices${timeLeft === null ? '' : `, ${timeLeft}`}`;

  return (
    <section className="ev-job" aria-label="Writing progress" aria-busy="true">
      <div className="ev-job__head">
        <h4 className="ev-job__title">
          {label}
          {progress !== null && progress.phase !== '' && (
            <span className="ev-job__phase"> · {progress.phase}</span>
          )}
        </h4>
        <Button
          small
          ref={cancelRef}
          onClick={() => void cancel('notices').then(setError)}
          disabled={job?.cancelling === true}
        >
          {job?.cancelling === true ? 'Cancelling…' : 'Cancel writing'}
        </Button>
      </div>
      {progress === null ? (
        <progress className="ev-job__bar" aria-label={label} aria-valuetext={valueText} />
      ) : (
        <progress
          className="ev-job__bar"
          aria-label={label}
          max={100}
          value={percent}
          aria-valuetext={valueText}
        />
      )}
      <dl className="ev-job__facts num">
        <div>
          <dt>Notices</dt>
          <dd>{progress === null ? '—' : `${formatCount(done)} of ${formatCount(total)}`}</dd>
        </div>
        <div>
          <dt>Rate</dt>
          <dd>{rate === null ? '—' : `${formatCount(rate)} notices/s`}</dd>
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
