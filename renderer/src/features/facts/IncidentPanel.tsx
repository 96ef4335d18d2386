import { BREACH_NATURES, INCIDENT_STATUSES, type Facts } from '../../../../shared/domain/facts';
import { AutosaveTextField } from '../../components/AutosaveTextField';
import { SelectField } from '../../components/Field';
import { optionsOf, pick } from '../../lib/options';
import { useWorkspaceStore } from '../../stores/workspace-store';
import { useFactsStore } from '../../stores/facts-store';
import { saveFacts } from './factsSave';

const NATURE_TEXT: Record<(typeof BREACH_NATURES)[number], [string, string]> = {
  confidentiality: ['Confidentiality', 'disclosed to or accessed by someone who should not have it'],
  integrity: ['Integrity', 'altered without authority'],
  availability: ['Availability', 'lost, destroyed or out of reach'],
};

const STATUS_OPTIONS = optionsOf(INCIDENT_STATUSES, {
  suspected: 'Suspected',
  confirmed: 'Confirmed',
  contained: 'Contained',
  resolved: 'Resolved',
});

/**
 * Summary, nature, cause, likely consequences and measures, status and any law-enforcement
 * request to delay notification.
 */
export function IncidentPanel({ facts }: { facts: Facts }) {
  const natureProblem = useWorkspaceStore((state) => state.problems['facts.nature']);
  const statusProblem = useWorkspaceStore((state) => state.problems['facts.status']);
  const delayProblem = useWorkspaceStore((state) => state.problems['facts.lawEnforcementDelay']);

  function toggleNature(nature: (typeof BREACH_NATURES)[number], on: boolean): void {
    const next = BREACH_NATURES.filter((n) => (n === nature ? on : facts.nature.includes(n)));
    void saveFacts('facts.nature', { nature: next });
  }

  return (
    <section className="panel" aria-labelledby="facts-incident-heading">
      <h3 id="facts-incident-heading" className="panel__title">
        What happened
      </h3>
      <div className="facts-grid">
        <AutosaveTextField
          className="span-all"
          label="Summary"
          saveKey="facts.summary"
          stored={facts.summary}
          rows={4}
          maxLength={20_000}
          hint="A few sentences a regulator could read: what, whose data, how many, what has been done."
          save={(summary) => saveFacts('facts.summary', { summary })}
        />
        <fieldset className="choice-group">
          <legend className="field__label">Nature of the breach</legend>
          {BREACH_NATURES.map((nature) => (
            <label key={nature} className="check">
              <input
                type="checkbox"
                checked={facts.nature.includes(nature)}
                onChange={(event) => toggleNature(nature, event.target.checked)}
              />
              <span>
                {NATURE_TEXT[nature][0]}
                <span className="check__detail"> — {NATURE_TEXT[nature][1]}</span>
              </span>
            </label>
          ))}
          {natureProblem !== undefined && <p className="field__error">{natureProblem}</p>}
        </fieldset>
        <SelectField
          label="Incident status"
          value={facts.status}
          options={STATUS_OPTIONS}
          error={statusProblem}
          onChange={(event) => {
            const status = pick(INCIDENT_STATUSES, event.target.value);
            if (status !== null) void saveFacts('facts.status', { status });
          }}
        />
        <AutosaveTextField
          className="span-all"
          label="Cause"
          saveKey="facts.cause"
          stored={facts.cause}
          rows={3}
          maxLength={20_000}
          hint="How it happened, as far as it is known (a flaw, a mistake, an attack)."
          save={(cause) => saveFacts('facts.cause', { cause })}
        />
        <AutosaveTextField
          className="span-all"
          label="Likely consequences"
          saveKey="facts.consequences"
          stored={facts.consequences}
          rows={3}
          maxLength={20_000}
          hint="What could happen to the people affected (GDPR Art. 33(3)(c)); letters merge it in."
          save={(consequences) => saveFacts('facts.consequences', { consequences })}
        />
        <AutosaveTextField
          className="span-all"
          label="Measures taken or proposed"
          saveKey="facts.measures"
          stored={facts.measures}
          rows={3}
          maxLength={20_000}
          hint="What was done and will be done, including to limit the harm (Art. 33(3)(d))."
          save={(measures) => saveFacts('facts.measures', { measures })}
        />
        <fieldset className="choice-group span-all">
          <legend className="field__label">Law enforcement</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={facts.lawEnforcementDelay.requested}
              onChange={(event) =>
                void saveFacts('facts.lawEnforcementDelay', {
                  lawEnforcementDelay: { note: currentDelay().note, requested: event.target.checked },
                })
              }
            />
            Law enforcement asked for notification to be delayed
          </label>
          {delayProblem !== undefined && <p className="field__error">{delayProblem}</p>}
          <AutosaveTextField
            label="Note on the delay request"
            saveKey="facts.lawEnforcementDelay.note"
            stored={facts.lawEnforcementDelay.note}
            rows={2}
            maxLength={2000}
            hint="Who asked, when, for how long; keep the written request as evidence."
            save={(note) =>
              saveFacts('facts.lawEnforcementDelay.note', {
                lawEnforcementDelay: { requested: currentDelay().requested, note },
              })
            }
          />
        </fieldset>
      </div>
    </section>
  );
}

/** The delay request as last shown (saves in flight included): the patch must carry both parts. */
function currentDelay(): Facts['lawEnforcementDelay'] {
  return useFactsStore.getState().facts?.lawEnforcementDelay ?? { requested: false, note: '' };
}
