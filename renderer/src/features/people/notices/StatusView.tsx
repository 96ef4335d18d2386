import { useId, useState } from 'react';
import type { NoticeStatusView } from '../../../../../shared/domain/notices';
import { formatCount } from '../../../../../shared/text/count';
import { Button } from '../../../components/Button';
import { HashText } from '../../../components/HashText';
import { useRunningJob } from '../../../jobs/job-store';
import { formatInstant } from '../../../lib/time';
import { FORMAT_LABELS, STATUS_KEYS, STATUS_LABELS, byJurisdictionName, jurisdictionLabel } from './format';
import { useNoticesStore } from './notices-store';
import { TableScroll } from './TableScroll';
import { SubstituteNotices } from './SubstituteNotices';

/** Where every affected person stands by their latest notice, the runs written, and substitute notice. */
export function StatusView({ status }: { status: NoticeStatusView }) {
  const id = useId();
  const jurisdictions = byJurisdictionName(status.byJurisdiction);
  return (
    <section className="panel notices-block" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="panel__subtitle">
        Where everyone stands
      </h4>
      <dl className="roster-counts roster-counts--large num" aria-label="Status counts">
        {STATUS_KEYS.map((key) => (
          <div key={key}>
            <dt>{STATUS_LABELS[key]}</dt>
            <dd>{formatCount(status.byStatus[key])}</dd>
          </div>
        ))}
      </dl>
      {jurisdictions.length > 0 && (
        <TableScroll label="Status by jurisdiction">
          <table className="data-table">
            <caption className="notices-caption">Status by jurisdiction</caption>
            <thead>
              <tr>
                <th scope="col">Jurisdiction</th>
                {STATUS_KEYS.map((key) => (
                  <th key={key} scope="col" className="num">
                    {key === 'substitute' ? 'Substitute' : STATUS_LABELS[key]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {jurisdictions.map(([code, counts]) => (
                <tr key={code}>
                  <th scope="row">{jurisdictionLabel(code)}</th>
                  {STATUS_KEYS.map((key) => (
                    <td key={key} className="num">
                      {formatCount(counts[key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Runs runs={status.runs} />
      <SubstituteNotices rows={status.substitute} />
    </section>
  );
}

function Runs({ runs }: { runs: NoticeStatusView['runs'] }) {
  const write = useNoticesStore((state) => state.write);
  const job = useRunningJob('notices');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  if (runs.length === 0)
    return (
      <p className="muted">
        No run has been written yet: check the plan above, then use Write notices… to write the first one.
      </p>
    );
  return (
    <>
      <TableScroll label="Runs">
        <table className="data-table">
          <caption className="notices-caption">Runs</caption>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Written</th>
              <th scope="col">Format</th>
              <th scope="col" className="num">
                Notices
              </th>
              <th scope="col">Manifest SHA-256</th>
              <th scope="col">Folder</th>
              <th scope="col">
                <span className="offscreen">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...runs].reverse().map((run) => (
              <tr key={run.id}>
                <th scope="row" id={`${id}-${run.seq}`}>
                  Run {run.seq}
                </th>
                <td>
                  <time dateTime={run.createdAt}>{formatInstant(run.createdAt)}</time>
                  <span className="muted"> by {run.createdBy}</span>
                </td>
                <td>{FORMAT_LABELS[run.format]}</td>
                <td className="num">{formatCount(run.notices)}</td>
                <td>
                  <HashText value={run.manifestSha256} label={`SHA-256 of the manifest of run ${run.seq}`} />
                </td>
                <td className="mono notices-path">{run.out}</td>
                <td>
                  <Button
                    small
                    id={`${id}-${run.seq}-again`}
                    aria-labelledby={`${id}-${run.seq}-again ${id}-${run.seq}`}
                    disabled={job !== null}
                    onClick={() => {
                      setError(null);
                      void write(run.id).then(setError);
                    }}
                  >
                    Write again…
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
