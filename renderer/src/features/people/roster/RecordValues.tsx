import { ROSTER_FIELD_LABELS, ROSTER_FIELDS, type PersonRecord } from '../../../../../shared/domain/roster';
import { maskRosterValue } from '../../../../../shared/roster/mask';

/**
 * One record's values in the roster's field order, masked until the person asks to see them,
 * so contact data is not on screen (or in a screenshot) by default.
 */
export function RecordValues({ record, revealed }: { record: PersonRecord; revealed: boolean }) {
  const fields = ROSTER_FIELDS.filter((field) => (record.values[field] ?? '') !== '');
  if (fields.length === 0) return <p className="muted">No values were mapped for this record.</p>;
  return (
    <dl className="roster-values">
      {fields.map((field) => {
        const value = record.values[field] ?? '';
        return (
          <div key={field}>
            <dt>{ROSTER_FIELD_LABELS[field]}</dt>
            <dd className="roster-values__value">{revealed ? value : maskRosterValue(field, value)}</dd>
          </div>
        );
      })}
    </dl>
  );
}
