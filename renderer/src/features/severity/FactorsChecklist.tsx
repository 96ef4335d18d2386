import { EDPB_FACTORS } from '../../../../shared/severity/enisa';
import type { Factors } from '../../stores/severity-store';

interface FactorsChecklistProps {
  factors: Factors;
  onChange: (factors: Factors) => void;
}

/** The EDPB / WP250 factors to weigh, each ticked when it points to a risk, with a note. */
export function FactorsChecklist({ factors, onChange }: FactorsChecklistProps) {
  const ticked = EDPB_FACTORS.filter((f) => factors[f.id]?.applies === true).length;
  return (
    <fieldset className="sev-group sev-factors">
      <legend className="sev-group__title">EDPB risk factors</legend>
      <p className="sev-help">
        Tick each factor that points to a risk for the people affected here and say why (EDPB Guidelines
        01/2021, WP250). <span className="num">{ticked}</span> of{' '}
        <span className="num">{EDPB_FACTORS.length}</span> ticked.
      </p>
      <ul className="sev-factors__list">
        {EDPB_FACTORS.map((factor) => {
          const value = factors[factor.id] ?? { applies: false, note: '' };
          const set = (patch: Partial<typeof value>) =>
            onChange({ ...factors, [factor.id]: { ...value, ...patch } });
          return (
            <li key={factor.id} className="sev-factor">
              <label className="check">
                <input
                  type="checkbox"
                  checked={value.applies}
                  onChange={(event) => set({ applies: event.target.checked })}
                />
                <span>{factor.label}</span>
              </label>
              <input
                type="text"
                className="field__control sev-factor__note"
                aria-label={`Note on ${factor.label}`}
                placeholder="Note"
                maxLength={2_000}
                value={value.note}
                onChange={(event) => set({ note: event.target.value })}
              />
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
