import { useEffect, useId } from 'react';
import { useObligationsStore, type ObligationsBoard as Board } from '../../stores/obligations-store';
import { DecisionNeededList } from './DecisionNeeded';
import { FactsNeededList, PendingList } from './FactsNeeded';
import { ObligationRow } from './ObligationRow';
import { VerifyChip } from './VerifyChip';
import { placeOf, useNow } from './format';
import { IsoDateInput } from '../../components/IsoDateInput';

/**
 * The facts the rules wait on (first: without them nothing can be said to be owed), the notices
 * waiting for a risk decision; every notice the engine says is owed (soonest first),
 * with live countdowns; and the rules that are not owed.
 */
export function ObligationsBoard() {
  const board = useObligationsStore((state) => state.board);
  const error = useObligationsStore((state) => state.error);
  const load = useObligationsStore((state) => state.load);
  const now = useNow();

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="obl-board">
      {error !== null && (
        <p className="notice notice--fail" role="alert">
          {error}
        </p>
      )}
      {board === null ? (
        error === null && <p className="empty">Working out the obligations…</p>
      ) : (
        <>
          {/* First of all: a missing fact keeps every answer below from being final. */}
          <FactsNeededList facts={board.factsNeeded} />
          <PendingList pending={board.pending} now={now} />
          <LawLine board={board} />
          {/* First: a decision decides what else is owed, so it is not left below the list. */}
          <DecisionNeededList entries={board.decisionNeeded} />
          <UncoveredList board={board} />
          {board.rows.length === 0 && board.factsNeeded.length > 0 ? (
            <p className="empty">
              No notice can be said to be owed yet: record the facts needed above, and what is owed is worked
              out from them.
            </p>
          ) : board.rows.length === 0 && board.decisionNeeded.length > 0 ? (
            <p className="empty">Nothing is owed yet: what is owed depends on the risk decision above.</p>
          ) : board.rows.length === 0 ? (
            <p className="empty">
              Nothing is owed on these facts. Record the people affected by jurisdiction and the data involved
              (People & data) and the awareness time (Facts); the rules considered are listed below with the
              reason each does not apply.
            </p>
          ) : (
            <ul className="obl-list" aria-label="Obligations, soonest deadline first">
              {board.rows.map((row) => (
                <ObligationRow key={row.ruleId} row={row} now={now} />
              ))}
            </ul>
          )}
          <NotTriggeredList board={board} />
        </>
      )}
    </div>
  );
}

/** "Law as of" (the discovery date unless changed) and the rule pack on one line, its disclaimer under them. */
function LawLine({ board }: { board: Board }) {
  const chosen = useObligationsStore((state) => state.asOf);
  const setAsOf = useObligationsStore((state) => state.setAsOf);
  const id = useId();

  return (
    <div className="obl-law">
      <div className="obl-law__date">
        <label htmlFor={id} className="obl-law__label">
          Law as of
        </label>
        <IsoDateInput
          id={id}
          className="field__control obl-law__input"
          value={chosen ?? board.defaultAsOf}
          aria-describedby={`${id}-hint`}
          onChange={(event) => void setAsOf(event.target.value === '' ? null : event.target.value)}
        />
        <span className="obl-law__hint" id={`${id}-hint`}>
          {board.asOf === board.defaultAsOf
            ? 'the day the breach was discovered'
            : `the breach was discovered on ${board.defaultAsOf}`}
        </span>
        {board.asOf !== board.defaultAsOf && (
          <button
            type="button"
            className="link-button"
            aria-label="Reset law as of to the discovery date"
            onClick={() => void setAsOf(null)}
          >
            Reset
          </button>
        )}
        <span className="obl-law__pack-id">
          Rule pack {board.packId} {board.packVersion}
        </span>
      </div>
      <p className="obl-law__disclaimer">{board.disclaimer}</p>
    </div>
  );
}

/**
 * People in jurisdictions no rule of the pack reads: named with what the pack knows (a territory
 * without a breach law), so silence is never taken for "nothing owed there".
 */
function UncoveredList({ board }: { board: Board }) {
  if (board.uncovered.length === 0) return null;
  return (
    <section className="notice notice--warn obl-uncovered" aria-label="Jurisdictions without rules">
      <p>
        <strong>Not covered by the rule pack.</strong> Affected people are recorded where the pack has no
        rules; nothing below speaks for them:
      </p>
      <ul className="obl-plain-list">
        {board.uncovered.map((entry) => (
          <li key={entry.jurisdiction}>
            {placeOf(entry.jurisdiction)} ({entry.residents.toLocaleString('en-US')}{' '}
            {entry.residents === 1 ? 'person' : 'people'}): {entry.note}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The rules considered that owe nothing here, each with the engine's reason, so legal can check it. */
function NotTriggeredList({ board }: { board: Board }) {
  const rules = board.notTriggered;
  const id = useId();
  return (
    <details className="obl-not" aria-labelledby={id}>
      <summary className="obl-not__summary" id={id}>
        Not triggered ({rules.length})
      </summary>
      {rules.length === 0 ? (
        <p className="empty">Every rule of the pack applies to this case.</p>
      ) : (
        <ul className="obl-not__list" aria-label="Rules not triggered">
          {rules.map((rule) => (
            <li key={rule.ruleId} className="obl-not__item">
              <span className="obl-not__title">
                {rule.title} <span className="kind-tag">{placeOf(rule.jurisdiction)}</span>
                {rule.verification === 'unverified' && (
                  <>
                    {' '}
                    <VerifyChip />
                  </>
                )}
              </span>
              <span className="obl-not__reason">{rule.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
