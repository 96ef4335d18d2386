import { useState, type FormEvent } from 'react';
import { messageOf } from '../../api/client';
import { Button } from '../../components/Button';
import { useTimelineStore } from '../../stores/timeline-store';
import { useZoneStore } from '../../stores/zone-store';
import { EventFields } from './EventFields';
import { emptyDraft, readDraft, type DraftErrors, type EventDraft } from './event-draft';

/** "New event": the same fields as the editor, added to the case with one button. */
export function NewEventForm() {
  const parties = useTimelineStore((state) => state.parties);
  const create = useTimelineStore((state) => state.create);
  const setComposing = useTimelineStore((state) => state.setComposing);
  const lastZone = useZoneStore((state) => state.lastZone);
  const remember = useZoneStore((state) => state.remember);
  const [draft, setDraft] = useState<EventDraft>(() => emptyDraft(lastZone));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [working, setWorking] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (working) return;
    const read = readDraft(draft);
    if ('errors' in read) {
      setErrors(read.errors);
      const first = event.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]');
      first?.focus();
      return;
    }
    setErrors({});
    setWorking(true);
    try {
      remember(draft.zone);
      await create(read.input);
    } catch (error) {
      setErrors({ form: messageOf(error) });
      setWorking(false);
    }
  }

  function change(patch: Partial<EventDraft>): void {
    setDraft((current) => ({ ...current, ...patch }));
    if (Object.keys(errors).length > 0) {
      const read = readDraft({ ...draft, ...patch });
      setErrors('errors' in read ? read.errors : {});
    }
  }

  return (
    <section className="tl-detail" aria-labelledby="new-event-heading">
      <h3 id="new-event-heading" className="panel__title">
        New event
      </h3>
      <p className="panel__intro">The event is added to the timeline in time order.</p>
      <form className="form-stack" noValidate onSubmit={(event) => void submit(event)}>
        <EventFields draft={draft} errors={errors} parties={parties} onChange={change} />
        <div className="form-actions">
          <Button variant="quiet" onClick={() => setComposing(false)}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" disabled={working}>
            {working ? 'Adding…' : 'Add event'}
          </Button>
        </div>
      </form>
    </section>
  );
}
