import type { Database } from 'better-sqlite3';
import type { AuditStamp } from './migrate';
import { appendAuditEntry } from './repos/audit-repo';
import { discardBlob, stagedBlobIds } from './repos/blob-repo';

/**
 * Discards what an evidence intake staged but never committed (the process was killed or the
 * machine stopped), and records that it did. Runs on every open, before anything else reads.
 */
export function discardInterruptedIntakes(db: Database, stamp: AuditStamp): number {
  const staged = stagedBlobIds(db);
  if (staged.length === 0) return 0;
  db.transaction(() => {
    for (const id of staged) discardBlob(db, id);
    appendAuditEntry(db, {
      ...stamp,
      action: 'evidence.intake_abandoned',
      target: 'evidence',
      payload: { stagedBlobsDiscarded: staged.length },
    });
  })();
  return staged.length;
}
