import { useId } from 'react';
import type { BoardRow } from '../../../../shared/domain/obligation-status';
import type { Obligation } from '../../../../shared/obligations/obligation';
import { useObligationsStore } from '../../stores/obligations-store';
import { OpenDecisionNote } from './DecisionNeeded';
import { ObligationDetail } from './ObligationDetail';
import { LetterAction, letterStateText } from './NoticeLetter';
import { VerifyChip } from './VerifyChip';
import { countdown, formatAt, formatSpan, isSettled, placeOf, rowTitle, statusText } from './format';

/** One line of the board: who, where, the clock, the status; its detail opens underneath. */
export function ObligationRow({ row, now }: { row: BoardRow; now: number }) {
  const expanded = useObligationsStore((state) => state.expanded.includes(row.ruleId));
  const toggle = useObligationsStore((state) => state.toggle);
  const id = useId();
  const { title, recipient, jurisdiction } = rowTitle(row);
  const obligation = row.obligation;
  const tone = rowTone(row, now);

  return (
    <li
      className={`obl-row obl-row--${tone}`}
      aria-labelledby={`${id}-toggle`}
      data-search-target={`obligation:${row.ruleId}`}
    >
      <div className="obl-row__head">
        <div className="obl-row__who">
          <button
            type="button"
            id={`${id}-toggle`}
            className="obl-row__toggle"
            aria-expanded={expanded}
            aria-controls={expanded ? `${id}-detail` : undefined}
            onClick={() => toggle(row.ruleId)}
          >
            <span className="obl-row__chevron" aria-hidden="true" />
            <span className="obl-row__names">
              {recipient === '' ? (
                <span className="obl-row__recipient">{title}</span>
              ) : (
                <>
                  <span className="obl-row__recipient">{capitalised(recipient)}</span>
                  <span className="obl-row__title">{title}</span>
                </>
              )}
            </span>
          </button>
          <span className="obl-row__tags">
            {jurisdiction !== '' && <span className="kind-tag">{placeOf(jurisdiction)}</span>}
            {obligation?.verification === 'unverified' && <VerifyChip />}
          </span>
        </div>
        <div className="obl-row__when">
          {obligation === null ? (
            <span className="obl-row__gone">
              No longer owed{row.notTriggered === null ? '' : `: ${row.notTriggered.reason}`}
            </span>
          ) : (
            <Deadline obligation={obligation} row={row} now={now} />
          )}
        </div>
        <div className="obl-row__side">
          <div className="obl-row__status">
            <span className={`obl-status obl-status--${row.status?.status ?? 'todo'}`}>
              {statusText(row.status)}
            </span>
          </div>
          <span className="notice-letter__state">Letter: {letterStateText(row)}</span>
          <LetterAction row={row} title={title} />
        </div>
      </div>
      {obligation !== null && obligation.openDecision !== null && (
        <OpenDecisionNote decision={obligation.openDecision} title={title} />
      )}
      {row.review !== null && (
        <p className="obl-review" role="note" aria-label={`Review ${title}`}>
          <span className="obl-review__mark">Review</span> {row.review}
        </p>
      )}
      {expanded && (
        <div id={`${id}-detail`} className="obl-row__detail" role="region" aria-label={`Details of ${title}`}>
          <ObligationDetail row={row} title={title} />
        </div>
      )}
    </li>
  );
}

type Tone = 'overdue' | 'soon' | 'later' | 'calm';

function rowTone(row: BoardRow, now: number): Tone {
  const due = row.obligation?.deadline.state === 'fixed' ? row.obligation.deadline.due : null;
  if (row.obligation === null || isSettled(row.status) || allStagesSent(row.obligation) || due === null)
    return 'calm';
  return countdown(due, now).urgency;
}

/** A staged report whose every stage is recorded as sent: nothing is left to count down to. */
function allStagesSent(obligation: Obligation): boolean {
  return obligation.stages.length > 0 && obligation.stages.every((stage) => stage.sentAt !== null);
}

/** Which stage of a staged report the deadline shown is for ("Stage 2 of 3: Intermediate report"). */
function StageNote({ obligation }: { obligation: Obligation }) {
  const { stages } = obligation;
  if (stages.length === 0) return null;
  const index = stages.findIndex((stage) => stage.sentAt === null);
  return (
    <span className="obl-when__stage">
      {index === -1
        ? `All ${stages.length} stages sent`
        : `Stage ${index + 1} of ${stages.length}: ${stages[index]?.title ?? ''}`}
    </span>
  );
}

function Deadline({ obligation, row, now }: { obligation: Obligation; row: BoardRow; now: number }) {
  return (
    <>
      <StageNote obligation={obligation} />
      <DeadlineText obligation={obligation} row={row} now={now} />
    </>
  );
}

function DeadlineText({ obligation, row, now }: { obligation: Obligation; row: BoardRow; now: number }) {
  const { deadline } = obligation;
  if (deadline.state === 'fixed' && deadline.due !== null) {
    const at = <time dateTime={deadline.due}>{formatAt(deadline.due)}</time>;
    if (isSettled(row.status) || allStagesSent(obligation)) {
      return (
        <span className="obl-when obl-when--calm">
          <span className="obl-when__abs">Was due {at}</span>
          {row.status?.status === 'sent' && row.status.sentAt !== null && (
            <span className="obl-when__note">{sentAgainst(row.status.sentAt, deadline.due)}</span>
          )}
        </span>
      );
    }
    const left = countdown(deadline.due, now);
    return (
      <span className="obl-when">
        <span className={`obl-countdown obl-countdown--${left.urgency}`}>{left.text}</span>
        <span className="obl-when__abs">{at}</span>
      </span>
    );
  }
  if (deadline.state === 'waiting') {
    return (
      <span className="obl-when">
        <span className="obl-when__label">Waiting</span>
        <span className="obl-when__wording">{deadline.wording}</span>
      </span>
    );
  }
  return (
    <span className="obl-when">
      <span className="obl-when__wording">{deadline.wording}</span>
      {deadline.suggested !== null && (
        <span className="obl-when__suggested">
          <span className="obl-internal">Internal</span> suggested target{' '}
          <time dateTime={deadline.suggested}>{formatAt(deadline.suggested)}</time>
          <span className="obl-when__note"> (not a legal deadline)</span>
        </span>
      )}
    </span>
  );
}

function sentAgainst(sentAt: string, due: string): string {
  const late = Date.parse(sentAt) - Date.parse(due);
  return late <= 0 ? 'sent before the deadline' : `sent ${formatSpan(late)} after the deadline`;
}

/** "Affected Texas residents": recipient names open a line here. */
function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
