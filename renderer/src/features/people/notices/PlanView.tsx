import { useId, useState } from 'react';
import { NOTICE_FORMATS, type NoticePlan } from '../../../../../shared/domain/notices';
import type { LetterRecord } from '../../../../../shared/domain/letters';
import { formatCount } from '../../../../../shared/text/count';
import { plural } from '../../../../../shared/text/plural';
import { Button } from '../../../components/Button';
import { useRunningJob } from '../../../jobs/job-store';
import { goToLetter, goToNotice } from '../../overview/go-to';
import { usePeopleView } from '../people-view';
import {
  FORMAT_HINTS,
  FORMAT_LABELS,
  byJurisdictionName,
  jurisdictionLabel,
  languageLabel,
  sortedCounts,
  templateLabel,
} from './format';
import { useNoticesStore } from './notices-store';
import { TableScroll } from './TableScroll';

/**
 * The plan: the format, then what a run would do, as counts, before anything is written; what
 * stops it, one sentence each; and Write notices…, which stays disabled while anything does.
 */
export function PlanView() {
  const format = useNoticesStore((state) => state.format);
  const setFormat = useNoticesStore((state) => state.setFormat);
  const plan = useNoticesStore((state) => state.plan);
  const error = useNoticesStore((state) => state.planError);
  const letters = useNoticesStore((state) => state.letters);
  const write = useNoticesStore((state) => state.write);
  const job = useRunningJob('notices');
  const showTab = usePeopleView((state) => state.showTab);
  const [writeError, setWriteError] = useState<string | null>(null);
  const id = useId();

  async function start(): Promise<void> {
    setWriteError(null);
    setWriteError(await write());
  }

  const blocked = plan === null || plan.blockers.length > 0;

  return (
    <section className="panel notices-block" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="panel__subtitle">
        Plan
      </h4>
      <fieldset className="choice-group notices-format">
        <legend className="field__label">Format</legend>
        {NOTICE_FORMATS.map((value) => (
          <label key={value} className="check">
            <input
              type="radio"
              name={`${id}-format`}
              value={value}
              checked={format === value}
              disabled={job !== null}
              onChange={() => setFormat(value)}
            />
            {FORMAT_LABELS[value]}
          </label>
        ))}
        <p className="field__hint">{FORMAT_HINTS[format]}</p>
      </fieldset>
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {plan === null && error === null && (
        <p className="muted" role="status">
          Working out the plan from the roster…
        </p>
      )}
      {plan !== null && plan.people === 0 && (
        <div className="empty">
          <p>
            Notices are written for the people in the roster, and the roster is empty. Import the exposed
            dataset on the Roster tab first.
          </p>
          <Button onClick={() => showTab('roster')}>Go to the Roster tab</Button>
        </div>
      )}
      {plan !== null && plan.people > 0 && <PlanCounts plan={plan} letters={letters ?? []} />}
      {plan !== null && plan.blockers.length > 0 && (
        <ul
          className="notice notice--fail notices-blockers"
          aria-label="Why the notices cannot be written yet"
        >
          {plan.blockers.map((blocker) => (
            <li key={blocker}>{blocker}</li>
          ))}
        </ul>
      )}
      <div className="notices-actions">
        <Button variant="primary" disabled={blocked || job !== null} onClick={() => void start()}>
          Write notices…
        </Button>
        {plan !== null && !blocked && (
          <span className="muted">
            {plural(plan.toNotify, 'notice')} as {FORMAT_LABELS[plan.format]}, into a new or empty folder.
          </span>
        )}
      </div>
      {writeError !== null && (
        <p className="inline-error" role="alert">
          {writeError}
        </p>
      )}
    </section>
  );
}

