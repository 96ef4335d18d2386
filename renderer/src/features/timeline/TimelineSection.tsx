import { useEffect, useState } from 'react';
import { Button } from '../../components/Button';
import { useContentChanged } from '../../lib/use-content-changed';
import { isFiltered, NO_FILTER } from '../../stores/timeline-paging';
import { useTimelineStore } from '../../stores/timeline-store';
import { EventEditor } from './EventEditor';
import { ImportCsvDialog } from './ImportCsvDialog';
import { NewEventForm } from './NewEventForm';
import { TimelineFilters } from './TimelineFilters';
import { TimelineList } from './TimelineList';
import { formatCount } from '../../../../shared/text/count';

/** The incident's events in time order (left) and the selected one, editable (right). */
export function TimelineSection() {
  const total = useTimelineStore((state) => state.total);
  const version = useTimelineStore((state) => state.version);
  const filter = useTimelineStore((state) => state.filter);
  const listError = useTimelineStore((state) => state.listError);
  const composing = useTimelineStore((state) => state.composing);
  const refresh = useTimelineStore((state) => state.refresh);
  const ensureRange = useTimelineStore((state) => state.ensureRange);
  const setComposing = useTimelineStore((state) => state.setComposing);
  const setFilter = useTimelineStore((state) => state.setFilter);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState('');
  const filtered = isFiltered(filter);

  useEffect(() => refresh(), [refresh]);
  useContentChanged(['events', 'parties'], refresh);
  // With no rows there is no list asking for pages; the count must still follow changes.
  useEffect(() => {
    if (total === 0) ensureRange(0, 0);
  }, [total, version, ensureRange]);

  const count =
    total === null
      ? 'Loading events…'
      : `${formatCount(total)} ${total === 1 ? 'event' : 'events'}${filtered ? ' match the filter' : ''}`;

  return (
    <div className="timeline">
      <div className="tl-toolbar">
        <TimelineFilters />
        <div className="tl-toolbar__actions">
          <Button variant="primary" onClick={() => setComposing(true)} disabled={composing}>
            New event
          </Button>
          <Button onClick={() => setImporting(true)}>Import CSV…</Button>
        </div>
      </div>
      <p className="tl-status num" role="status">
        {count}
        {notice !== '' && <span className="tl-status__notice"> · {notice}</span>}
      </p>
      {listError !== null && (
        <p className="inline-error" role="alert">
          {listError}
        </p>
      )}
      <div className="tl-body">
        <div className="tl-master">
          {total === 0 ? (
            <div className="empty">
              {filtered ? (
                <>
                  <p>No events match this filter.</p>
                  <Button small onClick={() => setFilter(NO_FILTER)}>
                    Clear the filter
                  </Button>
                </>
              ) : (
                <p>
                  No events yet. Each event records when something happened, how precisely that is known, and
                  where it is known from. Add one with New event, or import many from a CSV file.
                </p>
              )}
            </div>
          ) : (
            <TimelineList />
          )}
        </div>
        <div className="tl-pane">{composing ? <NewEventForm /> : <SelectedEvent />}</div>
      </div>
      {importing && (
        <ImportCsvDialog
          onClose={() => setImporting(false)}
          onImported={(imported) =>
            setNotice(`Imported ${formatCount(imported)} ${imported === 1 ? 'event' : 'events'}.`)
          }
        />
      )}
    </div>
  );
}

function SelectedEvent() {
  const selected = useTimelineStore((state) => state.selected);
  const selectedId = useTimelineStore((state) => state.selectedId);
  const selectError = useTimelineStore((state) => state.selectError);
  if (selectError !== null)
    return (
      <p className="inline-error" role="alert">
        {selectError}
      </p>
    );
  if (selected !== null && selected.id === selectedId)
    return <EventEditor key={selected.id} event={selected} />;
  if (selectedId !== null) return <p className="muted">Loading the event…</p>;
  return (
    <div className="empty">
      <p>Select an event to read and edit it here. Use the arrow keys in the list to move between events.</p>
    </div>
  );
}
