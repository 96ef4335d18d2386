import { useState } from 'react';
import type { TimelineEvent } from '../../../../shared/domain/events';
import { messageOf } from '../../api/client';
import { Button } from '../../components/Button';
import { Modal } from '../../components/Modal';
import { formatZonedRange } from '../../lib/zoned';
import { useTimelineStore } from '../../stores/timeline-store';
import { useWorkspaceStore } from '../../stores/workspace-store';

/** Names exactly what goes, and that the deletion (with the event's content) stays in the audit log. */
export function DeleteEventDialog({ event, onClose }: { event: TimelineEvent; onClose: () => void }) {
  const remove = useTimelineStore((state) => state.remove);
  const setProblem = useWorkspaceStore((state) => state.setProblem);
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function confirm(): Promise<void> {
    setWorking(true);
    setFailure(null);
    try {
      await remove(event.id);
      setProblem(`events.${event.id}`, null);
      onClose();
    } catch (error) {
      setFailure(messageOf(error));
      setWorking(false);
    }
  }

  return (
    <Modal
      title="Delete this event?"
      description="The event is removed from the timeline. The deletion is recorded in the audit log, with what the event said, and cannot be undone from here."
      onClose={onClose}
      initialFocus=".modal__footer .btn--quiet"
      footer={
        <>
          <Button variant="quiet" onClick={onClose}>
            Keep the event
          </Button>
          <Button variant="primary" onClick={() => void confirm()} disabled={working}>
            {working ? 'Deleting…' : 'Delete event'}
          </Button>
        </>
      }
    >
      <dl className="facts facts--compact">
        <dt>Event</dt>
        <dd>{event.title}</dd>
        <dt>When</dt>
        <dd>{formatZonedRange(event.at, event.end)}</dd>
      </dl>
      {failure !== null && (
        <p className="inline-error" role="alert">
          {failure}
        </p>
      )}
    </Modal>
  );
}
