import { useId } from 'react';
import { RESIDENCY_SOURCES, UNKNOWN_RESIDENCY, type RosterStats } from '../../../../../shared/domain/roster';
import { formatCount } from '../../../../../shared/text/count';
import { rosterRowId } from '../../../../../shared/roster/roster-row-id';
import { RESIDENCY_SOURCE_LABELS, residencyLabel } from './format';

/**
 * People by jurisdiction as horizontal bars, largest first. People whose residency is unknown
 * keep their own bar, last, however many they are: dropping them would understate who is owed.
 */
export function ResidencyChart({ stats }: { stats: RosterStats }) {
  const id = useId();
  const rows = Object.entries(stats.byJurisdiction).sort(([codeA, a], [codeB, b]) => {
    if (codeA === UNKNOWN_RESIDENCY) return 1;
    if (codeB === UNKNOWN_RESIDENCY) return -1;
    return b - a || codeA.localeCompare(codeB, 'en');
  });
  const max = Math.max(1, ...rows.map(([, count]) => count));

  return (
    <section className="roster-block" aria-labelledby={`${id}-residency`}>
      <h4 id={`${id}-residency`} className="panel__subtitle">
        People by residency
      </h4>
      {rows.length === 0 ? (
        <p className="muted">No one is counted yet.</p>
      ) : (
        <ul className="roster-bars" aria-label="People by residency">
          {rows.map(([code, count]) => (
            <li
              key={code}
              className={code === UNKNOWN_RESIDENCY ? 'roster-bar roster-bar--unknown' : 'roster-bar'}
              // A search result for these people lands here (unknown residency is counted as ZZ).
              data-search-target={`people:${rosterRowId(code === UNKNOWN_RESIDENCY ? 'ZZ' : code)}`}
              tabIndex={-1}
            >
              <span className="roster-bar__label">{residencyLabel(code)}</span>
              <span className="roster-bar__track" aria-hidden="true">
                <span className="roster-bar__fill" style={{ width: `${(count / max) * 100}%` }} />
              </span>
              <span className="roster-bar__value num">{formatCount(count)}</span>
            </li>
          ))}
        </ul>
      )}
      <h4 id={`${id}-sources`} className="panel__subtitle">
        Where residency was found
      </h4>
      <dl className="roster-counts num" aria-labelledby={`${id}-sources`}>
        {RESIDENCY_SOURCES.map((source) => (
          <div key={source}>
            <dt>{RESIDENCY_SOURCE_LABELS[source]}</dt>
            <dd>{formatCount(stats.residencySource[source] ?? 0)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
