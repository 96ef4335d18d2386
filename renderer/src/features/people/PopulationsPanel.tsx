import { useState, type FormEvent } from 'react';
import { jurisdictionName, type Jurisdiction } from '../../../../shared/jurisdictions/jurisdictions';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { usePeopleStore } from '../../stores/people-store';
import { formatCount } from '../../../../shared/text/count';
import { COUNT_PROBLEM, parseCount } from './counts';
import { JurisdictionCombobox } from './JurisdictionCombobox';
import { PopulationRow } from './PopulationRow';

/** People affected by jurisdiction: add a row with the picker, edit counts in place, see the total. */
export function PopulationsPanel() {
  const populations = usePeopleStore((state) => state.populations);
  const setPopulation = usePeopleStore((state) => state.setPopulation);
  const [jurisdiction, setJurisdiction] = useState<Jurisdiction | null>(null);
  const [pickerKey, setPickerKey] = useState(0);
  const [count, setCount] = useState('');
  const [exact, setExact] = useState(false);
  const [errors, setErrors] = useState<{ jurisdiction?: string; count?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const rows = [...(populations ?? [])].sort((a, b) =>
    jurisdictionName(a.jurisdiction).localeCompare(jurisdictionName(b.jurisdiction), 'en'),
  );
  const existing = rows.find((row) => row.jurisdiction === jurisdiction?.code);
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const allExact = rows.every((row) => row.exact);

  async function add(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const parsed = parseCount(count);
    const problems = {
      ...(jurisdiction === null ? { jurisdiction: 'Pick a jurisdiction from the list' } : {}),
      ...(parsed === null ? { count: COUNT_PROBLEM } : {}),
    };
    setErrors(problems);
    if (jurisdiction === null || parsed === null) return;
    setBusy(true);
    const failure = await setPopulation(null, { jurisdiction: jurisdiction.code, count: parsed, exact });
    setBusy(false);
    if (failure !== null) return setErrors({ form: failure });
    setJurisdiction(null);
    setPickerKey((key) => key + 1);
    setCount('');
    setExact(false);
  }

  return (
    <section className="panel" aria-labelledby="populations-heading">
      <h3 id="populations-heading" className="panel__title">
        People affected by jurisdiction
      </h3>
      <p className="panel__intro">
        One row per country or state (ISO 3166 codes such as FR or US-CA). Mark a count exact only when it was
        counted, not estimated.
      </p>
      <form
        className="inline-form"
        data-field="people.populations"
        onSubmit={(event) => void add(event)}
        aria-label="Add people affected"
      >
        <JurisdictionCombobox
          key={pickerKey}
          selected={jurisdiction}
          error={errors.jurisdiction}
          onSelect={(picked) => {
            setJurisdiction(picked);
            setErrors({});
          }}
        />
        <div className="count-input">
          <TextField
            label="People affected"
            inputMode="numeric"
            autoComplete="off"
            value={count}
            error={errors.count}
            onChange={(event) => setCount(event.target.value)}
          />
        </div>
        <label className="check inline-form__check">
          <input type="checkbox" checked={exact} onChange={(event) => setExact(event.target.checked)} />
          Exact count
        </label>
        <Button type="submit" variant="primary" disabled={busy}>
          {existing === undefined ? 'Add jurisdiction' : 'Replace count'}
        </Button>
      </form>
      {existing !== undefined && (
        <p className="field__hint form-error">
          {jurisdictionName(existing.jurisdiction)} is already listed with {formatCount(existing.count)};
          adding replaces that count.
        </p>
      )}
      {errors.form !== undefined && (
        <p className="inline-error form-error" role="alert">
          {errors.form}
        </p>
      )}
      {populations !== null && rows.length === 0 && (
        <p className="empty">
          No jurisdictions yet. Add one above, or import a CSV of jurisdiction and count below.
        </p>
      )}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="data-table populations-table">
            <caption className="offscreen">People affected by jurisdiction</caption>
            <thead>
              <tr>
                <th scope="col">Jurisdiction</th>
                <th scope="col">Code</th>
                <th scope="col" className="num">
                  People affected
                </th>
                <th scope="col">Counted or estimated</th>
                <th scope="col">
                  <span className="offscreen">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <PopulationRow key={row.id} population={row} />
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  Total
                </th>
                <td className="num total-count">{formatCount(total)}</td>
                <td colSpan={2}>
                  {allExact ? (
                    'Exact'
                  ) : (
                    <span className="estimate-mark">Estimate (includes estimated counts)</span>
                  )}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
