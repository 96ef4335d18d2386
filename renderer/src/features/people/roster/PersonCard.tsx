import { useState } from 'react';
import type { RosterPerson } from '../../../../../shared/domain/roster';
import { plural } from '../../../../../shared/text/plural';
import { elementLabel, RESIDENCY_SOURCE_LABELS, residencyLabel } from './format';
import { RecordCard } from './RecordCard';
import { RevealToggle } from './RevealToggle';

/** One person found: whether they count as affected, where they live, what was exposed, their records. */
export function PersonCard({ person, number }: { person: RosterPerson; number: number }) {
  const [revealed, setRevealed] = useState(false);
  const name = `person ${number}`;
  return (
    <li className="roster-person" aria-label={`Person ${number}`}>
      <div className="roster-person__head">
        <p className="roster-person__verdict">
          <strong>{person.affected ? 'Affected' : 'Not affected'}</strong>
          {!person.affected && <span className="muted"> (outside the scope file)</span>}
        </p>
        <RevealToggle revealed={revealed} onToggle={() => setRevealed(!revealed)} of={name} />
      </div>
      <dl className="roster-person__facts">
        <dt>Residency</dt>
        <dd>
          {residencyLabel(person.jurisdiction)}
          <span className="muted"> · from {RESIDENCY_SOURCE_LABELS[person.source].toLowerCase()}</span>
        </dd>
        <dt>Exposed</dt>
        <dd>
          {person.elements.length === 0 ? 'No data element' : person.elements.map(elementLabel).join(', ')}
        </dd>
        <dt>Records</dt>
        <dd>{plural(person.records.length, 'record')}</dd>
      </dl>
      {person.records.length === 0 ? (
        <p className="muted">The records were purged; only the counts were kept.</p>
      ) : (
        <div className="roster-person__records">
          {person.records.map((record) => (
            <RecordCard key={record.recordId} record={record} revealed={revealed} />
          ))}
        </div>
      )}
    </li>
  );
}
