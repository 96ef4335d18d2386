import { BAND_LABELS, enisaScore, type EnisaInput } from '../../../../shared/severity/enisa';
import './suggestion.css';
import { VerifyMark } from './VerifyMark';
import { BAND_MEANINGS } from './wording';

interface ScoreResultProps {
  enisa: EnisaInput | null;
}

/**
 * The severity band and what it means, worked out as the inputs change; the ENISA arithmetic
 * (SE = DPC × EI + CB) behind "Show the calculation".
 */
export function ScoreResult({ enisa }: ScoreResultProps) {
  const result = enisa === null ? null : enisaScore(enisa);
  const cb = enisa?.cb;
  return (
    <section className="sev-result" aria-labelledby="sev-result-heading">
      <h4 id="sev-result-heading" className="sev-result__title">
        Severity score
      </h4>
      <div role="status" aria-live="polite" aria-label="Severity score">
        {result === null || cb === undefined ? (
          <p className="sev-result__wait">Enter an adjusted DPC score from 1 to 4 to see the score.</p>
        ) : (
          <>
            <p className="sev-result__band">
              <span className={`sev-band sev-band--${result.band}`}>{BAND_LABELS[result.band]}</span>{' '}
              <span className="num">score {result.score}</span>
            </p>
            <p className="muted">
              {BAND_MEANINGS[result.band]}
              <VerifyMark />
            </p>
          </>
        )}
      </div>
      {result !== null && cb !== undefined && enisa !== null && (
        <details className="sev-calculation" aria-label="The ENISA calculation">
          <summary className="sev-calculation__summary">Show the calculation</summary>
          <p className="sev-result__formula">SE = DPC × EI + CB</p>
          <p className="sev-result__arithmetic num">
            SE = {enisa.dpc.score} × {enisa.ei.value} + {result.cb} ={' '}
            <strong className="sev-result__score">{result.score}</strong>
          </p>
          <p className="sev-result__cb num small muted">
            CB = {cb.confidentiality} + {cb.integrity} + {cb.availability} + {cb.malicious} (confidentiality,
            integrity, availability, malicious intent)
          </p>
          <p className="small muted">
            DPC: data processing context (the ENISA data category, adjusted); EI: ease of identification; CB:
            circumstances of the breach.
          </p>
          <p className="sev-result__scale small muted">
            Bands: below 2 Low · 2 to below 3 Medium · 3 to below 4 High · 4 or more Very high.
          </p>
        </details>
      )}
      <div className="sev-extra">
        <p className="field__label">Also consider (not in the formula)</p>
        <ul className="sev-extra__list small">
          <li>
            <strong>Number of individuals</strong>: more than 100 people raises the concern; note it under the
            EDPB factor &ldquo;Number of affected individuals&rdquo;.
          </li>
          <li>
            <strong>Unintelligibility</strong>: data that was unintelligible to whoever got it
            (state-of-the-art encryption, key safe) lowers it; note it under &ldquo;No state-of-the-art
            encryption&rdquo;.
          </li>
        </ul>
      </div>
    </section>
  );
}
