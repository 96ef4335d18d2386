import { useEffect, useId } from 'react';
import { formatCount } from '../../../../../shared/text/count';
import { useContentChanged } from '../../../lib/use-content-changed';
import { formatInstant } from '../../../lib/time';
import { DatasetsTable } from './DatasetsTable';
import { ElementCombinations } from './ElementCombinations';
import { ImportDataset } from './ImportDataset';
import { PersonLookup } from './PersonLookup';
import { PurgeRecords } from './PurgeRecords';
import { ResidencyChart } from './ResidencyChart';
import { ReviewQueue } from './ReviewQueue';
import { useRosterStore } from './roster-store';

/** The roster: datasets of exposed people, who they are counted as, and the decisions on them. */
export function RosterPanel() {
  const stats = useRosterStore((state) => state.stats);
  const pairs = useRosterStore((state) => state.pairs);
  const error = useRosterStore((state) => state.error);
  const load = useRosterStore((state) => state.load);
  const id = useId();
  useEffect(() => void load(), [load]);
  useContentChanged(['roster'], load);

  const empty = stats !== null && stats.datasets.length === 0 && stats.people === 0;
  const purged = stats !== null && (stats.purgedAt !== null || (stats.records === 0 && stats.people > 0));

  return (
    <section className="panel roster" aria-labelledby={id}>
      <div className="roster__head">
        <h3 id={id} className="panel__title">
          Roster of exposed people
        </h3>
        {/* Always at this place in the tree: the import dialog it owns survives the first import. */}
        <div className="roster__actions">
          <ImportDataset primary={empty} />
          {stats !== null && !empty && <PurgeRecords records={stats.records} />}
        </div>
      </div>
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {stats === null && error === null && <p className="muted">Loading the roster…</p>}
      {empty && (
        <p className="empty">
          The roster holds the people whose data was exposed, read from the files the breach involved (a CSV,
          JSON Lines or SQLite export). Breachdesk merges duplicates, works out where each person lives and
          what was exposed about them, and counts them for every notification rule. Use Import dataset… to
          read the first file.
        </p>
      )}
      {stats !== null && !empty && (
        <>
          {purged && (
            <p className="notice roster__purged" role="note">
              {stats.purgedAt === null
                ? 'Records purged; counts kept.'
                : `Records purged on ${formatInstant(stats.purgedAt)}; counts kept.`}
            </p>
          )}
          <dl className="roster-counts roster-counts--large num" aria-label="Roster counts">
            <div>
              <dt>People</dt>
              <dd>{formatCount(stats.people)}</dd>
            </div>
            <div>
              <dt>Records</dt>
              <dd>{formatCount(stats.records)}</dd>
            </div>
            <div>
              <dt>Waiting for review</dt>
              <dd>{formatCount(stats.reviewQueue)}</dd>
            </div>
          </dl>
          <DatasetsTable datasets={stats.datasets} />
          <div className="roster__grid">
            <ResidencyChart stats={stats} />
            <ElementCombinations byElements={stats.byElements} />
          </div>
          {!purged && <ReviewQueue pairs={pairs ?? []} />}
          {!purged && <PersonLookup />}
        </>
      )}
    </section>
  );
}
