import type { Database } from 'better-sqlite3-multiple-ciphers';
import { auditActionsAfter, auditHashAt, lastAuditSeq } from '../../../casefile/repos/audit-repo';

/**
 * What each side changed since the two copies of a case parted. A colleague's copy that came
 * from a bundle of this case starts with this case's audit log, and a hash chain makes a common
 * prefix easy to find: if entry k has the same hash on both sides, so do all entries before it.
 * The targets logged after that point (`event:ID`, `evidence:ID`…) are what each side touched,
 * which turns "the two versions differ" into "who changed it": only them, only us, or both.
 */
export interface SharedHistory {
  /** False when the logs share no entry (different cases): every difference is a conflict. */
  shared: boolean;
  /** The last entry both logs hold. */
  splitSeq: number;
  changedHere: ReadonlySet<string>;
  changedThere: ReadonlySet<string>;
}

export function sharedHistory(ours: Database, theirs: Database): SharedHistory {
  let low = 0;
  let high = Math.min(lastAuditSeq(ours), lastAuditSeq(theirs));
  // Largest k with equal hashes at k (0 when none): equality holds for a prefix, so bisect.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const here = auditHashAt(ours, middle);
    if (here !== null && here === auditHashAt(theirs, middle)) low = middle;
    else high = middle - 1;
  }
  return {
    shared: low > 0,
    splitSeq: low,
    changedHere: editedAfter(ours, low),
    changedThere: editedAfter(theirs, low),
  };
}

/**
 * Targets whose record was edited after `seq`. An evidence item's custody, exports and checks are
 * logged against it too but leave its record as it was, so only `evidence.updated` counts there.
 */
function editedAfter(db: Database, seq: number): Set<string> {
  return new Set(
    auditActionsAfter(db, seq)
      .filter(({ target, action }) => !target.startsWith('evidence:') || action === 'evidence.updated')
      .map(({ target }) => target),
  );
}

export type MergeDecision = 'keep-ours' | 'take-theirs' | 'conflict';

/**
 * Two different versions of one record: who changed it since the split decides. When neither
 * side edited it, the difference follows from a linked record (an event deleted here drops its
 * evidence links): that record is merged on its own, and this one stays as it is here.
 */
export function decide(history: SharedHistory, target: string): MergeDecision {
  if (!history.shared) return 'conflict';
  const here = history.changedHere.has(target);
  const there = history.changedThere.has(target);
  if (there && !here) return 'take-theirs';
  if (there && here) return 'conflict';
  return 'keep-ours';
}
