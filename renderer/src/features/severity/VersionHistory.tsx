import type { Assessment } from '../../../../shared/domain/assessment';
import { BAND_LABELS } from '../../../../shared/severity/enisa';
import { Button } from '../../components/Button';
import { formatInstant } from '../../lib/time';
import { RISK_SHORT } from './wording';

interface VersionHistoryProps {
  versions: Assessment[];
  viewingId: string | null;
  onView: (id: string | null) => void;
}

/** Every saved version, newest first; each can be opened read-only, none can be deleted. */
export function VersionHistory({ versions, viewingId, onView }: VersionHistoryProps) {
  return (
    <section className="sev-history" aria-labelledby="sev-history-heading">
      <h4 id="sev-history-heading" className="panel__subtitle">
        Versions
      </h4>
      {versions.length === 0 ? (
        <p className="empty">
          No assessment saved yet. Fill in the calculator above, then confirm a decision or save a draft: each
          save adds a version here.
        </p>
      ) : (
        <>
          <p className="sev-help">
            Each save adds a version; versions are kept as saved and cannot be changed or deleted (the audit
            log records each one).
          </p>
          <div className="table-scroll">
            <table className="data-table sev-history__table">
              <caption className="offscreen">Assessment versions</caption>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Saved</th>
                  <th scope="col" className="num">
                    Score
                  </th>
                  <th scope="col">Band</th>
                  <th scope="col">Decision</th>
                  <th scope="col">
                    <span className="offscreen">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {versions.map((version) => (
                  <tr
                    key={version.id}
                    className={version.id === viewingId ? 'sev-history__row--open' : undefined}
                  >
                    <th scope="row" className="nowrap">
                      Version {version.version}
                    </th>
                    <td>
                      <time className="num" dateTime={version.savedAt}>
                        {formatInstant(version.savedAt)}
                      </time>{' '}
                      <span className="muted">by {version.savedBy}</span>
                    </td>
                    <td className="num">{version.score}</td>
                    <td>
                      <span className={`sev-band sev-band--${version.band}`}>
                        {BAND_LABELS[version.band]}
                      </span>
                    </td>
                    <td>
                      {version.decision === null ? (
                        <span className="muted">Draft, no decision</span>
                      ) : (
                        <>
                          <strong>{RISK_SHORT[version.decision.risk]}</strong>{' '}
                          <span className="muted">confirmed by {version.decision.confirmedBy}</span>
                        </>
                      )}
                    </td>
                    <td className="data-table__actions">
                      <Button
                        small
                        variant="quiet"
                        aria-expanded={version.id === viewingId}
                        onClick={() => onView(version.id === viewingId ? null : version.id)}
                      >
                        {version.id === viewingId ? 'Hide' : 'View'}
                        <span className="offscreen"> version {version.version}</span>
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
