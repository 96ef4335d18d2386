import { DATA_ELEMENT_VOCABULARY, type DataElementTerm } from '../../../../../shared/domain/data-elements';

/** The data every row of the file exposed, whatever its columns hold (a leaked password hash table, say). */
export function ExposedForEveryRow({
  selected,
  onChange,
}: {
  selected: readonly DataElementTerm[];
  onChange: (terms: DataElementTerm[]) => void;
}) {
  const chosen = new Set(selected);
  return (
    <fieldset className="roster-fieldset">
      <legend className="field__label">Exposed for every row</legend>
      <p className="field__hint">
        Tick what the breach exposed for everyone in this file, beyond the columns mapped above.
      </p>
      <div className="roster-exposes">
        {DATA_ELEMENT_VOCABULARY.map((element) => (
          <label key={element.term} className="check">
            <input
              type="checkbox"
              checked={chosen.has(element.term)}
              onChange={(event) => {
                const next = new Set(chosen);
                if (event.target.checked) next.add(element.term);
                else next.delete(element.term);
                // Kept in the vocabulary's order, so a saved mapping reads the same every time.
                onChange(DATA_ELEMENT_VOCABULARY.map((v) => v.term).filter((term) => next.has(term)));
              }}
            />
            <span>{element.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
