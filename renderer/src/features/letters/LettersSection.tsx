import { useCallback, useEffect, useState } from 'react';
import '../../styles/letters.css';
import { Button } from '../../components/Button';
import { formatInstant } from '../../lib/time';
import { useContentChanged } from '../../lib/use-content-changed';
import { useLettersStore } from '../../stores/letters-store';
import { LetterDetail } from './LetterDetail';
import { NewLetterDialog } from './NewLetterDialog';
import { StatusBadge } from './status';

// Letters merge the facts, the data involved and the people affected: their values follow those areas.
const AREAS = ['letters', 'facts', 'populations', 'dataElements'] as const;

/** The letters of the case on the left; the selected one (draft, checks, versions, output) on the right. */
export function LettersSection() {
  const letters = useLettersStore((state) => state.letters);
  const templates = useLettersStore((state) => state.templates);
  const selectedId = useLettersStore((state) => state.selectedId);
  const view = useLettersStore((state) => state.view);
  const error = useLettersStore((state) => state.error);
  const viewError = useLettersStore((state) => state.viewError);
  const load = useLettersStore((state) => state.load);
  const select = useLettersStore((state) => state.select);
  const [creating, setCreating] = useState(false);
  const reload = useCallback(() => load(), [load]);

  useEffect(() => {
    void reload();
  }, [reload]);
  useContentChanged(AREAS, reload);

  const templateTitle = (id: string) => templates?.find((t) => t.id === id)?.title ?? id;

  return (
    <div className="master-detail letters-section">
      <div className="master">
        <div className="master__toolbar">
          <Button variant="primary" onClick={() => setCreating(true)} disabled={templates === null}>
            New letter…
          </Button>
        </div>
        {error !== null && (
          <p className="notice notice--fail" role="alert">
            {error}
          </p>
        )}
        {letters !== null && letters.length === 0 && (
          <p className="empty">
            No letters yet. Draft one from a template (a notice to individuals, a regulator notification, a
            partner request): the case’s facts fill it in.
          </p>
        )}
        {letters !== null && letters.length > 0 && (
          <ul className="master__list" aria-label="Letters">
            {letters.map((letter) => (
              <li key={letter.id}>
                <button
                  type="button"
                  className="master__item letter-item"
                  aria-current={letter.id === selectedId ? 'true' : undefined}
                  onClick={() => select(letter.id)}
                >
                  <span className="master__item-title">{letter.title}</span>
                  <span className="master__item-meta">
                    <StatusBadge status={letter.status} />
                    <span className="letter-item__updated">
                      <time dateTime={letter.updatedAt}>{formatInstant(letter.updatedAt)}</time>
                    </span>
                  </span>
                  {!letter.title.includes(templateTitle(letter.templateId)) && (
                    <span className="master__item-meta">
                      <span className="master__item-role">{templateTitle(letter.templateId)}</span>
                    </span>
                  )}
                  {letter.recipient.name !== '' && !letter.title.includes(letter.recipient.name) && (
                    <span className="master__item-meta">
                      <span className="master__item-role">to {letter.recipient.name}</span>
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="detail">
        {viewError !== null && (
          <p className="notice notice--fail" role="alert">
            {viewError}
          </p>
        )}
        {view !== null && view.letter.id === selectedId && (
          <LetterDetail view={view} templateTitle={templateTitle(view.letter.templateId)} />
        )}
      </div>
      {creating && <NewLetterDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
