import { useId } from 'react';
import { MERGE_KINDS, type BundleMergeResult } from '../../../../shared/domain/bundle';
import { Button } from '../../components/Button';
import { StatusBanner } from '../../components/StatusBanner';
import { baseName } from './format';
import { KIND_LABELS } from './kinds';
import { formatCount } from '../../../../shared/text/count';
import { plural } from '../../../../shared/text/plural';

interface MergeSummaryProps {
  path: string;
  result: BundleMergeResult;
  onResolve: () => void;
}

/** What a merge brought across: added and unchanged records by kind, deduplicated evidence, custody, conflicts. */
export function MergeSummary({ path, result, onResolve }: MergeSummaryProps) {
  const tableId = useId();
  const total = (counts: BundleMergeResult['added']) =>
    MERGE_KINDS.reduce((sum, kind) => sum + counts[kind], 0);
  const added = total(result.added);
  const updated = total(result.updated);
  const unchanged = total(result.unchanged);
  const conflicts = result.conflicts.length;
  return (
    <div className="bundle-result">
      <StatusBanner
        tone="info"
        label="Merge result"
        title={`Merged ${baseName(path)}: ${plural(added, 'record', 'records')} added, ${formatCount(updated)} updated, ${formatCount(unchanged)} unchanged, ${plural(conflicts, 'conflict', 'conflicts')}.`}
      >
        <p className="banner__detail">
          The bundle verified before anything was added. Records only your colleague changed took their
          version; records changed on both sides wait for you as conflicts.
        </p>
      </StatusBanner>
      <table className="data-table bundle-merge-table" aria-labelledby={tableId}>
        <caption id={tableId} className="bundle-caption">
          Records by kind
        </caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col" className="num">
              Added
            </th>
            <th scope="col" className="num">
              Updated
            </th>
            <th scope="col" className="num">
              Unchanged
            </th>
          </tr>
        </thead>
        <tbody>
          {MERGE_KINDS.map((kind) => (
            <tr key={kind}>
              <th scope="row">{KIND_LABELS[kind].many}</th>
              <td className="num">{formatCount(result.added[kind])}</td>
              <td className="num">{formatCount(result.updated[kind])}</td>
              <td className="num">{formatCount(result.unchanged[kind])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="facts bundle-facts">
        <dt>Evidence already held</dt>
        <dd className="num">
          {plural(result.deduplicated, 'item', 'items')} with the same SHA-256 (bytes not stored twice)
        </dd>
        {result.evidenceWithoutBytes > 0 && (
          <>
            <dt>Evidence without bytes</dt>
            <dd className="num">
              {plural(result.evidenceWithoutBytes, 'item', 'items')} listed in the bundle, not added: it was
              exported without evidence files
            </dd>
          </>
        )}
        <dt>Custody entries added</dt>
        <dd className="num">{formatCount(result.custodyEntriesAdded)}</dd>
      </dl>
      {!result.sharedHistory && (
        <p className="warn-note">
          <span aria-hidden="true">⚠ </span>This bundle shares no history with this case, so whose edit came
          last cannot be told: every record that differs is a conflict.
        </p>
      )}
      {conflicts > 0 && (
        <div className="warn-note bundle-conflicts-note">
          <p>
            <span aria-hidden="true">⚠ </span>
            {plural(conflicts, 'record was', 'records were')} changed differently here and in the bundle; this
            case keeps its version until you choose:
          </p>
          <ul className="bundle-conflicts-note__list" aria-label="Conflicts from this merge">
            {result.conflicts.map((conflict) => (
              <li key={conflict.id}>
                {KIND_LABELS[conflict.kind].one} <strong>{conflict.label}</strong> (
                {conflict.fields.join(', ')})
              </li>
            ))}
          </ul>
          <Button onClick={onResolve}>Resolve conflicts…</Button>
        </div>
      )}
    </div>
  );
}
