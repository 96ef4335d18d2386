import { useState } from 'react';
import type { BoardRow } from '../../../../shared/domain/obligation-status';
import type { ContentItem } from '../../../../shared/obligations/rule-pack';
import type { Obligation } from '../../../../shared/obligations/obligation';
import { Button } from '../../components/Button';
import { useObligationsStore, type StatusInput } from '../../stores/obligations-store';
import { clockText, formatAt, statusText } from './format';
import { populationSource } from './population-source';
import { VerifyChip } from './VerifyChip';
import { SourceLine, letterText, useOpenLetter } from './NoticeLetter';
import { MarkSentDialog } from '../../components/MarkSentDialog';
import { NotRequiredDialog } from './StatusDialogs';
import { LinkedTasks } from '../tasks-notes/LinkedTasks';
import { ObligationStages } from './ObligationStages';
import { AnswerSheets } from './AnswerSheet';

const RELATIONS: Record<Obligation['order'][number]['relation'], string> = {
  before: 'Before',
  no_later_than: 'No later than',
  after: 'After',
};

/** Why a notice is owed, its clock, ordering, content, sources, and its status with the actions that change it. */
export function ObligationDetail({ row, title }: { row: BoardRow; title: string }) {
  const obligation = row.obligation;
  return (
    <div className="obl-detail">
      {obligation === null ? (
        <dl className="obl-facts">
          <dt>No longer owed</dt>
          <dd>{row.notTriggered?.reason ?? 'The rule does not apply to the facts recorded now.'}</dd>
        </dl>
      ) : (
        <ObligationFacts obligation={obligation} row={row} />
      )}
      <ObligationStages row={row} title={title} />
      <NoticeLetters row={row} title={title} />
      <AnswerSheets row={row} title={title} />
      <StatusControls row={row} title={title} />
      <LinkedTasks row={row} title={title} />
    </div>
  );
}

