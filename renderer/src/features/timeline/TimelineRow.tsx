import type { Ref } from 'react';
import type { TimelineEvent } from '../../../../shared/domain/events';
import { enteredAs, formatZoned } from '../../lib/zoned';

interface RowProps {
  index: number;
  total: number;
  event: TimelineEvent | undefined;
  selected: boolean;
  partyNames: ReadonlyMap<string, string>;
  rowRef: Ref<HTMLDivElement>;
  onPick: (index: number) => void;
}

export function rowId(index: number): string {
  return `timeline-row-${index}`;
}

/** One event of the virtualised list; its vertical position is written by the virtualiser. */
export function TimelineRow({ index, total, event, selected, partyNames, rowRef, onPick }: RowProps) {
  const common = {
    id: rowId(index),
    ref: rowRef,
    'data-index': index,
    role: 'option',
    'aria-posinset': index + 1,
    'aria-setsize': total,
  } as const;
  if (event === undefined) {
    return (
      <div {...common} className="tl-row tl-row--loading" aria-selected={false}>
        <span className="tl-row__time">Loading…</span>
      </div>
    );
  }
  const parties = event.partyIds.map((id) => partyNames.get(id)).filter((name) => name !== undefined);
  return (
    <div
      {...common}
      className={selected ? 'tl-row tl-row--selected' : 'tl-row'}
      aria-selected={selected}
      onClick={() => onPick(index)}
    >
      <span className="tl-row__time" title={enteredAs(event.at)}>
        <time dateTime={event.at.utc}>{formatZoned(event.at)}</time>
        {event.end !== null && (
          <>
            <span className="tl-row__arrow"> → </span>
            <time dateTime={event.end.utc}>{formatZoned(event.end)}</time>
          </>
        )}
        {event.at.precision !== 'exact' && <span className="tl-precision">{event.at.precision}</span>}
      </span>
      <span className="tl-row__title">{event.title}</span>
      <span className="tl-row__meta">
        {event.tags.map((tag) => (
          <span key={tag} className="chip">
            {tag}
          </span>
        ))}
        {parties.map((name) => (
          <span key={name} className="chip chip--party">
            {name}
          </span>
        ))}
      </span>
    </div>
  );
}
