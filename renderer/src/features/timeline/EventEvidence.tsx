import { useEffect } from 'react';
import { Button } from '../../components/Button';
import { useContentChanged } from '../../lib/use-content-changed';
import { useEvidenceFocusStore } from '../../stores/evidence-focus-store';
import { useEvidenceStore } from '../../stores/evidence/list-store';
import { formatBytes } from '../../../../shared/text/bytes';

/** The evidence items linked to an event, each opening in the Evidence section. */
export function EventEvidence({ eventId, title }: { eventId: string; title: string }) {
  const items = useEvidenceStore((state) => state.items);
  const load = useEvidenceStore((state) => state.load);
  const open = useEvidenceFocusStore((state) => state.open);

  useEffect(() => {
    if (items === null) void load();
  }, [items, load]);
  useContentChanged(['evidence'], load);

  const linked = (items ?? []).filter((item) => item.eventIds.includes(eventId));
  return (
    <section className="tl-evidence" aria-labelledby="tl-evidence-heading">
      <h4 id="tl-evidence-heading" className="panel__subtitle">
        Evidence
      </h4>
      {items === null ? (
        <p className="muted small">Reading the evidence locker…</p>
      ) : linked.length === 0 ? (
        <p className="muted small">
          No evidence is linked to this event. Link items from the Evidence section.
        </p>
      ) : (
        <ul className="tl-evidence__list" aria-label={`Evidence for ${title}`}>
          {linked.map((item) => (
            <li key={item.id} className="tl-evidence__item">
              <span className="tl-evidence__name mono" title={item.originalPath}>
                {item.name}
              </span>
              <span className="tl-evidence__size muted num">{formatBytes(item.size)}</span>
              <Button
                small
                variant="quiet"
                aria-label={`Open evidence ${item.name}`}
                onClick={() => open(item.id)}
              >
                Open
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
