import { useEffect, useId, useState } from 'react';
import type { TimelineEvent } from '../../../../shared/domain/events';
import { messageOf } from '../../api/client';
import { Button } from '../../components/Button';
import { formatZoned } from '../../lib/zoned';
import { useEventTitlesStore } from '../../stores/evidence/event-titles-store';
import { openSearchResult } from '../search/open-result';

interface EventLinksProps {
  eventIds: readonly string[];
  onChange: (eventIds: string[]) => void;
  /** The accessible name of the list of linked events. */
  label: string;
  /** Offer "Open" for each linked event (not inside a dialog, where leaving would lose the form). */
  openable?: boolean;
}

const MAX_LINKS = 200;

/** Timeline events linked to an item: each can be opened or unlinked; more are found by their text. */
export function EventLinks({ eventIds, onChange, label, openable = true }: EventLinksProps) {
  const titles = useEventTitlesStore((state) => state.eventTitles);
  const learn = useEventTitlesStore((state) => state.learnEventTitles);
  const findEvents = useEventTitlesStore((state) => state.findEvents);
  const rememberTitle = useEventTitlesStore((state) => state.rememberTitle);
  const searchId = useId();
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ query: string; events: TimelineEvent[] }>({ query: '', events: [] });
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void learn(eventIds);
  }, [eventIds, learn]);

  useEffect(() => {
    const query = text.trim();
    if (query === '') return;
    let live = true;
    const timer = window.setTimeout(() => {
      findEvents(query)
        .then((events) => {
          if (!live) return;
          setFound({ query, events });
          setProblem(null);
        })
        .catch((error: unknown) => {
          if (live) setProblem(messageOf(error));
        });
    }, 200);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [text, findEvents]);

  const query = text.trim();
  const answered = query !== '' && found.query === query;
  const shown = answered ? found.events.filter((event) => !eventIds.includes(event.id)) : [];

  function link(event: TimelineEvent): void {
    if (eventIds.length >= MAX_LINKS) return setProblem(`At most ${MAX_LINKS} events can be linked.`);
    rememberTitle(event);
    onChange([...eventIds, event.id]);
  }

  return (
    <fieldset className="ev-links">
      <legend className="field__label">Linked timeline events</legend>
      {eventIds.length === 0 ? (
        <p className="field__hint">No events linked yet. Find the events this item supports below.</p>
      ) : (
        <ul className="ev-links__list" aria-label={label}>
          {eventIds.map((id) => {
            const title = titles[id] ?? 'An event (loading its title…)';
            return (
              <li key={id} className="ev-links__item">
                <span className="ev-links__title">{title}</span>
                {openable && (
                  <Button
                    small
                    variant="quiet"
                    aria-label={`Open event ${title}`}
                    onClick={() => openSearchResult({ kind: 'event', id })}
                  >
                    Open
                  </Button>
                )}
                <Button
                  small
                  variant="quiet"
                  aria-label={`Unlink event ${title}`}
                  onClick={() => onChange(eventIds.filter((other) => other !== id))}
                >
                  Unlink
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="ev-links__find">
        <label className="field__label ev-links__find-label" htmlFor={searchId}>
          Find an event to link
        </label>
        <input
          id={searchId}
          type="search"
          className="field__control"
          autoComplete="off"
          placeholder="Words from its title or detail"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      {problem !== null && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
      {shown.length > 0 && (
        <ul className="ev-links__list ev-links__list--found" aria-label="Events found">
          {shown.map((event) => (
            <li key={event.id} className="ev-links__item">
              <span className="ev-links__time num">{formatZoned(event.at)}</span>
              <span className="ev-links__title">{event.title}</span>
              <Button small aria-label={`Link event ${event.title}`} onClick={() => link(event)}>
                Link
              </Button>
            </li>
          ))}
        </ul>
      )}
      {answered && found.events.length === 0 && problem === null && (
        <p className="field__hint">No event matches “{query}”.</p>
      )}
    </fieldset>
  );
}
