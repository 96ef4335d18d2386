import { useId } from 'react';
import type { BoardDecision } from '../../../../shared/domain/obligation-status';
import type { OpenDecision } from '../../../../shared/obligations/obligation';
import { Button } from '../../components/Button';
import { useHarmStore } from '../../stores/harm-store';
import { useObligationsStore } from '../../stores/obligations-store';
import { RISK_TEXT } from '../severity/wording';
import { VerifyChip } from './VerifyChip';
import { goToField } from './go-to-field';
import { placeOf, statusText } from './format';

/**
 * Takes the user to the severity view's risk decision, where a person confirms a level and says
 * why; for a US state's harm test, opens the dialog recording that jurisdiction's decision.
 * Every such button does the same thing, so they share one name; the notice it is for
 * describes it (its name does not repeat the notice's title, which names the notice's own row).
 */
function DecideButton({ decision, describedBy }: { decision: OpenDecision; describedBy?: string }) {
  const requestDecision = useObligationsStore((state) => state.requestDecision);
  const editHarm = useHarmStore((state) => state.edit);
  const { jurisdiction, regimeDecision } = decision;
  if (decision.kind === 'regime' && regimeDecision !== null) {
    return (
      <Button
        small
        variant="primary"
        aria-describedby={describedBy}
        onClick={() => goToField(`facts.decisions.${regimeDecision}`)}
      >
        Record the decision…
      </Button>
    );
  }
  if (decision.kind === 'state_harm' && jurisdiction !== null) {
    return (
      <Button small variant="primary" aria-describedby={describedBy} onClick={() => editHarm(jurisdiction)}>
        Record the harm decision…
      </Button>
    );
  }
  return (
    <Button small variant="primary" aria-describedby={describedBy} onClick={requestDecision}>
      Make the risk decision
    </Button>
  );
}

/**
 * What the severity calculator suggests, never presented as the decision; for a state's harm
 * test, the law's test and citation instead (no calculator suggests that decision).
 */
function SuggestionText({ decision }: { decision: OpenDecision }) {
  if (decision.kind === 'state_harm' || decision.kind === 'regime') {
    return (
      <span className="obl-decision__suggestion">
        The law&rsquo;s test{decision.citation === null ? '' : ` (${decision.citation})`}:{' '}
        {decision.test ?? ''}
      </span>
    );
  }
  if (decision.suggestion === null) {
    return <span className="obl-decision__suggestion">No suggestion yet: assess the severity for one.</span>;
  }
  return (
    <span className="obl-decision__suggestion">
      Suggested by the severity calculator:{' '}
      <strong>{RISK_TEXT[decision.suggestion].label.toLowerCase()}</strong> (not confirmed)
    </span>
  );
}

/**
 * The notices that are neither owed nor not owed until a person confirms the risk decision
 * (GDPR Art. 34 on a high risk) or a state's harm decision (a harm test that is a condition of
 * notice): shown apart, never in the "not triggered" list.
 */
export function DecisionNeededList({ entries }: { entries: readonly BoardDecision[] }) {
  const id = useId();
  if (entries.length === 0) return null;
  return (
    <section className="obl-decisions" aria-labelledby={id}>
      <h3 id={id} className="obl-decisions__heading">
        Decision needed ({entries.length})
      </h3>
      <ul className="obl-decisions__list" aria-label="Notices waiting for a decision">
        {entries.map((entry) => (
          <DecisionCard key={entry.ruleId} entry={entry} />
        ))}
      </ul>
    </section>
  );
}

function DecisionCard({ entry }: { entry: BoardDecision }) {
  const id = useId();
  return (
    <li
      className="obl-decision"
      aria-labelledby={`${id}-title`}
      data-search-target={`obligation:${entry.ruleId}`}
    >
      <div className="obl-decision__head">
        <span className="obl-decision__mark">Decision needed</span>
        <span id={`${id}-title`} className="obl-decision__title">
          {entry.title}
        </span>
        <span className="obl-row__tags">
          <span className="kind-tag">{placeOf(entry.jurisdiction)}</span>
          {entry.verification === 'unverified' && <VerifyChip />}
        </span>
      </div>
      <p className="obl-decision__text">
        {entry.decision.question} {entry.decision.reason}
      </p>
      <div className="obl-decision__actions">
        <SuggestionText decision={entry.decision} />
        <DecideButton decision={entry.decision} describedBy={`${id}-title`} />
      </div>
      {entry.status !== null && (
        <p className="obl-decision__status small muted">
          Status recorded earlier, kept: {statusText(entry.status)}
        </p>
      )}
    </li>
  );
}

/** On an owed notice that a decision could still lift (Art. 33's "unlikely" exemption). */
export function OpenDecisionNote({ decision, title }: { decision: OpenDecision; title: string }) {
  return (
    <div className="obl-review obl-open-decision" role="note" aria-label={`Decision needed for ${title}`}>
      <p className="obl-open-decision__text">
        <span className="obl-review__mark">Decision needed</span> {decision.reason}
      </p>
      <div className="obl-decision__actions">
        <SuggestionText decision={decision} />
        <DecideButton decision={decision} />
      </div>
    </div>
  );
}
