import { useEffect } from 'react';
import type { CONTENT_AREAS } from '../../../../shared/ipc/contract';
import { useContentChanged } from '../../lib/use-content-changed';
import { useOverviewStore } from '../../stores/overview-store';
import { CaseSummary } from './CaseSummary';
import { IncidentStrip } from './IncidentStrip';
import { PeopleChart } from './PeopleChart';
import { useObligationsStore } from '../../stores/obligations-store';
import { useNow } from '../obligations/format';
import { deadlineMarkers } from './strip-markers';
import { formatCount } from '../../../../shared/text/count';

const ALL_AREAS: readonly (typeof CONTENT_AREAS)[number][] = [
  'facts',
  'dataElements',
  'populations',
  'parties',
  'events',
  'tasks',
  'notes',
  'obligations',
  'letters',
];

/** The case summary and the two pictures: the incident strip and people affected by jurisdiction. */
export function OverviewPictures() {
  const overview = useOverviewStore((state) => state.overview);
  const error = useOverviewStore((state) => state.error);
  const load = useOverviewStore((state) => state.load);
  // The top bar's deadline chip keeps the obligations board loaded and current.
  const board = useObligationsStore((state) => state.board);
  const now = useNow(60_000);

  useEffect(() => {
    void load();
  }, [load]);
  useContentChanged(ALL_AREAS, load);

  if (overview === null) {
    return error === null ? null : (
      <p className="inline-error" role="alert">
        {error}
      </p>
    );
  }
  const { counts } = overview;
  return (
    <>
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <section className="panel" aria-labelledby="case-summary-heading">
        <h3 id="case-summary-heading" className="panel__title">
          Case summary
        </h3>
        <p className="panel__intro">
          Key dates in this computer&apos;s zone (with how they were entered, where that reads differently).
        </p>
        <CaseSummary overview={overview} />
      </section>
      <section className="panel" aria-labelledby="incident-strip-heading">
        <h3 id="incident-strip-heading" className="panel__title">
          Incident strip
        </h3>
        <p className="panel__intro">Times on the axis are in this computer&apos;s zone.</p>
        <IncidentStrip
          facts={overview.facts}
          eventTimes={overview.eventTimes}
          markers={deadlineMarkers(board, now)}
        />
      </section>
      <section className="panel" aria-labelledby="people-chart-heading">
        <h3 id="people-chart-heading" className="panel__title">
          People affected by jurisdiction
        </h3>
        <p className="panel__intro num">
          {formatCount(counts.peopleAffected)} in {formatCount(counts.jurisdictions)}{' '}
          {counts.jurisdictions === 1 ? 'jurisdiction' : 'jurisdictions'}
          {counts.peopleAffected > 0 && !counts.peopleAffectedExact ? ' (estimate)' : ''}, largest first.
        </p>
        <PeopleChart populations={overview.populations} />
      </section>
    </>
  );
}
