import { useId, useState } from 'react';
import type { MergeConflict } from '../../../../shared/domain/bundle';
import { Button } from '../../components/Button';
import { formatInstant } from '../../lib/time';
import { valueText } from './format';
import { fieldLabel, KIND_LABELS } from './kinds';
import { useConflictsStore } from './conflicts-store';

const RESOLVED: Record<Exclude<MergeConflict['status'], 'open'>, string> = {
  'kept-ours': 'Kept this case’s version',
  'took-theirs': 'Took the bundle’s version',
};

/** One record changed differently on both sides: each differing field, ours beside theirs, and the choice. */
export function ConflictItem({
  conflict,
  onResolved,
}: {
  conflict: MergeConflict;
  /** After a choice is saved (its buttons are gone, so the panel takes the keyboard). */
  onResolved: () => void;
}) {
  const resolve = useConflictsStore((state) => state.resolve);
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kind = KIND_LABELS[conflict.kind].one;

  async function choose(choice: 'ours' | 'theirs'): Promise<void> {
    setBusy(true);
    setError(null);
    const failure = await resolve(conflict.id, choice);
    setBusy(false);
    if (failure !== null) setError(failure);
    else onResolved();
  }

  return (
    <article className="conflict" aria-labelledby={headingId}>
      <header className="conflict__head">
        <span className="badge">{kind}</span>
        <h3 id={headingId} className="conflict__title">
          {conflict.label}
        </h3>
        {conflict.status !== 'open' && (
          <span className="muted small">
            {RESOLVED[conflict.status]}
            {conflict.resolvedAt !== null && ` on ${formatInstant(conflict.resolvedAt)}`}
            {conflict.resolvedBy !== null && ` by ${conflict.resolvedBy}`}
          </span>
        )}
      </header>
      <table className="data-table conflict__table" aria-label={`Differences in ${conflict.label}`}>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">This case (ours)</th>
            <th scope="col">The bundle (theirs)</th>
          </tr>
        </thead>
        <tbody>
          {conflict.fields.map((field) => (
            <tr key={field}>
              <th scope="row">{fieldLabel(field)}</th>
              <td>
                <pre className="conflict__value">{valueText(conflict.ours[field])}</pre>
              </td>
              <td>
                <pre className="conflict__value">{valueText(conflict.theirs[field])}</pre>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {conflict.status === 'open' && (
        <div className="bundle-actions">
          <Button
            onClick={() => void choose('ours')}
            disabled={busy}
            aria-label={`Keep ours for ${kind.toLowerCase()} ${conflict.label}`}
          >
            Keep ours
          </Button>
          <Button
            onClick={() => void choose('theirs')}
            disabled={busy}
            aria-label={`Take theirs for ${kind.toLowerCase()} ${conflict.label}`}
          >
            Take theirs
          </Button>
        </div>
      )}
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
