import { useEffect, useId, useRef, useState } from 'react';
import { RISK_LEVELS, type RiskLevel } from '../../../../shared/obligations/obligation';
import { BAND_LABELS, enisaScore, suggestedRisk, type EnisaInput } from '../../../../shared/severity/enisa';
import { Button } from '../../components/Button';
import { useObligationsStore } from '../../stores/obligations-store';
import type { SeverityDraft } from '../../stores/severity-store';
import { RationaleField } from './RationaleField';
import { RISK_TEXT } from './wording';

interface DecisionFormProps {
  draft: SeverityDraft;
  enisa: EnisaInput | null;
  edit: (patch: Partial<SeverityDraft>) => void;
  saving: boolean;
  /** Saves a version, with the decision or as a draft; resolves null or why it failed. */
  onSave: (confirm: boolean) => Promise<string | null>;
}

/** The risk level a person decides on, with the band's suggestion as the basis. */
export function DecisionForm({ draft, enisa, edit, saving, onSave }: DecisionFormProps) {
  const name = useId();
  const [riskError, setRiskError] = useState<string | null>(null);
  const [rationaleError, setRationaleError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const band = enisa === null ? null : enisaScore(enisa).band;
  const suggestion = band === null ? null : suggestedRisk(band);
  const section = useRef<HTMLElement>(null);
  const radios = useRef(new Map<RiskLevel, HTMLInputElement>());
  const decisionRequested = useObligationsStore((state) => state.decisionRequested);
  const decisionShown = useObligationsStore((state) => state.decisionShown);

  // Sent here by "Make the risk decision" on the board: bring the decision into view and put the
  // keyboard on the level chosen so far, else the suggested one, without choosing for the person.
  useEffect(() => {
    if (!decisionRequested) return;
    section.current?.scrollIntoView({ block: 'start' });
    radios.current.get(draft.risk ?? suggestion ?? RISK_LEVELS[0])?.focus({ preventScroll: true });
    decisionShown();
  }, [decisionRequested, decisionShown, draft.risk, suggestion]);

  async function save(confirm: boolean): Promise<void> {
    setSaved(null);
    setFailure(null);
    if (confirm) {
      const noRisk = draft.risk === null ? 'Choose the risk level you decide on' : null;
      const noReason = draft.decisionRationale.trim() === '' ? 'Say why you decide on this level' : null;
      setRiskError(noRisk);
      setRationaleError(noReason);
      if (noRisk !== null || noReason !== null) return;
    }
    const problem = await onSave(confirm);
    setFailure(problem);
    if (problem === null)
      setSaved(confirm ? 'Decision confirmed: saved as a new version.' : 'Draft saved as a new version.');
  }

  return (
    <section ref={section} className="sev-decision" aria-labelledby={`${name}-title`}>
      <h4 id={`${name}-title`} className="panel__subtitle">
        Risk decision
      </h4>
      <p className="sev-help">
        The decision drives GDPR Art. 34: a confirmed <strong>high</strong> risk makes the communication to
        the data subjects owed; <strong>unlikely</strong> removes the Art. 33 notification to the supervisory
        authority (the breach stays in the register). Breachdesk is decision support, not legal advice: a
        person decides and says why.
      </p>
      <p className="sev-suggestion">
        {suggestion === null || band === null ? (
          'The suggestion appears once the score can be worked out.'
        ) : (
          <>
            Suggested from the {BAND_LABELS[band].toLowerCase()} severity band:{' '}
            <strong>{RISK_TEXT[suggestion].label.toLowerCase()}</strong> ({RISK_TEXT[suggestion].effect}).
          </>
        )}
      </p>
      <fieldset className={riskError === null ? 'choice-group' : 'choice-group field--invalid'}>
        <legend className="field__label">Risk to the people affected</legend>
        {RISK_LEVELS.map((level) => (
          <label key={level} className="check">
            <input
              type="radio"
              ref={(input) => {
                if (input === null) radios.current.delete(level);
                else radios.current.set(level, input);
              }}
              name={`${name}-risk`}
              checked={draft.risk === level}
              onChange={() => {
                edit({ risk: level });
                setRiskError(null);
              }}
            />
            <span>
              {RISK_TEXT[level].label}
              <span className="check__detail"> — {RISK_TEXT[level].effect}</span>
              {level === suggestion && <span className="badge badge--quiet">Suggested</span>}
            </span>
          </label>
        ))}
        {riskError !== null && (
          <p className="field__error" role="alert">
            <span aria-hidden="true">✕ </span>
            {riskError}
          </p>
        )}
      </fieldset>
      <RationaleField
        label="Why this risk level"
        rows={3}
        value={draft.decisionRationale}
        error={rationaleError}
        onChange={(decisionRationale) => {
          edit({ decisionRationale });
          setRationaleError(null);
        }}
      />
      <div className="sev-actions">
        <Button variant="primary" disabled={saving || enisa === null} onClick={() => void save(true)}>
          Confirm decision
        </Button>
        <Button disabled={saving || enisa === null} onClick={() => void save(false)}>
          Save draft
        </Button>
        <span className="small muted">
          Either saves a new version; earlier versions are kept and cannot be deleted.
        </span>
      </div>
      {failure !== null && (
        <p className="inline-error form-error" role="alert">
          {failure}
        </p>
      )}
      {saved !== null && (
        <p className="sev-saved" role="status">
          {saved}
        </p>
      )}
    </section>
  );
}
