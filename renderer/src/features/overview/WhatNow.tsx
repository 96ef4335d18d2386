import { useId, useState, type ReactNode } from 'react';
import { weekdayTimeInZoneText } from '../../../../shared/time/zoned-time';
import {
  elapsedFraction,
  type OverviewDecision,
  type OverviewNotice,
  type OverviewWhatNow,
} from '../../../../shared/domain/overview';
import { formatCount } from '../../../../shared/text/count';
import { Button } from '../../components/Button';
import { userTimeZone } from '../../lib/zoned-display';
import { countdown, placeOf, useNow } from '../obligations/format';
import { goToDecision, goToField, goToNotice, takeNextStep } from './go-to';
import { REGIME_DECISION_INFO } from '../../../../shared/obligations/regime-decisions';
import './overview.css';

const STAGE_LABELS = {
  todo: 'To do',
  drafting: 'Drafting',
  approved: 'Approved',
  sent: 'Sent',
} as const;

/** "Thu, 19 Nov 2020, 09:30 CET": weekday and local time in the case's zone. */
export const formatDeadline = weekdayTimeInZoneText;

/**
 * The Overview's first screenful: what is owed and how far along it is, the next three deadlines,
 * the decisions and facts still missing (each a link to its field), and one primary action.
 */
export function WhatNow({ whatNow, actions }: { whatNow: OverviewWhatNow; actions?: ReactNode }) {
  const headingId = useId();
  const now = useNow();
  const zone = whatNow.zone ?? userTimeZone();
  const { counts } = whatNow;
  const overdue = whatNow.notices.filter((n) => n.due !== null && Date.parse(n.due) <= now).length;

  return (
    <section className="panel what-now" aria-labelledby={headingId}>
      <div className="what-now__head">
        <h3 id={headingId} className="panel__title">
          What now
        </h3>
        <div className="what-now__actions">
          <NextStep whatNow={whatNow} />
          {actions}
        </div>
      </div>

      <div className="what-now__grid">
        <section className="what-now__block" aria-label="Notices">
          <h4 className="panel__subtitle">Notices</h4>
          {counts.owed === 0 ? (
            <p className="muted">
              {counts.decisionNeeded > 0
                ? 'No notice is owed yet: it turns on the decisions below.'
                : whatNow.factsMissing.length > 0
                  ? 'Not known yet: the facts below are missing.'
                  : 'Nothing is owed on these facts.'}
            </p>
          ) : (
            <>
              <p className="what-now__progress num">
                <strong>
                  {formatCount(counts.sent)} of {formatCount(counts.owed)} sent
                </strong>
              </p>
              <div
                className="what-now__bar"
                role="img"
                aria-label={`${formatCount(counts.sent)} of ${formatCount(counts.owed)} notices sent`}
              >
                <span style={{ width: `${(100 * counts.sent) / counts.owed}%` }} />
              </div>
              <ul className="what-now__counts" aria-label="Notices by state">
                <li className={overdue > 0 ? 'what-now__count what-now__count--overdue' : 'what-now__count'}>
                  <span className="num">{formatCount(overdue)}</span> overdue
                </li>
                <li className="what-now__count">
                  <span className="num">{formatCount(counts.todo)}</span> to do
                </li>
                <li className="what-now__count">
                  <span className="num">{formatCount(counts.drafting)}</span> drafting
                </li>
                <li className="what-now__count">
                  <span className="num">{formatCount(counts.approved)}</span> approved
                </li>
                <li className="what-now__count">
                  <span className="num">{formatCount(counts.sent)}</span> sent
                </li>
              </ul>
              {counts.notRequired > 0 && (
                <p className="muted num">{formatCount(counts.notRequired)} decided not required.</p>
              )}
            </>
          )}
        </section>

        <section className="what-now__block" aria-label="Next deadlines">
          <h4 className="panel__subtitle">Next deadlines</h4>
          {whatNow.nextDeadlines.length === 0 ? (
            <p className="muted">No fixed deadline is running.</p>
          ) : (
            <ol className="what-now__deadlines">
              {whatNow.nextDeadlines.map((notice) => (
                <Deadline key={notice.ruleId} notice={notice} now={now} zone={zone} />
              ))}
            </ol>
          )}
        </section>

        <section className="what-now__block" aria-label="Decisions needed">
          <h4 className="panel__subtitle">Decisions needed</h4>
          {whatNow.decisions.length === 0 ? (
            <p className="muted">None open.</p>
          ) : (
            <ul className="what-now__links">
              {whatNow.decisions.map((decision) => (
                <li key={decision.regimeDecision ?? decision.jurisdiction ?? 'gdpr'}>
                  <button type="button" className="link-button" onClick={() => goToDecision(decision)}>
                    {decisionLabel(decision)}
                  </button>
                  <span className="what-now__why">
                    Decides{' '}
                    {decision.notices.length === 1 ? 'one notice' : `${decision.notices.length} notices`}.
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="what-now__block" aria-label="Facts missing">
          <h4 className="panel__subtitle">Facts missing</h4>
          {whatNow.factsMissing.length === 0 ? (
            <p className="muted">None: the rules have what they need.</p>
          ) : (
            <ul className="what-now__links">
              {whatNow.factsMissing.map((fact) => (
                <li key={fact.field}>
                  <button type="button" className="link-button" onClick={() => goToField(fact.field)}>
                    {fact.label}
                  </button>
                  <span className="what-now__why">{fact.why}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </section>
  );
}

function Deadline({ notice, now, zone }: { notice: OverviewNotice; now: number; zone: string }) {
  if (notice.due === null) return null;
  const left = countdown(notice.due, now);
  const fraction = elapsedFraction(notice.clockAt, notice.due, now);
  const percent = fraction === null ? null : Math.round(fraction * 100);
  return (
    <li className={`what-now__deadline what-now__deadline--${left.urgency}`}>
      <div className="what-now__deadline-line">
        <button
          type="button"
          className="link-button what-now__deadline-name"
          title={notice.title}
          onClick={() => goToNotice(notice.ruleId, notice.title)}
        >
          {notice.short}
        </button>
        <span className="what-now__countdown">{left.text}</span>
        <span className="what-now__stage">{STAGE_LABELS[notice.stage]}</span>
      </div>
      {percent !== null && (
        <div
          className="what-now__clock"
          role="progressbar"
          aria-label={`Clock of ${notice.short} elapsed`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${percent} % of the clock elapsed`}
        >
          <span style={{ width: `${percent}%` }} />
        </div>
      )}
      <div className="what-now__when">
        <time dateTime={notice.due}>{formatDeadline(notice.due, zone)}</time>
        {percent !== null && <span className="num"> · {percent} % elapsed</span>}
      </div>
    </li>
  );
}

/** The one primary action: the next step for the most urgent notice. */
function NextStep({ whatNow }: { whatNow: OverviewWhatNow }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const step = whatNow.nextStep;
  const reasonId = useId();
  if (step === null) return <p className="muted">Nothing to do next: every notice owed is sent.</p>;
  const notice = whatNow.notices.find((n) => n.ruleId === step.ruleId) ?? null;

  async function run(): Promise<void> {
    if (step === null) return;
    setBusy(true);
    setFailure(null);
    const failed = await takeNextStep(step, notice?.title ?? null);
    setBusy(false);
    setFailure(failed);
  }

  return (
    <div className="what-now__next">
      <Button variant="primary" aria-describedby={reasonId} disabled={busy} onClick={() => void run()}>
        {step.label}
      </Button>
      <p id={reasonId} className="what-now__reason">
        Next step: {step.reason}
      </p>
      {failure !== null && (
        <p className="inline-error" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}

/** What a decision is called in the list: the regime's own name, the GDPR risk, or a state's harm test. */
function decisionLabel(decision: OverviewDecision): string {
  if (decision.kind === 'regime' && decision.regimeDecision !== null)
    return REGIME_DECISION_INFO[decision.regimeDecision].label;
  if (decision.kind === 'gdpr_risk') return 'GDPR risk decision';
  return `Harm decision: ${placeOf(decision.jurisdiction ?? '')}`;
}
