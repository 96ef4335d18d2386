import type { LetterStatus } from '../../../../shared/domain/letters';

const STATUS_LABELS: Record<LetterStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  sent: 'Sent',
};

export const KIND_LABELS = { drafted: 'Drafted', edited: 'Edited', frozen: 'Frozen' } as const;

export function StatusBadge({ status }: { status: LetterStatus }) {
  return <span className={`badge letter-status letter-status--${status}`}>{STATUS_LABELS[status]}</span>;
}
