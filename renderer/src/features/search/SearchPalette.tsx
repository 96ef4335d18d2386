import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { SEARCH_KINDS, snippetRuns, type SearchResult } from '../../../../shared/domain/search';
import { Modal } from '../../components/Modal';
import { MOD_LABEL } from '../../lib/platform';
import { SEARCH_LIMIT, useSearchStore } from '../../stores/search-store';
import { KIND_LABELS, openSearchResult } from './open-result';

/** Typing pauses this long before a query is sent. */
const QUERY_DELAY_MS = 150;

/** Results in display order (grouped by kind), each with its place in that order. */
function grouped(results: readonly SearchResult[]) {
  let position = 0;
  return SEARCH_KINDS.map((kind) => ({
    kind,
    items: results
      .filter((result) => result.kind === kind)
      .map((result) => ({ result, position: position++ })),
  })).filter((group) => group.items.length > 0);
}

/**
 * Ctrl/⌘+K: one box over facts, obligations, letters, people by jurisdiction, events, parties,
 * tasks, notes and evidence text; arrows move, Enter opens.
 */
export function SearchPalette({ onClose }: { onClose: () => void }) {
  const text = useSearchStore((state) => state.text);
  const results = useSearchStore((state) => state.results);
  const answered = useSearchStore((state) => state.answered);
  const loading = useSearchStore((state) => state.loading);
  const error = useSearchStore((state) => state.error);
  const setText = useSearchStore((state) => state.setText);
  const query = useSearchStore((state) => state.query);
  const [active, setActive] = useState(0);
  const [activeFor, setActiveFor] = useState(results);
  const listId = useId();
  const statusId = useId();
  const groups = useMemo(() => grouped(results), [results]);
  const ordered = groups.flatMap((group) => group.items.map((item) => item.result));

  // New results start again at the first one.
  if (activeFor !== results) {
    setActiveFor(results);
    setActive(0);
  }

  useEffect(() => {
    const timer = window.setTimeout(() => void query(text), QUERY_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, query]);

  function open(result: SearchResult | undefined): void {
    if (result === undefined) return;
    onClose();
    openSearchResult(result);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (ordered.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + ordered.length) % ordered.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(ordered[active]);
    }
  }

  const optionId = (position: number) => `${listId}-${position}`;
  const status = statusLine(text, answered, loading, error, results.length);

  return (
    <Modal title="Search the case" onClose={onClose} wide initialFocus="input">
      <div className="palette">
        <input
          className="field__control palette__input"
          type="text"
          role="combobox"
          aria-label="Search the case"
          aria-expanded={ordered.length > 0}
          aria-controls={listId}
          aria-activedescendant={ordered.length > 0 ? optionId(active) : undefined}
          aria-describedby={statusId}
          aria-autocomplete="list"
          placeholder="Words from facts, obligations, letters, people, events, parties, tasks, notes or evidence"
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <p
          id={statusId}
          className={error === null ? 'palette__status' : 'palette__status inline-error'}
          role="status"
        >
          {status}
        </p>
        <div className="palette__results">
          <div id={listId} role="listbox" aria-label="Search results">
            {groups.map((group) => (
              <div key={group.kind} role="group" aria-labelledby={`${listId}-${group.kind}`}>
                <p className="palette__group" id={`${listId}-${group.kind}`} role="presentation">
                  {KIND_LABELS[group.kind]}
                </p>
                {group.items.map(({ result, position }) => (
                  <div
                    key={`${result.kind}:${result.id}`}
                    id={optionId(position)}
                    role="option"
                    aria-selected={position === active}
                    className={position === active ? 'palette__item palette__item--active' : 'palette__item'}
                    onMouseMove={() => setActive(position)}
                    onClick={() => open(result)}
                  >
                    <span className="palette__head">
                      <span className="palette__title">{result.title}</span>
                      {result.line !== null && <span className="palette__line num">line {result.line}</span>}
                    </span>
                    <Snippet snippet={result.snippet} />
                  </div>
                ))}
              </div>
            ))}
          </div>
        </div>
        <p className="palette__hint">
          <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>Esc</kbd> close ·{' '}
          <kbd>{MOD_LABEL}+K</kbd> search from anywhere
        </p>
      </div>
    </Modal>
  );
}

/** A snippet as text with <mark> runs: the index's text is never read as HTML. */
function Snippet({ snippet }: { snippet: string }) {
  return (
    <span className="palette__snippet">
      {snippetRuns(snippet).map((run, index) => (run.hit ? <mark key={index}>{run.text}</mark> : run.text))}
    </span>
  );
}

function statusLine(
  text: string,
  answered: string,
  loading: boolean,
  error: string | null,
  count: number,
): string {
  if (text.trim() === '')
    return 'Type to search facts, obligations, letters, people by jurisdiction, events, parties, tasks, notes and evidence.';
  if (error !== null && answered === text) return error;
  if (loading || answered !== text) return 'Searching…';
  if (count === 0) return `Nothing in this case matches “${text.trim()}”.`;
  return `${count} ${count === 1 ? 'result' : 'results'}${count >= SEARCH_LIMIT ? ` (the best ${SEARCH_LIMIT})` : ''}. Enter opens the highlighted one.`;
}
