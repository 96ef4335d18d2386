import { DATA_ELEMENT_VOCABULARY, type DataElementTerm } from '../../../../../shared/domain/data-elements';
import { ROSTER_FIELD_LABELS, ROSTER_FIELDS, type RosterField } from '../../../../../shared/domain/roster';
import type { DatasetPreview } from '../../../../../shared/ipc/roster-contract';
import { isTerm } from './format';
import type { MappingDraft } from './mapping-draft';

const FIELDS: ReadonlySet<string> = new Set(ROSTER_FIELDS);

function isField(value: string): value is RosterField {
  return FIELDS.has(value);
}

/**
 * The file's first rows under their column names, and above them, for each column, which roster
 * field it holds and which data element it exposes where it is filled in, with why it was proposed.
 */
export function MappingTable({
  preview,
  draft,
  onChange,
}: {
  preview: DatasetPreview;
  draft: MappingDraft;
  onChange: (draft: MappingDraft) => void;
}) {
  const { columns, rows, reasons } = preview;
  return (
    <div className="table-scroll roster-mapping__scroll">
      <table className="data-table roster-mapping__table">
        <caption className="offscreen">Columns of the file and the first rows</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="mono">
                {column}
              </th>
            ))}
          </tr>
          <tr className="roster-mapping__choices">
            {columns.map((column, index) => {
              const reason = reasons[column];
              const reasonId = `roster-reason-${index}`;
              return (
                <td key={column}>
                  <label className="roster-mapping__label">
                    <span className="small muted">Field</span>
                    <select
                      className="field__control field__control--select field__control--compact"
                      aria-label={`Roster field of column ${column}`}
                      aria-describedby={reason === undefined ? undefined : reasonId}
                      value={draft.fields[column] ?? ''}
                      onChange={(event) => {
                        const value = event.target.value;
                        onChange({
                          ...draft,
                          fields: { ...draft.fields, [column]: isField(value) ? value : '' },
                        });
                      }}
                    >
                      <option value="">—</option>
                      {ROSTER_FIELDS.map((field) => (
                        <option key={field} value={field}>
                          {ROSTER_FIELD_LABELS[field]}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="roster-mapping__label">
                    <span className="small muted">Exposes</span>
                    <select
                      className="field__control field__control--select field__control--compact"
                      aria-label={`Exposed element of column ${column}`}
                      value={draft.elements[column] ?? ''}
                      onChange={(event) => {
                        const value = event.target.value;
                        const term: DataElementTerm | '' = isTerm(value) ? value : '';
                        onChange({ ...draft, elements: { ...draft.elements, [column]: term } });
                      }}
                    >
                      <option value="">—</option>
                      {DATA_ELEMENT_VOCABULARY.map((element) => (
                        <option key={element.term} value={element.term}>
                          {element.label}
                        </option>
                      ))}
                    </select>
                  </label>
                  {reason !== undefined && (
                    <p className="field__hint roster-mapping__reason" id={reasonId}>
                      {reason}
                    </p>
                  )}
                </td>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            // The sample has no ids; its order never changes while the dialog is open.
            <tr key={rowIndex}>
              {columns.map((column, index) => (
                <td key={column} className="roster-mapping__cell">
                  {row[index] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
