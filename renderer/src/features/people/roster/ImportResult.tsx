import { useState } from 'react';
import type { RosterImportResult } from '../../../../../shared/ipc/roster-contract';
import { formatCount } from '../../../../../shared/text/count';
import { plural } from '../../../../../shared/text/plural';
import { call, messageOf } from '../../../api/client';
import { Button } from '../../../components/Button';
import { stem } from './format';

/** Skipped rows listed in the dialog; a file of millions can skip more than a window should draw. */
const SHOWN_ROWS = 200;

/** What the import read: counts, then every row it skipped with why, which can be saved to a file. */
export function ImportResult({ result, fileName }: { result: RosterImportResult; fileName: string }) {
  const { imported, skipped, people, outOfScope } = result;
  return (
    <div className="roster-result">
      <p className="notice" role="status" aria-label="Import result">
        Imported {plural(imported, 'row')} from {fileName}
        {skipped.length > 0 && `; skipped ${plural(skipped.length, 'row')} that could not be read`}.
      </p>
      <dl className="roster-counts num">
        <div>
          <dt>Rows imported</dt>
          <dd>{formatCount(imported)}</dd>
        </div>
        <div>
          <dt>Rows skipped</dt>
          <dd>{formatCount(skipped.length)}</dd>
        </div>
        <div>
          <dt>People in the roster</dt>
          <dd>{formatCount(people)}</dd>
        </div>
        <div>
          <dt>Out of scope</dt>
          <dd>{formatCount(outOfScope)}</dd>
        </div>
      </dl>
      {skipped.length > 0 && <SkippedRows rows={skipped} fileName={fileName} />}
    </div>
  );
}

function SkippedRows({ rows, fileName }: { rows: RosterImportResult['skipped']; fileName: string }) {
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function save(): Promise<void> {
    setError(null);
    try {
      const { path } = await call('dialog.chooseRosterSavePath', {
        kind: 'skipped-rows',
        suggestedName: `${stem(fileName)}-skipped-rows.csv`,
      });
      if (path === null) return;
      setSaved((await call('roster.saveSkipped', { path, rows })).path);
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  return (
    <section className="roster-skipped" aria-label="Skipped rows">
      <div className="roster-skipped__head">
        <h3 className="panel__subtitle">Rows that could not be read</h3>
        <Button small onClick={() => void save()}>
          Save skipped rows…
        </Button>
      </div>
      <ul className="import-errors" aria-label="Rows skipped">
        {rows.slice(0, SHOWN_ROWS).map((row) => (
          <li key={`${row.line}:${row.message}`}>
            <span className="import-errors__line">Line {formatCount(row.line)}</span> {row.message}
          </li>
        ))}
      </ul>
      {rows.length > SHOWN_ROWS && (
        <p className="muted">
          And {plural(rows.length - SHOWN_ROWS, 'more row')}: save them to see every one.
        </p>
      )}
      {saved !== null && (
        <p className="muted" role="status">
          Saved to {saved}.
        </p>
      )}
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
