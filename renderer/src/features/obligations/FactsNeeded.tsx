import { useId } from 'react';
import type { ObligationsBoard as Board } from '../../stores/obligations-store';
import './facts-needed.css';
import { countdown, formatAt, placeOf } from './format';
import { goToField } from './go-to-field';

type FactNeeded = Board['factsNeeded'][number];
type Pending = Board['pending'][number];

const SHOWN_RULES = 3;

/** "Art. 33 …, Art. 34 … and 170 more rules". */
function rulesText(rules: FactNeeded['rules']): string {
  const titles = rules.slice(0, SHOWN_RULES).map((r) => r.title);
  const more = rules.length - titles.length;
  if (more === 0) return titles.join('; ');
  return `${titles.join('; ')} and ${more.toLocaleString('en-US')} more ${more === 1 ? 'rule' : 'rules'}`;
}

/**
 * The facts the rules wait on, first on the board: each says why it is needed and which rules
 * wait, and its link opens the field where it is entered with the keyboard on it.
 */
export function FactsNeededList({ facts }: { facts: Board['factsNeeded'] }) {
  const id = useId();
  if (facts.length === 0) return null;
  return (
    <section className="obl-needed" aria-labelledby={id}>
      <h3 className="obl-needed__title" id={id}>
        Facts needed ({facts.length})
      </h3>
      <p className="obl-needed__why">
        These facts are not recorded, so the rules below cannot all be answered yet. Until they are, the board
        cannot say that nothing is owed.
      </p>
      <ul className="obl-needed__list" aria-label="Facts needed">
        {facts.map((fact) => (
          <li key={fact.fact} className="obl-needed__item">
            <span>
              <button type="button" className="link-button" onClick={() => goToField(fact.field)}>
                Record the {fact.label.toLowerCase()}
              </button>{' '}
              <span className="muted">({fact.field.startsWith('people.') ? 'People & data' : 'Facts'})</span>
            </span>
            <p className="obl-needed__why">{fact.why}</p>
            <p className="obl-needed__rules">
              Waiting on it ({fact.rules.length.toLocaleString('en-US')}): {rulesText(fact.rules)}.
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

const WAITING_NAMES: Record<Pending['waitingOn'][number], string> = {
  awareAt: 'the awareness time',
  discoveredAt: 'the discovery time',
  establishment: 'the main establishment',
  populations: 'the people affected',
  dataElements: 'the data involved',
};

/**
 * The notices keyed to the organisation's establishment (GDPR Art. 33) whose clock already runs
 * while the people and data are not recorded: the deadline that would apply, marked pending.
 */
export function PendingList({ pending, now }: { pending: Board['pending']; now: number }) {
  const id = useId();
  if (pending.length === 0) return null;
  return (
    <section className="obl-needed" aria-labelledby={id}>
      <h3 className="obl-needed__title" id={id}>
        Clock running, pending the facts above
      </h3>
      <ul className="obl-needed__list" aria-label="Deadlines pending the missing facts">
        {pending.map((entry) => {
          const due = entry.deadline.due;
          const left = due === null ? null : countdown(due, now);
          return (
            <li key={entry.ruleId} className="obl-needed__item">
              <span>
                <strong>{entry.title}</strong> <span className="kind-tag">{placeOf(entry.jurisdiction)}</span>
              </span>
              <p className="obl-needed__why">
                To {entry.recipient.name}.{' '}
                {due === null || left === null ? (
                  entry.deadline.wording
                ) : (
                  <>
                    Would be due <span className="obl-pending__due">{formatAt(due)}</span> ({left.text}).
                  </>
                )}
              </p>
              <p className="obl-needed__rules">
                Pending: owed only if {entry.waitingOn.map((fact) => WAITING_NAMES[fact]).join(' and ')}, once
                recorded, bring it into scope. {entry.deadline.reckoning ?? entry.deadline.wording}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