function ObligationFacts({ obligation, row }: { obligation: Obligation; row: BoardRow }) {
  const { deadline } = obligation;
  const clock = clockText(deadline);
  const people = populationSource(obligation.population);
  return (
    <>
      <dl className="obl-facts">
        <dt>Why it applies</dt>
        <dd>{obligation.why}</dd>
        {people !== null && (
          <>
            <dt>People counted</dt>
            <dd className="obl-people-source num">{people}</dd>
          </>
        )}
        <dt>Recipient</dt>
        <dd>
          {obligation.recipient.name}
          {obligation.recipient.channel !== '' && (
            <span className="obl-muted"> · {obligation.recipient.channel}</span>
          )}
        </dd>
        <dt>Deadline</dt>
        <dd>
          {deadline.due !== null && (
            <>
              <time dateTime={deadline.due}>{formatAt(deadline.due)}</time>
              <br />
            </>
          )}
          <span className="obl-muted">{deadline.wording}</span>
          {deadline.state === 'undetermined' && deadline.suggested !== null && (
            <span className="obl-when__suggested">
              <span className="obl-internal">Internal</span> suggested target{' '}
              <time dateTime={deadline.suggested}>{formatAt(deadline.suggested)}</time> (not a legal deadline)
            </span>
          )}
        </dd>
        <dt>Clock</dt>
        <dd>{clock ?? (deadline.state === 'waiting' ? 'Not started yet.' : 'The law sets no clock.')}</dd>
        {obligation.order.length > 0 && (
          <>
            <dt>Order</dt>
            <dd>
              <ul className="obl-plain-list">
                {obligation.order.map((o) => (
                  <li key={`${o.relation}-${o.ruleId}`}>
                    {RELATIONS[o.relation]} {o.title}: <span className="obl-muted">{o.wording}</span>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {obligation.substituteNotice !== null && (
          <>
            <dt>Substitute notice</dt>
            <dd>
              {obligation.substituteNotice.text}{' '}
              <cite className="obl-cite">{obligation.substituteNotice.citation}</cite>
            </dd>
          </>
        )}
        <dt>Law</dt>
        <dd>
          {obligation.law} · {obligation.citation}
        </dd>
        <dt>Verification</dt>
        <dd>
          {obligation.verification === 'unverified' ? (
            <VerifyChip />
          ) : (
            <span>Verified against the sources</span>
          )}
          <span className="obl-muted"> · last reviewed {obligation.lastReviewed}</span>
        </dd>
        <dt>In force</dt>
        <dd>{inForce(obligation)}</dd>
        <dt>Letter template</dt>
        <dd>
          {row.template === null ? (
            <span className="obl-muted">{row.templateUnavailable ?? 'None'}</span>
          ) : (
            <>
              {row.template.title}
              {row.template.generic && (
                <span className="obl-muted"> · generic, checked against this notice’s required content</span>
              )}
            </>
          )}
        </dd>
        {row.sources.length > 0 && (
          <>
            <dt>Sources</dt>
            <dd>
              <ul className="notice-sources" aria-label="Sources">
                {row.sources.map((source) => (
                  <SourceLine key={source.key} source={source} />
                ))}
              </ul>
            </dd>
          </>
        )}
        {obligation.note !== '' && (
          <>
            <dt>Note</dt>
            <dd>{obligation.note}</dd>
          </>
        )}
      </dl>
      <ContentList title="Required content" items={obligation.requiredContent} />
      <ContentList title="Must not contain" items={obligation.prohibitedContent} />
    </>
  );
}

/** The letters drafted for this notice, each with its version and state and a way to open it. */
function NoticeLetters({ row, title }: { row: BoardRow; title: string }) {
  const open = useOpenLetter();
  return (
    <section className="obl-content" aria-label={`Letters for ${title}`}>
      <h4 className="obl-content__title">Letters</h4>
      {row.letters.length === 0 ? (
        <p className="obl-muted">No letter drafted for this notice yet.</p>
      ) : (
        <ul className="notice-letters">
          {row.letters.map((letter) => (
            <li key={letter.id}>
              {letter.title} <span className="obl-muted">· {letterText(letter)}</span>{' '}
              <Button small onClick={() => open(letter.id)} title={`Open the letter ${letter.title}`}>
                Open letter
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function inForce(obligation: Obligation): string {
  const { effectiveFrom: from, effectiveTo: to } = obligation;
  if (from === null && to === null) return 'No end date';
  if (to === null) return `From ${from ?? ''}`;
  if (from === null) return `Until ${to} (replaced from that day)`;
  return `From ${from} until ${to}`;
}

function ContentList({ title, items }: { title: string; items: readonly ContentItem[] }) {
  if (items.length === 0) return null;
  return (
    <section className="obl-content" aria-label={title}>
      <h4 className="obl-content__title">{title}</h4>
      <ul className="obl-content__list">
        {items.map((item) => (
          <li key={item.id}>
            {item.text} <cite className="obl-cite">{item.citation}</cite>
          </li>
        ))}
      </ul>
    </section>
  );
}

type Dialog = 'sent' | 'not_required' | null;

function StatusControls({ row, title }: { row: BoardRow; title: string }) {
  const setStatus = useObligationsStore((state) => state.setStatus);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const current = row.status?.status ?? 'todo';

  async function record(status: StatusInput): Promise<string | null> {
    setBusy(true);
    setFailure(null);
    const problem = await setStatus(row.ruleId, status);
    setBusy(false);
    return problem;
  }

  async function quick(status: 'todo' | 'drafting'): Promise<void> {
    const problem = await record({ status });
    if (problem !== null) setFailure(problem);
  }

  return (
    <div className="obl-status-box">
      <p className="obl-status-box__now">
        <span className="obl-muted">Status: </span>
        <span className={`obl-status obl-status--${current}`}>{statusText(row.status)}</span>
        {row.status !== null && (
          <span className="obl-muted">
            {' '}
            · recorded by {row.status.recordedBy} on {formatAt(row.status.recordedAt)}
            {row.status.pack !== null &&
              ` against rule pack ${row.status.pack.id} ${row.status.pack.version}`}
          </span>
        )}
      </p>
      {row.status !== null && row.status.note !== '' && <p className="obl-muted">{row.status.note}</p>}
      <div className="obl-actions" role="group" aria-label={`Status of ${title}`}>
        <Button small aria-pressed={current === 'todo'} disabled={busy} onClick={() => void quick('todo')}>
          To do
        </Button>
        <Button
          small
          aria-pressed={current === 'drafting'}
          disabled={busy}
          onClick={() => void quick('drafting')}
        >
          Drafting
        </Button>
        <Button small disabled={busy} onClick={() => setDialog('sent')}>
          Mark sent…
        </Button>
        <Button small disabled={busy} onClick={() => setDialog('not_required')}>
          Not required…
        </Button>
      </div>
      {failure !== null && (
        <p className="inline-error" role="alert">
          {failure}
        </p>
      )}
      {dialog === 'sent' && (
        <MarkSentDialog
          heading="Mark sent"
          title={title}
          initialChannel={row.status?.channel || row.obligation?.recipient.channel || ''}
          withNote
          onClose={() => setDialog(null)}
          record={(sentAt, channel, note) => record({ status: 'sent', sentAt, channel, note })}
        />
      )}
      {dialog === 'not_required' && (
        <NotRequiredDialog
          title={title}
          rationale={row.status?.rationale ?? ''}
          onClose={() => setDialog(null)}
          record={record}
        />
      )}
    </div>
  );
}
