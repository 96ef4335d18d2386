import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { eventAt } from '../../stores/timeline-paging';
import { useTimelineStore } from '../../stores/timeline-store';
import { rowId, TimelineRow } from './TimelineRow';

/** The least row height (px), as .tl-row in timeline.css; a row whose title wraps is measured as drawn. */
const ROW_HEIGHT = 58;
/** Rows fetched beyond the visible ones, so scrolling seldom meets an empty row. */
const PREFETCH = 60;

/**
 * The events in time order as a virtualised list box: only the rows in view (and a few around)
 * exist in the page; pages of rows are fetched by offset as they come into view. The
 * virtualiser writes row positions through the CSSOM (the CSP forbids style attributes).
 */
export function TimelineList() {
  const total = useTimelineStore((state) => state.total);
  const pages = useTimelineStore((state) => state.pages);
  const version = useTimelineStore((state) => state.version);
  const filterSeq = useTimelineStore((state) => state.filterSeq);
  const selectedId = useTimelineStore((state) => state.selectedId);
  const activeIndex = useTimelineStore((state) => state.activeIndex);
  const scrollTo = useTimelineStore((state) => state.scrollTo);
  const parties = useTimelineStore((state) => state.parties);
  const ensureRange = useTimelineStore((state) => state.ensureRange);
  const activate = useTimelineStore((state) => state.activate);
  const scroller = useRef<HTMLDivElement>(null);
  const count = total ?? 0;

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser's methods are read during render by design.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    directDomUpdates: true,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    ensureRange(first - PREFETCH, last + PREFETCH);
  }, [first, last, version, count, ensureRange]);

  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [filterSeq, virtualizer]);

  const scrollIndex = scrollTo?.index;
  useEffect(() => {
    if (scrollIndex !== undefined) virtualizer.scrollToIndex(scrollIndex, { align: 'center' });
  }, [scrollTo?.seq, scrollIndex, virtualizer]);

  const partyNames = useMemo(() => new Map(parties.map((party) => [party.id, party.name])), [parties]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (count === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const current = activeIndex ?? -1;
    const visibleRows = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + visibleRows,
      PageUp: current - visibleRows,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = Math.min(count - 1, Math.max(0, target));
    activate(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  const shown = activeIndex !== null && activeIndex >= first && activeIndex <= last;
  return (
    <div
      ref={scroller}
      className="tl-list"
      role="listbox"
      tabIndex={0}
      aria-label="Timeline events"
      aria-busy={total === null}
      aria-activedescendant={shown ? rowId(activeIndex) : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="tl-list__canvas" ref={virtualizer.containerRef}>
        {items.map((item) => {
          const event = eventAt(pages, item.index);
          return (
            <TimelineRow
              key={item.key}
              index={item.index}
              total={count}
              event={event}
              selected={event !== undefined && event.id === selectedId}
              partyNames={partyNames}
              rowRef={virtualizer.measureElement}
              onPick={activate}
            />
          );
        })}
      </div>
    </div>
  );
}
