import { MarkSentDialog } from '../../components/MarkSentDialog';
import { useObligationsStore } from '../../stores/obligations-store';

interface MarkNoticeSentOfferProps {
  ruleId: string;
  /** The notice's title. */
  noticeTitle: string;
  /** The task just completed. */
  taskTitle: string;
  initialChannel: string;
  onClose: () => void;
}

/**
 * Offered when a task linked to a notice is completed: the task does not say the notice went
 * out (the notice's status alone does), so the user records when and how, or leaves it as it is.
 */
export function MarkNoticeSentOffer({
  ruleId,
  noticeTitle,
  taskTitle,
  initialChannel,
  onClose,
}: MarkNoticeSentOfferProps) {
  const setStatus = useObligationsStore((state) => state.setStatus);
  return (
    <MarkSentDialog
      heading="Mark the notice sent?"
      title={`“${taskTitle}” is done. If the notice “${noticeTitle}” went out, record when and how; Cancel leaves its status as it is.`}
      initialChannel={initialChannel}
      withNote
      onClose={onClose}
      record={(sentAt, channel, note) => setStatus(ruleId, { status: 'sent', sentAt, channel, note })}
    />
  );
}

/** Whether completing a task for a notice in this state should offer to mark it sent. */
export function offersMarkSent(status: 'todo' | 'drafting' | 'sent' | 'not_required' | undefined): boolean {
  return status !== 'sent' && status !== 'not_required';
}