function PlanCounts({ plan, letters }: { plan: NoticePlan; letters: readonly LetterRecord[] }) {
  const id = useId();
  const jurisdictions = byJurisdictionName(plan.byJurisdiction);
  return (
    <>
      <dl className="roster-counts roster-counts--large num" aria-label="Plan counts">
        <Count label="People affected" value={plan.people} />
        <Count label="To notify" value={plan.toNotify} />
        <Count label="By e-mail" value={plan.byChannel.email} />
        <Count label="By post" value={plan.byChannel.post} />
        <Count label="Unreachable" value={plan.byChannel.unreachable} />
      </dl>
      <dl className="roster-counts num" aria-label="Not in this run">
        <Count label="No notice reaches them" value={plan.noObligation} />
        <Count label="Already notified" value={plan.alreadyNotified} />
        <Count label="No channel left (substitute notice)" value={plan.noChannelLeft} />
        <Count label="E-mails not used (breached mailbox)" value={plan.emailBarred} />
        {plan.format === 'pdf' && <Count label="Left for an e-mail run" value={plan.leftForEmail} />}
      </dl>

      {plan.withoutLetter.length > 0 && (
        <section className="notices-group" aria-labelledby={`${id}-without`}>
          <h5 id={`${id}-without`} className="notices-group__title">
            Notices with no approved letter yet
          </h5>
          <p className="muted">
            These people get no notice until a letter answering their notice is approved.
          </p>
          <ul className="notices-list">
            {plan.withoutLetter.map((row) => (
              <WithoutLetter key={row.ruleId} row={row} letters={letters} />
            ))}
          </ul>
        </section>
      )}

      {plan.decisionNeeded.length > 0 && (
        <section className="notices-group" aria-labelledby={`${id}-decision`}>
          <h5 id={`${id}-decision`} className="notices-group__title">
            Decision needed
          </h5>
          <p className="muted">
            Whether these notices are owed waits on a decision on the Obligations board.
          </p>
          <ul className="notices-list">
            {plan.decisionNeeded.map((row) => (
              <li key={row.ruleId} className="notices-list__item" aria-labelledby={`${id}-${row.ruleId}`}>
                <span id={`${id}-${row.ruleId}`} className="notices-list__title">
                  {row.title}
                </span>
                <span className="num muted">{plural(row.people, 'person', 'people')}</span>
                <Button small onClick={() => goToNotice(row.ruleId, row.title)}>
                  Go to the decision
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {plan.toNotify > 0 && (
        <div className="roster__grid">
          <CountTable
            caption="By letter template"
            head="Letter template"
            rows={sortedCounts(plan.byTemplate).map(([key, count]) => [templateLabel(plan, key), count])}
          />
          <CountTable
            caption="By language"
            head="Language"
            rows={sortedCounts(plan.byLanguage).map(([key, count]) => [languageLabel(key), count])}
          />
        </div>
      )}

      {jurisdictions.length > 0 && (
        <TableScroll label="Notices by jurisdiction">
          <table className="data-table">
            <caption className="notices-caption">Notices by jurisdiction</caption>
            <thead>
              <tr>
                <th scope="col">Jurisdiction</th>
                <th scope="col" className="num">
                  People
                </th>
                <th scope="col" className="num">
                  E-mail
                </th>
                <th scope="col" className="num">
                  Post
                </th>
                <th scope="col" className="num">
                  Unreachable
                </th>
              </tr>
            </thead>
            <tbody>
              {jurisdictions.map(([code, row]) => (
                <tr key={code}>
                  <th scope="row">{jurisdictionLabel(code)}</th>
                  <td className="num">{formatCount(row.people)}</td>
                  <td className="num">{formatCount(row.email)}</td>
                  <td className="num">{formatCount(row.post)}</td>
                  <td className="num">{formatCount(row.unreachable)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      {plan.offer !== null && (
        <dl className="roster-counts num" aria-label="Offer">
          <Count label="Offered the service" value={plan.offer.offered} />
          <Count label="Already holding a code" value={plan.offer.alreadyAssigned} />
          <Count label="Codes needed" value={plan.offer.needed} />
          <Count label="Codes available" value={plan.offer.available} />
        </dl>
      )}
    </>
  );
}

function WithoutLetter({
  row,
  letters,
}: {
  row: NoticePlan['withoutLetter'][number];
  letters: readonly LetterRecord[];
}) {
  const id = useId();
  const letter =
    letters.find(
      (l) => l.obligationRuleId === row.ruleId && (l.status === 'draft' || l.status === 'in_review'),
    ) ?? null;
  return (
    <li className="notices-list__item" aria-labelledby={id}>
      <span id={id} className="notices-list__title">
        {row.title}
      </span>
      <span className="muted">{jurisdictionLabel(row.jurisdiction)}</span>
      <span className="num muted">{plural(row.people, 'person', 'people')}</span>
      {letter === null ? (
        <Button small onClick={() => goToNotice(row.ruleId, row.title)}>
          Draft its letter on the Obligations board
        </Button>
      ) : (
        <Button small onClick={() => goToLetter(letter.id)}>
          {letter.status === 'in_review' ? 'Open the letter in review' : 'Open the draft letter'}
        </Button>
      )}
    </li>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{formatCount(value)}</dd>
    </div>
  );
}

function CountTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string;
  rows: readonly (readonly [string, number])[];
}) {
  return (
    <TableScroll label={caption}>
      <table className="data-table">
        <caption className="notices-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" className="num">
              People
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, count]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="num">{formatCount(count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
