import { useEffect } from 'react';
import type { PendingEvidence } from '../../../../shared/domain/pending-evidence';
import { HashText } from '../../components/HashText';
import { useContentChanged } from '../../lib/use-content-changed';
import { formatBytes, formatCount } from '../../lib/zoned';
import { useEvidenceStore } from '../../stores/evidence-store';
import { openSearchResult } from '../search/open-result';

/**
 * Until the evidence locker exists: the files generated or gathered for this case that wait to be
 * taken into it, each with its size, SHA-256 and the timeline events it supports.
 */
export function EvidenceSection() {
  const pending = useEvidenceStore((state) => state.pending);
  const loaded = useEvidenceStore((state) => state.loaded);
  const error = useEvidenceStore((state) => state.error);
  const load = useEvidenceStore((state) => state.load);

  useEffect(() => {
    void load();
  }, [load]);
  useContentChanged(['events'], load);

  const total = pending.reduce((sum, item) => sum + item.size, 0);
  return (
    <div className="evidence">
      <p className="section-intro">
        The evidence locker, where files are taken into the case with their hashes and chain of custody, is
        not built yet. The files below were generated for this case; they will be attached when the evidence
        locker arrives, and their SHA-256 hashes are recorded now so the attached files can be checked against
        them.
      </p>
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {loaded && error === null && pending.length === 0 && (
        <p className="empty">
          No files are waiting to be attached. Files generated for a case (the demo case has several) are
          listed here until the evidence locker takes them in.
        </p>
      )}
      {pending.length > 0 && (
        <>
          <p className="muted num">
            {formatCount(pending.length)} {pending.length === 1 ? 'file' : 'files'} waiting to be attached,{' '}
            {formatBytes(total)} in all.
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
                </tr>
              </thead>
              <tbody>
                {pending.map((item) => (
                  <EvidenceRow key={item.id} item={item} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

function EvidenceRow({ item }: { item: PendingEvidence }) {
  const titles = useEvidenceStore((state) => state.eventTitles);
  return (
    <tr>
      <th scope="row">
        <div className="evidence-table__file">
          <span className="mono evidence-table__name" title={item.path}>
            {item.name}
          </span>
          {item.description !== '' && <span className="evidence-table__description">{item.description}</span>}
        </div>
      </th>
      <td className="num nowrap">{formatBytes(item.size)}</td>
      <td className="nowrap">
        <HashText value={item.sha256} label={`SHA-256 of ${item.name}`} />
      </td>
      <td>
        {item.eventIds.length === 0 ? (
          <span className="muted">None</span>
        ) : (
          <ul className="evidence-table__events">
            {item.eventIds.map((id) => (
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
    </tr>
  );
}
