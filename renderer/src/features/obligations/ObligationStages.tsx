import { useId, useState } from 'react';
import type { BoardRow } from '../../../../shared/domain/obligation-status';
import type { ObligationStage } from '../../../../shared/obligations/obligation';
import { Button } from '../../components/Button';
import { MarkSentDialog } from '../../components/MarkSentDialog';
import { useObligationsStore } from '../../stores/obligations-store';
import { clockText, formatAt } from './format';

/**
 * The stages of a staged report (NIS2 early warning, notification, final report; DORA initial,
 * intermediate, final), in the law's order: each its own deadline, status and way to mark it sent.
 * A stage that runs from an earlier one waits until that one is recorded as sent.
 */
export function ObligationStages({ row, title }: { row: BoardRow; title: string }) {
  const id = useId();
  const stages = row.obligation?.stages ?? [];
  if (stages.length === 0) return null;
  return (
    <section className="obl-content obl-stages" aria-labelledby={id}>
      <h4 id={id} className="obl-content__title">
        Stages ({stages.filter((s) => s.sentAt !== null).length} of {stages.length} sent)
      </h4>
      <ol className="obl-stages__list">
        {stages.map((stage, index) => (
          <StageItem key={stage.id} row={row} stage={stage} index={index} title={title} />
        ))}
      </ol>
    </section>
  );
}

function StageItem({
  row,
  stage,
  index,
  title,
}: {
  row: BoardRow;
  stage: ObligationStage;
  index: number;
  title: string;
}) {
  const setStatus = useObligationsStore((state) => state.setStatus);
  const [marking, setMarking] = useState(false);
  const status = row.stageStatuses[stage.id] ?? null;
  const { deadline } = stage;
  const clock = clockText(deadline);
  const label = `${title}, stage ${index + 1}: ${stage.title}`;
  return (
    <li className="obl-stage" aria-label={label} data-stage={stage.id}>
      <div className="obl-stage__head">
        <span className="obl-stage__title">
          {index + 1}. {stage.title}
        </span>
        <span className={`obl-status obl-status--${stage.sentAt === null ? 'todo' : 'sent'}`}>
          {stage.sentAt === null ? 'Not sent' : `Sent ${formatAt(stage.sentAt)}`}
        </span>
      </div>
      <p className="obl-stage__when">
        {deadline.due !== null && (
          <>
            Due <time dateTime={deadline.due}>{formatAt(deadline.due)}</time>.{' '}
          </>
        )}
        <span className="obl-muted">{deadline.wording}</span>
        {deadline.state === 'undetermined' && deadline.suggested !== null && (
          <span className="obl-when__suggested">
            {' '}
            <span className="obl-internal">Internal</span> suggested target{' '}
            <time dateTime={deadline.suggested}>{formatAt(deadline.suggested)}</time> (not a legal deadline)
          </span>
        )}
      </p>
      {clock !== null && <p className="obl-muted small">{clock}</p>}
      {stage.requiredContent.length > 0 && (
        <ul className="obl-content__list">
          {stage.requiredContent.map((item) => (
            <li key={item.id}>
              {item.text} <cite className="obl-cite">{item.citation}</cite>
            </li>
          ))}
        </ul>
      )}
      <div className="obl-actions" role="group" aria-label={`Status of ${label}`}>
        <Button small onClick={() => setMarking(true)}>
          {stage.sentAt === null ? 'Mark stage sent…' : 'Change sent date…'}
        </Button>
        {stage.sentAt !== null && (
          <Button small onClick={() => void setStatus(row.ruleId, { status: 'todo', note: '' }, stage.id)}>
            Not sent yet
          </Button>
        )}
      </div>
      {marking && (
        <MarkSentDialog
          heading="Mark stage sent"
          title={label}
          initialChannel={status?.channel || row.obligation?.recipient.channel || ''}
          withNote
          onClose={() => setMarking(false)}
          record={(sentAt, channel, note) =>
            setStatus(row.ruleId, { status: 'sent', sentAt, channel, note }, stage.id)
          }
        />
      )}
    </li>
  );
}
