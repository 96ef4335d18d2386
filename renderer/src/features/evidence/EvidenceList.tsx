import { useId, useRef, type KeyboardEvent } from 'react';
import type { EvidenceItem } from '../../../../shared/domain/evidence';
import { HashText } from '../../components/HashText';
import { formatInstant } from '../../lib/time';
import { matchesFilter } from '../../stores/evidence/evidence-filter';
import { useEvidenceStore } from '../../stores/evidence/list-store';
import { KIND_LABELS } from './format';
import { formatBytes } from '../../../../shared/text/bytes';
import { formatCount } from '../../../../shared/text/count';

/**
 * The items in the locker, filtered by the text above them. Each row's name is a button that
 * selects it; ↑/↓, Home and End move the selection (and the focus) from row to row.
 */
export function EvidenceList({ items }: { items: readonly EvidenceItem[] }) {
  const filter = useEvidenceStore((state) => state.filter);
  const setFilter = useEvidenceStore((state) => state.setFilter);
  const selectedId = useEvidenceStore((state) => state.selectedId);
  const select = useEvidenceStore((state) => state.select);
  const filterId = useId();
  const list = useRef<HTMLUListElement>(null);
  const shown = items.filter((item) => matchesFilter(item, filter));
  // One row is in the Tab order: the selected one, else the first.
  const tabbableId = shown.some((item) => item.id === selectedId) ? selectedId : shown[0]?.id;

  function move(event: KeyboardEvent<HTMLUListElement>): void {
    if (event.altKey || event.ctrlKey || event.metaKey || shown.length === 0) return;
    const current = shown.findIndex((item) => item.id === selectedId);
    const page = 8;
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: shown.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = shown[Math.min(shown.length - 1, Math.max(0, target))];
    if (next === undefined) return;
    select(next.id);
    list.current?.querySelector<HTMLButtonElement>(`[data-evidence-id="${next.id}"]`)?.focus();
  }

  return (
    <div className="ev-master">
      <div className="ev-filter">
        <label className="offscreen" htmlFor={filterId}>
          Filter evidence
        </label>
        <input
          id={filterId}
          type="search"
          className="field__control"
          placeholder="Filter by name, type, tag, source…"
          autoComplete="off"
          spellCheck={false}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <p className="ev-filter__count muted small num" aria-live="polite">
          {filter.trim() === ''
            ? `${formatCount(items.length)} ${items.length === 1 ? 'item' : 'items'}`
            : `${formatCount(shown.length)} of ${formatCount(items.length)} items match`}
        </p>
      </div>
      {shown.length === 0 ? (
        <p className="empty small">No item matches “{filter.trim()}”.</p>
      ) : (
        <ul className="ev-list" aria-label="Evidence items" ref={list} onKeyDown={move}>
          {shown.map((item) => (
            <EvidenceRow
              key={item.id}
              item={item}
              selected={item.id === selectedId}
              tabbable={item.id === tabbableId}
              onSelect={() => select(item.id)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function EvidenceRow(props: {
  item: EvidenceItem;
  selected: boolean;
  tabbable: boolean;
  onSelect: () => void;
}) {
  const { item, selected, tabbable, onSelect } = props;
  const added = formatInstant(item.addedAt);
  const size = formatBytes(item.size);
  // The button covers the whole row (so every line of it selects); the copy button sits above it.
  return (
    <li className={selected ? 'ev-row ev-row--selected' : 'ev-row'}>
      <button
        type="button"
        className="ev-row__pick"
        data-evidence-id={item.id}
        aria-current={selected ? 'true' : undefined}
        aria-label={`${item.name}, ${KIND_LABELS[item.kind]}, ${size}, added ${added}`}
        title={item.originalPath}
        tabIndex={tabbable ? 0 : -1}
        onClick={onSelect}
      />
      <span className="ev-row__line">
        <span className="ev-row__name">{item.name}</span>
        <span className="ev-row__size num">{size}</span>
      </span>
      <span className="ev-row__line">
        <span className="ev-row__meta">
          <span className="kind-tag">{KIND_LABELS[item.kind]}</span>
          <time className="num" dateTime={item.addedAt}>
            {added}
          </time>
        </span>
        <span className="ev-row__hash">
          <HashText value={item.sha256} keep={5} label={`SHA-256 of ${item.name}`} />
        </span>
      </span>
    </li>
  );
}
