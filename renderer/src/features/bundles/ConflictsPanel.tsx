import { useEffect, useRef } from 'react';
import { useContentChanged } from '../../lib/use-content-changed';
import { ConflictItem } from './ConflictItem';
import { useConflictsStore } from './conflicts-store';
import { plural } from '../../../../shared/text/plural';

/** The merge conflicts of the open case, open ones first to resolve; resolved ones on request. */
export function ConflictsPanel() {
  const conflicts = useConflictsStore((state) => state.conflicts);
  const openCount = useConflictsStore((state) => state.openCount);
  const includeResolved = useConflictsStore((state) => state.includeResolved);
  const error = useConflictsStore((state) => state.error);
  const load = useConflictsStore((state) => state.load);
  const setIncludeResolved = useConflictsStore((state) => state.setIncludeResolved);

  useEffect(() => {
    void load();
  }, [load]);
  useContentChanged(['conflicts'], load);
  const status = useRef<HTMLParagraphElement>(null);
  const afterResolve = () => window.requestAnimationFrame(() => status.current?.focus());

  const ordered = [...(conflicts ?? [])].sort(
    (a, b) =>
      Number(a.status !== 'open') - Number(b.status !== 'open') || a.createdAt.localeCompare(b.createdAt),
  );
  return (
    <div className="conflicts">
      <div className="conflicts__bar">
        <p className="num conflicts__count" role="status" tabIndex={-1} ref={status}>
          {openCount === 0
            ? 'No open merge conflicts.'
            : `${plural(openCount, 'conflict', 'conflicts')} to resolve.`}
        </p>
        <label className="check">
          <input
            type="checkbox"
            checked={includeResolved}
            onChange={(event) => void setIncludeResolved(event.target.checked)}
          />
          Show resolved
        </label>
      </div>
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {conflicts !== null && ordered.length === 0 && (
        <p className="empty">
          When a merged bundle changes a record that this case also changed, both versions wait here until you
          keep ours or take theirs.
        </p>
      )}
      {ordered.length > 0 && (
        <ul className="conflicts__list" aria-label="Merge conflicts">
          {ordered.map((conflict) => (
            <li key={conflict.id}>
              <ConflictItem conflict={conflict} onResolved={afterResolve} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
