import type { PendingEvidence } from '../../../../shared/domain/pending-evidence';
import { Button } from '../../components/Button';
import { HashText } from '../../components/HashText';
import { useRunningJob } from '../../jobs/job-store';
import { useEventTitlesStore } from '../../stores/evidence/event-titles-store';
import { useEvidenceJobsStore } from '../../stores/evidence/jobs-store';
import { pendingMetadata } from '../../stores/evidence/pending-metadata';
import { openSearchResult } from '../search/open-result';
import { formatBytes } from '../../../../shared/text/bytes';
import { formatCount } from '../../../../shared/text/count';

/**
 * Files generated for the case by earlier builds, not yet in the locker, each with its size,
 * SHA-256 and the events it supports, and Attach to take it in with that description and those links.
 */
export function PendingFiles({ pending }: { pending: readonly PendingEvidence[] }) {
  const busy = useRunningJob('evidence') !== null;
  const intake = useEvidenceJobsStore((state) => state.intake);
  const titles = useEventTitlesStore((state) => state.eventTitles);
  const total = pending.reduce((sum, file) => sum + file.size, 0);

  return (
    <section className="panel ev-panel ev-pending" aria-labelledby="ev-pending-heading">
      <h3 id="ev-pending-heading" className="panel__title">
        Files waiting to be attached
      </h3>
      <p className="muted small num ev-panel__intro">
        {formatCount(pending.length)} {pending.length === 1 ? 'file was' : 'files were'} generated for this
        case ({formatBytes(total)}) and {pending.length === 1 ? 'is' : 'are'} not in the locker yet. Attach
        takes a file in with its description and linked events.
      </p>
      <div className="table-scroll">
        <table className="audit-table evidence-table">
          <caption className="offscreen">Files waiting for the evidence locker</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">SHA-256</th>
              <th scope="col">Linked events</th>
              <th scope="col">
                <span className="offscreen">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {pending.map((file) => (
              <tr key={file.id}>
                <th scope="row">
                  <div className="evidence-table__file">
                    <span className="mono evidence-table__name" title={file.path}>
                      {file.name}
                    </span>
                    {file.description !== '' && (
                      <span className="evidence-table__description">{file.description}</span>
                    )}
                  </div>
                </th>
                <td className="num nowrap">{formatBytes(file.size)}</td>
                <td className="nowrap">
                  <HashText value={file.sha256} label={`SHA-256 of ${file.name}`} />
                </td>
                <td>
                  {file.eventIds.length === 0 ? (
                    <span className="muted">None</span>
                  ) : (
                    <ul className="evidence-table__events">
                      {file.eventIds.map((id) => (
                        <li key={id}>
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => openSearchResult({ kind: 'event', id })}
                          >
                            {titles[id] ?? 'Open the event'}
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <Button
                    small
                    disabled={busy}
                    aria-label={`Attach ${file.name}`}
                    onClick={() => void intake([file.path], pendingMetadata(file))}
                  >
                    Attach
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
