import { useState, type FormEvent } from 'react';
import {
  DATA_ELEMENT_VOCABULARY,
  type DataElement,
  type DataElementTerm,
} from '../../../../shared/domain/data-elements';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { usePeopleStore } from '../../stores/people-store';
import {
  SENSITIVITIES,
  SENSITIVITY_HINT,
  SENSITIVITY_LABELS,
  sensitivityOf,
} from './data-element-categories';
import { DataElementRow } from './DataElementRow';

/** The data elements of the controlled vocabulary (plus custom ones), each with its protection. */
export function DataElementsPanel() {
  const elements = usePeopleStore((state) => state.elements);
  const addElement = usePeopleStore((state) => state.addElement);
  const [term, setTerm] = useState<DataElementTerm | ''>('');
  const [customLabel, setCustomLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rows = [...(elements ?? [])].sort(byVocabulary);
  const present = new Set((elements ?? []).filter((e) => e.term !== 'custom').map((e) => e.term));

  async function add(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (term === '') return setError('Pick a data element to add');
    if (term === 'custom' && customLabel.trim() === '') return setError('Describe the custom data element');
    setBusy(true);
    const failure = await addElement({ term, customLabel: term === 'custom' ? customLabel.trim() : null });
    setBusy(false);
    setError(failure);
    if (failure === null) {
      setTerm('');
      setCustomLabel('');
    }
  }

  return (
    <section className="panel" aria-labelledby="data-elements-heading">
      <h3 id="data-elements-heading" className="panel__title">
        Data elements
      </h3>
      <p className="panel__intro">
        The kinds of personal data involved. Encryption matters only if the key was not compromised too.
      </p>
      <form
        className="inline-form"
        data-field="people.dataElements"
        onSubmit={(event) => void add(event)}
        aria-label="Add a data element"
      >
        <div className="field">
          <label className="field__label" htmlFor="data-element-term">
            Data element
          </label>
          <select
            id="data-element-term"
            className="field__control field__control--select"
            value={term}
            onChange={(event) => {
              const found = DATA_ELEMENT_VOCABULARY.find((v) => v.term === event.target.value);
              setTerm(found?.term ?? '');
              setError(null);
            }}
          >
            <option value="">Choose…</option>
            {SENSITIVITIES.map((sensitivity) => (
              <optgroup key={sensitivity} label={SENSITIVITY_LABELS[sensitivity]}>
                {DATA_ELEMENT_VOCABULARY.filter((v) => sensitivityOf(v.term) === sensitivity).map((v) => (
                  <option key={v.term} value={v.term} disabled={present.has(v.term)}>
                    {v.label}
                    {present.has(v.term) ? ' (listed)' : ''}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        {term === 'custom' && (
          <TextField
            label="Description"
            value={customLabel}
            maxLength={200}
            autoComplete="off"
            placeholder="e.g. Listening history"
            onChange={(event) => setCustomLabel(event.target.value)}
          />
        )}
        <Button type="submit" variant="primary" disabled={busy}>
          Add data element
        </Button>
      </form>
      {error !== null && (
        <p className="inline-error form-error" role="alert">
          {error}
        </p>
      )}
      {elements !== null && elements.length === 0 && (
        <p className="empty">No data elements yet. Pick the kinds of personal data involved above.</p>
      )}
      {elements !== null && elements.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="offscreen">Data elements involved</caption>
            <thead>
              <tr>
                <th scope="col">Element</th>
                <th scope="col">Sensitivity</th>
                <th scope="col">Encrypted</th>
                <th scope="col">Key compromised</th>
                <th scope="col">Note</th>
                <th scope="col">
                  <span className="offscreen">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((element) => (
                <DataElementRow key={element.id} element={element} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {elements !== null && elements.length > 0 && <p className="field__hint">{SENSITIVITY_HINT}</p>}
    </section>
  );
}

const ORDER = new Map<DataElementTerm, number>(DATA_ELEMENT_VOCABULARY.map((v, index) => [v.term, index]));

/** Vocabulary order, custom elements last by their description (as the case file lists them). */
function byVocabulary(a: DataElement, b: DataElement): number {
  const order = (ORDER.get(a.term) ?? 0) - (ORDER.get(b.term) ?? 0);
  return order !== 0 ? order : (a.customLabel ?? '').localeCompare(b.customLabel ?? '', 'en');
}
