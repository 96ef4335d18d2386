import type { Assessment } from '../../../../shared/domain/assessment';
import { BAND_LABELS, DPC_CATEGORIES, EDPB_FACTORS, EI_LEVELS } from '../../../../shared/severity/enisa';
import { Button } from '../../components/Button';
import { formatInstant } from '../../lib/time';
import { CB_ELEMENTS, RISK_TEXT, signed } from './wording';

interface VersionViewProps {
  version: Assessment;
  onClose: () => void;
  /** Starts the form again from this version. */
  onStartFrom: () => void;
}

function Reason({ text }: { text: string }) {
  return text.trim() === '' ? <span className="muted">No reason recorded.</span> : <>{text}</>;
}

/** One saved version, read-only: its inputs with their reasons, the score and the decision. */
export function VersionView({ version, onClose, onStartFrom }: VersionViewProps) {
  const { dpc, ei, cb } = version.enisa;
  const category = DPC_CATEGORIES.find((c) => c.id === dpc.category);
  const eiLabel = EI_LEVELS.find((l) => l.value === ei.value)?.label ?? '';
  const cbText = CB_ELEMENTS.map((element) => {
    const level = element.levels.find((l) => l.value === cb[element.id]);
    return `${element.label}: ${signed(cb[element.id])}${level !== undefined && level.value !== 0 ? ` (${level.text})` : ''}`;
  });
  const applying = EDPB_FACTORS.filter((f) => version.factors[f.id]?.applies === true);
  const noted = EDPB_FACTORS.filter(
    (f) => version.factors[f.id]?.applies !== true && (version.factors[f.id]?.note ?? '').trim() !== '',
  );

  return (
    <section className="sev-view" aria-labelledby="sev-view-heading">
      <div className="sev-view__header">
        <h4 id="sev-view-heading" className="sev-view__title">
          Version {version.version} (read-only)
        </h4>
        <div className="sev-actions">
          <Button small onClick={onStartFrom}>
            Start a new version from this one
          </Button>
          <Button small variant="quiet" onClick={onClose}>
            Close version {version.version}
          </Button>
        </div>
      </div>
      <p className="small muted">
        Saved <time dateTime={version.savedAt}>{formatInstant(version.savedAt, { seconds: true })}</time> by{' '}
        {version.savedBy}.
      </p>
      <dl className="facts sev-view__facts">
        <dt>Score</dt>
        <dd className="num">
          {version.arithmetic}{' '}
          <span className={`sev-band sev-band--${version.band}`}>{BAND_LABELS[version.band]}</span>
        </dd>
        <dt>DPC</dt>
        <dd>
          {category?.label ?? dpc.category}, adjusted to <span className="num">{dpc.score}</span>.{' '}
          <Reason text={dpc.rationale} />
        </dd>
        <dt>EI</dt>
        <dd>
          <span className="num">{ei.value}</span> {eiLabel}. <Reason text={ei.rationale} />
        </dd>
        <dt>CB</dt>
        <dd>
          {cbText.join('; ')}; malicious intent: {signed(cb.malicious)}. <Reason text={cb.rationale} />
        </dd>
        <dt>EDPB factors</dt>
        <dd>
          {applying.length === 0 && noted.length === 0 ? (
            <span className="muted">None ticked.</span>
          ) : (
            <ul className="sev-view__factors">
              {applying.map((f) => (
                <li key={f.id}>
                  <strong>{f.label}</strong>
                  {version.factors[f.id]?.note ? `: ${version.factors[f.id]?.note}` : ''}
                </li>
              ))}
              {noted.map((f) => (
                <li key={f.id}>
                  {f.label} (not ticked): {version.factors[f.id]?.note}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Suggested</dt>
        <dd>{RISK_TEXT[version.suggestedRisk].label}</dd>
        <dt>Decision</dt>
        <dd>
          {version.decision === null ? (
            <span className="muted">None: this version is a draft.</span>
          ) : (
            <>
              <strong>{RISK_TEXT[version.decision.risk].label}</strong>, confirmed by{' '}
              {version.decision.confirmedBy}{' '}
              <time dateTime={version.decision.confirmedAt}>
                {formatInstant(version.decision.confirmedAt)}
              </time>
              . {version.decision.rationale}
            </>
          )}
        </dd>
      </dl>
    </section>
  );
}
