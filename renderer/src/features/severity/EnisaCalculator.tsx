import { useId } from 'react';
import { DPC_CATEGORIES, EI_LEVELS } from '../../../../shared/severity/enisa';
import { SelectField, TextField } from '../../components/Field';
import { baseScore, parseDpcScore, type DpcCategory, type SeverityDraft } from '../../stores/severity-store';
import { RationaleField } from './RationaleField';
import { VerifyMark } from './VerifyMark';
import { CB_ELEMENTS, signed } from './wording';

interface EnisaCalculatorProps {
  draft: SeverityDraft;
  edit: (patch: Partial<SeverityDraft>) => void;
}

const CATEGORY_OPTIONS = DPC_CATEGORIES.map((c) => ({ value: c.id, label: `${c.label} (base ${c.base})` }));

/** The three inputs of SE = DPC × EI + CB, each with the reasons for the choice. */
export function EnisaCalculator({ draft, edit }: EnisaCalculatorProps) {
  const name = useId();
  const category = DPC_CATEGORIES.find((c) => c.id === draft.category) ?? DPC_CATEGORIES[0];
  const parsed = parseDpcScore(draft.dpcScore);

  return (
    <div className="sev-inputs">
      <fieldset className="sev-group">
        <legend className="sev-group__title">Data processing context (DPC)</legend>
        <div className="sev-row">
          <SelectField
            label="Data category"
            options={CATEGORY_OPTIONS}
            value={draft.category}
            hint={`For example: ${category.examples}.`}
            onChange={(event) => {
              const next = event.target.value as DpcCategory;
              edit({ category: next, dpcScore: String(baseScore(next)) });
            }}
          />
          <TextField
            label="Adjusted DPC score"
            type="number"
            inputMode="decimal"
            min={1}
            max={4}
            step={0.25}
            className="sev-score-input num"
            value={draft.dpcScore}
            error={'problem' in parsed ? parsed.problem : null}
            hint={`1 to 4; base ${category.base} for ${category.label.toLowerCase()}.`}
            onChange={(event) => edit({ dpcScore: event.target.value })}
          />
        </div>
        <p className="sev-help">
          Take the highest category among the data; credentials inherit the category of what they unlock.
          Adjust up for the volume of data per person or a controller that reveals more (a pharmacy&apos;s
          customers, vulnerable people); down for invalid, old or public data.
        </p>
        <RationaleField
          label="Why this DPC score"
          value={draft.dpcRationale}
          onChange={(dpcRationale) => edit({ dpcRationale })}
        />
      </fieldset>

      <fieldset className="sev-group">
        <legend className="sev-group__title">Ease of identification (EI)</legend>
        <p className="sev-help">How easily the people can be identified from the data: it multiplies DPC.</p>
        <div className="sev-choices" role="radiogroup" aria-label="Ease of identification">
          {EI_LEVELS.map((level) => (
            <label key={level.value} className="check sev-choice">
              <input
                type="radio"
                name={`${name}-ei`}
                checked={draft.ei === level.value}
                onChange={() => edit({ ei: level.value })}
              />
              <span>
                <span className="num sev-choice__value">{level.value}</span> {level.label}
              </span>
            </label>
          ))}
        </div>
        <RationaleField
          label="Why this ease of identification"
          value={draft.eiRationale}
          onChange={(eiRationale) => edit({ eiRationale })}
        />
      </fieldset>

      <fieldset className="sev-group">
        <legend className="sev-group__title">Circumstances of the breach (CB)</legend>
        <p className="sev-help">Each circumstance can only add to the score.</p>
        <div className="sev-cb">
          {CB_ELEMENTS.map((element) => (
            <div
              key={element.id}
              className="sev-choices"
              role="radiogroup"
              aria-labelledby={`${name}-${element.id}`}
            >
              <p className="field__label" id={`${name}-${element.id}`}>
                {element.label}
              </p>
              {element.levels.map((level) => (
                <label key={level.value} className="check sev-choice">
                  <input
                    type="radio"
                    name={`${name}-${element.id}`}
                    checked={draft[element.id] === level.value}
                    onChange={() => edit({ [element.id]: level.value })}
                  />
                  <span>
                    <span className="num sev-choice__value">{signed(level.value)}</span> {level.text}
                    {level.verify && <VerifyMark />}
                  </span>
                </label>
              ))}
            </div>
          ))}
          <div className="sev-choices">
            <p className="field__label">Intent</p>
            <label className="check sev-choice">
              <input
                type="checkbox"
                checked={draft.malicious}
                onChange={(event) => edit({ malicious: event.target.checked })}
              />
              <span>
                <span className="num sev-choice__value">+0.5</span> Malicious intent
              </span>
            </label>
          </div>
        </div>
        <RationaleField
          label="Why these circumstances"
          value={draft.cbRationale}
          onChange={(cbRationale) => edit({ cbRationale })}
        />
      </fieldset>
    </div>
  );
}
