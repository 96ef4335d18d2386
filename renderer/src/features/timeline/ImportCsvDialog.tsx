import { useId, useState, type ChangeEvent } from 'react';
import type { CsvImportResult } from '../../../../shared/domain/populations';
import { messageOf } from '../../api/client';
import { Button } from '../../components/Button';
import { Modal } from '../../components/Modal';
import { useTimelineStore } from '../../stores/timeline-store';
import { formatBytes } from '../../../../shared/text/bytes';
import { formatCount } from '../../../../shared/text/count';

const HEADER = 'time,zone,title,precision,end,detail,source,tags';
const EXAMPLE = `${HEADER}
2020-11-12 14:05,Europe/Stockholm,Engineer flags out-of-scope partner queries,,,,Slack #incident,detection
2020-11-13,Europe/Stockholm,Access logs reviewed,day,2020-11-15,,,investigation;logs`;

interface ImportCsvDialogProps {
  onClose: () => void;
  onImported: (count: number) => void;
}

/** Events from a CSV file or pasted text: all of them, or none and every bad line listed. */
export function ImportCsvDialog({ onClose, onImported }: ImportCsvDialogProps) {
  const importCsv = useTimelineStore((state) => state.importCsv);
  const [file, setFile] = useState<{ name: string; size: number; text: string } | null>(null);
  const [pasted, setPasted] = useState('');
  const [result, setResult] = useState<CsvImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const fileId = useId();
  const pasteId = useId();
  const hintId = useId();

  async function chooseFile(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const chosen = event.target.files?.[0];
    setResult(null);
    setFailure(null);
    if (chosen === undefined) return setFile(null);
    try {
      setFile({ name: chosen.name, size: chosen.size, text: await chosen.text() });
    } catch {
      setFile(null);
      setFailure('The file could not be read; check that it is a text file you can open.');
    }
  }

  async function submit(): Promise<void> {
    const csv = file?.text ?? pasted;
    if (csv.trim() === '') {
      setFailure('Choose a CSV file or paste its lines first.');
      return;
    }
    setWorking(true);
    setFailure(null);
    setResult(null);
    try {
      const answer = await importCsv(csv);
      if (answer.errors.length === 0) {
        onImported(answer.imported);
        onClose();
        return;
      }
      setResult(answer);
    } catch (error) {
      setFailure(messageOf(error));
    }
    setWorking(false);
  }

  return (
    <Modal
      title="Import events from CSV"
      description="Every line is checked first: either all events are added, or none are and each bad line is listed."
      onClose={onClose}
      wide
      footer={
        <>
          <Button variant="quiet" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" onClick={() => void submit()} disabled={working}>
            {working ? 'Importing…' : 'Import events'}
          </Button>
        </>
      }
    >
      <div className="form-stack">
        <p className="field__hint" id={hintId}>
          First line: <code>{HEADER}</code> (precision, end, detail, source and tags may be left out). Tags
          are separated by <code>;</code>.
        </p>
        <div className="field">
          <label className="field__label" htmlFor={fileId}>
            CSV file
          </label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv,text/plain"
            className="field__file"
            aria-describedby={hintId}
            onChange={(event) => void chooseFile(event)}
          />
          {file !== null && (
            <p className="field__hint num import-file">
              {file.name} · {formatBytes(file.size)}{' '}
              <Button variant="quiet" small onClick={() => setFile(null)}>
                Use pasted lines instead
              </Button>
            </p>
          )}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={pasteId}>
            Or paste the lines
          </label>
          <textarea
            id={pasteId}
            className="field__control field__control--area mono"
            rows={6}
            value={pasted}
            disabled={file !== null}
            placeholder={EXAMPLE}
            spellCheck={false}
            onChange={(event) => {
              setPasted(event.target.value);
              setResult(null);
            }}
          />
        </div>
        {failure !== null && (
          <p className="inline-error" role="alert">
            {failure}
          </p>
        )}
        {result !== null && <ImportErrors result={result} />}
      </div>
    </Modal>
  );
}

function ImportErrors({ result }: { result: CsvImportResult }) {
  const shown = result.errors.slice(0, 200);
  return (
    <div className="import-errors" role="alert">
      <p className="import-errors__title">
        Nothing was imported: {formatCount(result.errors.length)}{' '}
        {result.errors.length === 1 ? 'line has a problem' : 'lines have problems'}. Fix them and import
        again.
      </p>
      <ul className="import-errors__list" aria-label="Problems by line">
        {shown.map((error) => (
          <li key={`${error.line}:${error.message}`}>
            <span className="num">Line {error.line}</span>: {error.message}
          </li>
        ))}
      </ul>
      {result.errors.length > shown.length && (
        <p className="muted small">…and {formatCount(result.errors.length - shown.length)} more.</p>
      )}
    </div>
  );
}
