import { BAND_LABELS, enisaScore, type EnisaInput } from '../../../../shared/severity/enisa';
import { VerifyMark } from './VerifyMark';
import { BAND_MEANINGS } from './wording';

interface ScoreResultProps {
  enisa: EnisaInput | null;
}

/** SE = DPC × EI + CB worked out as the inputs change, with its band and what it means. */
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
            <p className="sev-result__formula">SE = DPC × EI + CB</p>
            <p className="sev-result__arithmetic num">
              SE = {enisa?.dpc.score} × {enisa?.ei.value} + {result.cb} ={' '}
              <strong className="sev-result__score">{result.score}</strong>
            </p>
            <p className="sev-result__cb num small muted">
              CB = {cb.confidentiality} + {cb.integrity} + {cb.availability} + {cb.malicious}{' '}
              (confidentiality, integrity, availability, malicious intent)
            </p>
            <p className="sev-result__band">
              <span className={`sev-band sev-band--${result.band}`}>{BAND_LABELS[result.band]}</span>{' '}
              <span className="muted">
                {BAND_MEANINGS[result.band]}
                <VerifyMark />
              </span>
            </p>
          </>
        )}
      </div>
      <p className="sev-result__scale small muted">
        Bands: below 2 Low · 2 to below 3 Medium · 3 to below 4 High · 4 or more Very high.
      </p>
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
