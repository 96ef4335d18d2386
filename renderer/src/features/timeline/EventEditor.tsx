import { useMemo, useState } from 'react';
import type { TimelineEvent } from '../../../../shared/domain/events';
import { Button } from '../../components/Button';
import { draftSlot } from '../../lib/kept-drafts';
import { useAutosave } from '../../lib/use-autosave';
import { enteredAs, formatZonedRange } from '../../lib/zoned';
import { formatInstant } from '../../lib/time';
import { useTimelineStore } from '../../stores/timeline-store';
import { useWorkspaceStore } from '../../stores/workspace-store';
import { DeleteEventDialog } from './DeleteEventDialog';
import { EventEvidence } from './EventEvidence';
import { EventFields } from './EventFields';
import {
  draftOf,
  draftProblem,
  isEventDraft,
  patchOf,
  readDraft,
  sameEventDraft,
  type EventDraft,
} from './event-draft';

/** The selected event, edited in place: every change saves itself after a pause or on leaving a field. */
export function EventEditor({ event }: { event: TimelineEvent }) {
  const parties = useTimelineStore((state) => state.parties);
  const update = useTimelineStore((state) => state.update);
  const track = useWorkspaceStore((state) => state.track);
  const [deleting, setDeleting] = useState(false);
  const saveKey = `events.${event.id}` as const;
  const stored = useMemo(() => draftOf(event), [event]);
  const slot = draftSlot(saveKey, isEventDraft);

  const autosave = useAutosave<EventDraft>({
    saveKey,
    stored,
    same: sameEventDraft,
    validate: draftProblem,
    keptDraft: slot.keptDraft,
    keepDraft: slot.keepDraft,
    async save(draft) {
      const read = readDraft(draft);
      if (!('input' in read)) return false;
      const saved = useTimelineStore.getState().selected;
      const baseline = saved?.id === event.id ? saved : event;
      const patch = patchOf(baseline, read.input);
      if (Object.keys(patch).length === 0) return true;
      return (await track(saveKey, () => update(event.id, patch))) === null;
    },
  });
  const { draft } = autosave;
  const read = autosave.error === null ? null : readDraft(draft);
  const errors = read !== null && 'errors' in read ? read.errors : {};

  function change(patch: Partial<EventDraft>): void {
    const immediate =
      'partyIds' in patch || 'zone' in patch || 'precision' in patch || 'approximate' in patch;
    autosave.change({ ...draft, ...patch }, immediate);
  }

  return (
    <section className="tl-detail" aria-labelledby="event-detail-heading">
      <header className="tl-detail__header">
        <div>
          <h3 id="event-detail-heading" className="panel__title">
            {event.title}
          </h3>
          <p className="muted small" title={enteredAs(event.at)}>
            {formatZonedRange(event.at, event.end)}
          </p>
        </div>
        <Button small onClick={() => setDeleting(true)}>
          Delete event…
        </Button>
      </header>
      <p className="panel__intro">
        Changes are saved to the case file as you type. Last changed{' '}
        <time dateTime={event.updatedAt}>{formatInstant(event.updatedAt)}</time>.
      </p>
      <EventFields
        draft={draft}
        errors={errors}
        parties={parties}
        onChange={change}
        onBlur={autosave.commit}
      />
      <EventEvidence eventId={event.id} title={event.title} />
      {deleting && <DeleteEventDialog event={event} onClose={() => setDeleting(false)} />}
    </section>
  );
}
