import type { Facts } from '../../../../shared/domain/facts';
import {
  REGIME_DECISION_INFO,
  REGIME_DECISIONS,
  type RegimeDecision,
  type RegimeDecisionRecord,
} from '../../../../shared/obligations/regime-decisions';
import type { ZonedTime } from '../../../../shared/time/zoned-time';
import { AutosaveTextField } from '../../components/AutosaveTextField';
import { SelectField } from '../../components/Field';
import { ZonedTimeField } from '../../components/ZonedTimeField';
import { useZoneStore } from '../../stores/zone-store';
import { saveFacts } from './factsSave';

const ANSWER_OPTIONS = [
  { value: '', label: 'Undecided' },
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

const save = (key: RegimeDecision, record: RegimeDecisionRecord | null) =>
  saveFacts(`facts.decisions.${key}`, { decisions: { [key]: record } });

/** Now, in the zone last used for a time: the default moment of a decision just answered. */
function now(zone: string): ZonedTime {
  return {
    utc: new Date().toISOString().replace(/\.\d{3}Z$/, '.000Z'),
    zone,
    precision: 'exact',
    approximate: false,
  };
}

/**
 * The decisions the laws abroad and by sector turn on, each with its date (often the start of
 * the law's clock) and basis. Undecided is never read as "no": the board says "decision needed".
 */
export function DecisionsPanel({ facts }: { facts: Facts }) {
  const lastZone = useZoneStore((state) => state.lastZone);
  return (
    <section className="panel" aria-labelledby="facts-decisions-heading" data-field="facts.decisions">
      <h3 id="facts-decisions-heading" className="panel__title">
        Decisions
      </h3>
      <p className="panel__intro">
        Some notices are owed only once a person decides (the SEC&apos;s materiality, a NIS2 significant
        incident, a DORA major incident, a real risk of significant harm…). Record each decision with the
        moment it was made: where the law counts from it, the deadline runs from that time. Leave it undecided
        until someone has decided.
      </p>
      <div className="decision-list">
        {REGIME_DECISIONS.map((key) => (
          <DecisionRow key={key} decision={key} recorded={facts.decisions[key]} zone={lastZone} />
        ))}
      </div>
    </section>
  );
}

function DecisionRow({
  decision,
  recorded,
  zone,
}: {
  decision: RegimeDecision;
  recorded: RegimeDecisionRecord | undefined;
  zone: string;
}) {
  const info = REGIME_DECISION_INFO[decision];
  return (
    <fieldset className="decision-row" data-field={`facts.decisions.${decision}`}>
      <legend>{info.label}</legend>
      <p className="decision-row__question">{info.question}</p>
      <p className="field__hint">
        {info.explanation} ({info.citation})
      </p>
      <div className="decision-row__fields">
        <SelectField
          label="Answer"
          value={recorded?.answer ?? ''}
          options={ANSWER_OPTIONS}
          onChange={(event) => {
            const answer = event.target.value;
            if (answer !== 'yes' && answer !== 'no') void save(decision, null);
            else void save(decision, { answer, at: recorded?.at ?? now(zone), basis: recorded?.basis ?? '' });
          }}
        />
        {recorded !== undefined && (
          <>
            <ZonedTimeField
              legend="Decided at"
              saveKey={`facts.decisions.${decision}.at`}
              value={recorded.at}
              nullable={false}
              hint={`The moment of ${info.moment}.`}
              save={(at) => (at === null ? Promise.resolve(false) : save(decision, { ...recorded, at }))}
            />
            <AutosaveTextField
              label="Basis"
              saveKey={`facts.decisions.${decision}.basis`}
              stored={recorded.basis}
              rows={2}
              maxLength={5000}
              hint="Why, and who decided: kept with the case."
              save={(basis) => save(decision, { ...recorded, basis })}
            />
          </>
        )}
      </div>
    </fieldset>
  );
}
