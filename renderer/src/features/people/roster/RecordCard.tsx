import type { PersonRecord } from '../../../../../shared/domain/roster';
import { formatCount } from '../../../../../shared/text/count';
import { elementLabel, RESIDENCY_SOURCE_LABELS, residencyLabel } from './format';
import { RecordValues } from './RecordValues';

/** One record as read: where it came from, where its person lives, what it exposed, its values. */
export function RecordCard({ record, revealed }: { record: PersonRecord; revealed: boolean }) {
  return (
    <div className="roster-record">
      <p className="roster-record__where muted">
        {record.dataset}, line {formatCount(record.line)}
        {record.inScope === false && ' · not in the scope file'}
      </p>
      <RecordValues record={record} revealed={revealed} />
      <p className="roster-record__facts">
        {residencyLabel(record.jurisdiction)}
        <span className="muted"> · from {RESIDENCY_SOURCE_LABELS[record.source].toLowerCase()}</span>
      </p>
      {record.elements.length > 0 && (
        <p className="roster-record__facts muted">Exposed: {record.elements.map(elementLabel).join(', ')}</p>
      )}
    </div>
  );
}
