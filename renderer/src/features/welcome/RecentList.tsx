import { useId } from 'react';
import type { RecentCase } from '../../../../shared/domain/recent';
import { openCaseAt } from '../../app/case-actions';
import { Button } from '../../components/Button';
import { formatInstant, formatRelative } from '../../lib/time';
import { useRecentStore } from '../../stores/recent-store';
import { useUiStore } from '../../stores/ui-store';
import { countdown, useNow } from '../obligations/format';

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
        {problem === null && item.glance !== null && <RecentGlance glance={item.glance} />}
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

type Glance = NonNullable<RecentCase['glance']>;

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/**
 * The case's notices in one line, read from the file without opening it: "Art. 33 due in 41 h ·
 * 2 overdue · 1 of 10 sent"; "Locked" for an encrypted case this computer has no passphrase for.
 */
function RecentGlance({ glance }: { glance: Glance }) {
  const live = useNow();
  // The demo counts down from its own day 2, as it does once opened.
  const now = glance.kind === 'figures' && glance.viewAsOf !== null ? Date.parse(glance.viewAsOf) : live;
  if (glance.kind === 'locked') {
    return (
      <span className="recent__glance">
        <span className="badge badge--locked">Locked</span>{' '}
        <span className="muted">Encrypted: its deadlines show once you open it with its passphrase.</span>
      </span>
    );
  }
  if (glance.kind === 'unavailable') {
    return (
      <span className="recent__glance muted" title={glance.reason}>
        Deadlines show once the case is opened.
      </span>
    );
  }
  const parts: { text: string; tone: 'overdue' | 'soon' | 'plain' }[] = [];
  // Counted on this screen's clock, so the countdown and the overdue count agree as time passes.
  const nearest = glance.open[0];
  if (nearest !== undefined) {
    const left = countdown(nearest.due, now);
    parts.push({
      text: `${nearest.name} ${left.text}`,
      tone: left.urgency === 'later' ? 'plain' : left.urgency,
    });
  }
  const overdue = glance.open.filter((notice) => Date.parse(notice.due) <= now).length;
  if (overdue > 0) parts.push({ text: `${overdue.toLocaleString('en-GB')} overdue`, tone: 'overdue' });
  if (glance.owed > 0) parts.push({ text: `${glance.sent} of ${glance.owed} sent`, tone: 'plain' });
  if (glance.decisionsNeeded > 0) {
    parts.push({ text: plural(glance.decisionsNeeded, 'decision needed', 'decisions needed'), tone: 'soon' });
  }
  if (parts.length === 0) parts.push({ text: 'No notice owed on the facts so far', tone: 'plain' });
  if (glance.viewAsOf !== null)
    parts.push({ text: `demo, as of ${glance.viewAsOf.slice(0, 10)}`, tone: 'plain' });
  return (
    <span className="recent__glance">
      {parts.map((part, index) => (
        <span key={part.text} className={`recent__figure recent__figure--${part.tone}`}>
          {index > 0 && <span aria-hidden="true"> · </span>}
          {part.text}
        </span>
      ))}
    </span>
  );
}
