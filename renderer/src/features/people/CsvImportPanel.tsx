import { useId, useState, type ChangeEvent } from 'react';
import type { CsvImportResult } from '../../../../shared/domain/populations';
import { Button } from '../../components/Button';
import { usePeopleStore } from '../../stores/people-store';

type Outcome = { source: string; result: CsvImportResult } | { source: string; failure: string } | null;

const MAX_CSV_BYTES = 50_000_000;

/** Imports `jurisdiction,count[,exact]` lines from a file or pasted text: all of them, or none. */
export function CsvImportPanel() {
  const importCsv = usePeopleStore((state) => state.importCsv);
  const id = useId();
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function run(csv: string, source: string): Promise<void> {
    setBusy(true);
    setOutcome(null);
    const answer = await importCsv(csv);
    setBusy(false);
    setOutcome(typeof answer === 'string' ? { source, failure: answer } : { source, result: answer });
  }

  async function pickFile(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const input = event.target;
    const file = input.files?.[0];
    input.value = '';
    if (file === undefined) return;
    if (file.size > MAX_CSV_BYTES) {
      setOutcome({
        source: file.name,
        failure: 'The file is larger than 50 MB; split it and import the parts.',
      });
      return;
    }
    try {
      await run(await file.text(), file.name);
    } catch {
      setOutcome({ source: file.name, failure: 'The file could not be read; check that it is a text file.' });
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="panel__title">
        Import people affected from CSV
      </h3>
      <p className="panel__intro">
        One line per jurisdiction: <code>jurisdiction,count</code>, optionally <code>,exact</code> (true or
        false); a header line is allowed. A jurisdiction already listed gets the imported count. If any line
        has a problem, nothing is imported.
      </p>
      <div className="csv-import">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-file`}>
            CSV file
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,text/csv"
            className="file-input"
            disabled={busy}
            onChange={(event) => void pickFile(event)}
          />
        </div>
        <div className="field csv-import__paste">
          <label className="field__label" htmlFor={`${id}-paste`}>
            Or paste CSV
          </label>
          <textarea
            id={`${id}-paste`}
            className="field__control field__control--area mono"
            rows={4}
            spellCheck={false}
            placeholder={'jurisdiction,count\nUS-CA,1240\nFR,41000'}
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
          />
          <div>
            <Button
              disabled={busy || pasted.trim() === ''}
              onClick={() => void run(pasted, 'the pasted text')}
            >
              {busy ? 'Importing…' : 'Import pasted CSV'}
            </Button>
          </div>
        </div>
      </div>
      <ImportOutcome outcome={outcome} />
    </section>
  );
}

function ImportOutcome({ outcome }: { outcome: Outcome }) {
  if (outcome === null) return null;
  if ('failure' in outcome) {
    return (
      <p className="notice notice--fail import-outcome" role="alert">
        Nothing was imported from {outcome.source}: {outcome.failure}
      </p>
    );
  }
  const { imported, errors } = outcome.result;
  if (errors.length === 0) {
    return (
      <p className="notice import-outcome" role="status">
        Imported {imported} {imported === 1 ? 'row' : 'rows'} from {outcome.source}.
      </p>
    );
  }
  return (
    <div className="notice notice--fail import-outcome" role="alert">
      <p className="import-outcome__title">
        Nothing was imported from {outcome.source}: {errors.length}{' '}
        {errors.length === 1 ? 'line has a problem' : 'lines have problems'}. Fix{' '}
        {errors.length === 1 ? 'it' : 'them'} and import again.
      </p>
      <ul className="import-errors" aria-label="Problems in the CSV">
        {errors.map((error) => (
          <li key={`${error.line}:${error.message}`}>
            <span className="import-errors__line">Line {error.line}</span> {error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
