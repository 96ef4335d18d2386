import type { DatasetPreview } from '../../../../../shared/ipc/roster-contract';
import { SelectField } from '../../../components/Field';

/** How the file is read again when a person corrects what was detected. */
export interface ReadOptions {
  delimiter?: string;
  encoding?: string;
  table?: string;
}

const SEPARATORS = [
  { value: ',', label: 'Comma' },
  { value: '\t', label: 'Tab' },
  { value: ';', label: 'Semicolon' },
  { value: '|', label: 'Pipe' },
];

/** WHATWG labels of the encodings breach exports come in most; the detected one is added if missing. */
const ENCODINGS = [
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'windows-1252', label: 'Western (Windows-1252)' },
  { value: 'iso-8859-2', label: 'Central European (ISO-8859-2)' },
  { value: 'windows-1251', label: 'Cyrillic (Windows-1251)' },
  { value: 'utf-16le', label: 'UTF-16 (little-endian)' },
  { value: 'shift_jis', label: 'Japanese (Shift_JIS)' },
];

/**
 * What the preview was read as, correctable: the separator and encoding of a text file, the table
 * of a SQLite file with several. A change reads the first rows again; the mapping starts afresh
 * from the new columns.
 */
export function ReadAs({
  preview,
  busy,
  onReread,
}: {
  preview: DatasetPreview;
  busy: boolean;
  onReread: (options: ReadOptions) => void;
}) {
  if (preview.format === 'sqlite') {
    if (preview.tables.length < 2) return null;
    return (
      <div className="roster-options">
        <SelectField
          label="Table"
          options={preview.tables.map((table) => ({ value: table, label: table }))}
          value={preview.table ?? ''}
          disabled={busy}
          onChange={(event) => onReread({ table: event.target.value })}
        />
      </div>
    );
  }
  const encodings = ENCODINGS.some((e) => e.value === preview.encoding)
    ? ENCODINGS
    : [{ value: preview.encoding, label: `${preview.encoding} (detected)` }, ...ENCODINGS];
  return (
    <div className="roster-options">
      {preview.format === 'csv' && (
        <SelectField
          label="Separator"
          options={SEPARATORS}
          value={preview.delimiter}
          disabled={busy}
          onChange={(event) => onReread({ delimiter: event.target.value, encoding: preview.encoding })}
        />
      )}
      <SelectField
        label="Text encoding"
        options={encodings}
        value={preview.encoding}
        disabled={busy}
        onChange={(event) =>
          onReread({
            encoding: event.target.value,
            ...(preview.format === 'csv' ? { delimiter: preview.delimiter } : {}),
          })
        }
      />
    </div>
  );
}
