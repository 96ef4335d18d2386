import { useId } from 'react';
import type { RecentCase } from '../../../../shared/domain/recent';
import { openCaseAt } from '../../app/case-actions';
import { Button } from '../../components/Button';
import { formatInstant, formatRelative } from '../../lib/time';
import { useRecentStore } from '../../stores/recent-store';
import { useUiStore } from '../../stores/ui-store';

const STATE_LABELS: Record<Exclude<RecentCase['state'], 'available'>, { mark: string; explain: string }> = {
  missing: { mark: 'Missing', explain: 'The file is no longer at this path (moved, renamed or deleted).' },
  locked: {
    mark: 'Open elsewhere',
    explain: 'Another Breachdesk window or process has this file open; close it there first.',
  },
  unreadable: { mark: 'Cannot be opened', explain: 'This file cannot be read as a Breachdesk case file.' },
};

/** The recent case files, newest first, each with its path, when it was last opened, and whether it can be opened. */
export function RecentList() {
  const items = useRecentStore((state) => state.items);
  const loaded = useRecentStore((state) => state.loaded);
  const error = useRecentStore((state) => state.error);
  const load = useRecentStore((state) => state.load);

  return (
    <section className="recent" aria-labelledby="recent-heading">
      <div className="recent__header">
        <h2 id="recent-heading">Recent case files</h2>
        {items.length > 0 && (
          <Button variant="quiet" small onClick={() => void load()}>
            Check again
          </Button>
        )}
      </div>
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {loaded && items.length === 0 && error === null && (
        <p className="empty">
          Case files you create or open appear here, so you can come back to them in one click.
        </p>
      )}
      {items.length > 0 && (
        <ul className="recent__list" aria-label="Recent case files">
          {items.map((item) => (
            <RecentRow key={item.path} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RecentRow({ item }: { item: RecentCase }) {
  const forget = useRecentStore((state) => state.forget);
  const busy = useUiStore((state) => state.busy);
  const problem = item.state === 'available' ? null : STATE_LABELS[item.state];
  const detailsId = useId();
  const title = item.title.trim() === '' ? 'Untitled case' : item.title;

  return (
    <li className={problem === null ? 'recent__item' : 'recent__item recent__item--unavailable'}>
      <div className="recent__main">
        {problem === null ? (
          <button
            type="button"
            className="recent__open"
            onClick={() => void openCaseAt(item.path)}
            disabled={busy}
            aria-describedby={detailsId}
          >
            {title}
          </button>
        ) : (
          <span className="recent__title">{title}</span>
        )}
        {problem !== null && (
          <span className={`badge badge--${item.state}`} title={problem.explain}>
            {problem.mark}
          </span>
        )}
      </div>
      <div className="recent__details" id={detailsId}>
        <span className="recent__path" title={item.path}>
          {item.path}
        </span>
        <span className="recent__time">
          Last opened <time dateTime={item.lastOpenedAt}>{formatInstant(item.lastOpenedAt)}</time>
          <span className="muted"> · {formatRelative(item.lastOpenedAt)}</span>
        </span>
        {problem !== null && <span className="recent__explain">{problem.explain}</span>}
      </div>
      <div className="recent__actions">
        <Button
          variant="quiet"
          small
          onClick={() => void forget(item.path)}
          aria-label={`Forget ${title}`}
          title="Remove from this list; the file itself is not touched"
        >
          Forget
        </Button>
      </div>
    </li>
  );
}
