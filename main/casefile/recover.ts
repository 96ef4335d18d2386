import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditStamp } from './migrate';
import { appendAuditEntry } from './repos/audit-repo';
import { discardBlob, stagedBlobIds } from './repos/blob-repo';
import {
  deleteDataset,
  ensureRosterIndexes,
  rosterIndexesComplete,
  stagingDatasetSeqs,
} from './repos/roster-repo';
import type { InterruptedChange } from './interrupted-change';
import { finishInterruptedNoticeRuns } from './notice-runs-recovery';

export { finishInterruptedNoticeRuns };

/** What opening a case file repaired: a change SQLite rolled back, and abandoned intakes. */
export interface Recovery {
  rolledBack: InterruptedChange | null;
  intakesDiscarded: number;
  /** Roster imports cut off before they finished, whose rows were removed. */
  rosterImportsDiscarded: number;
  /** Notification runs cut off while writing: their notices and temporary folder removed. */
  noticeRunsDiscarded?: number;
}

/**
 * Records that SQLite rolled back a change that was cut off (the lock taken on open replays the
 * journal), so the audit log shows when a crash was recovered from. Nothing of the lost change
 * is known beyond its size: it never committed, so it was never audited either.
 */
export function recordRollback(db: Database, stamp: AuditStamp, change: InterruptedChange): void {
  db.transaction(() => {
    appendAuditEntry(db, {
      ...stamp,
      action: 'casefile.recovered',
      target: 'casefile',
      payload: { rolledBack: true, journalBytes: change.journalBytes, pagesRestored: change.pages },
    });
  })();
}

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

/**
 * Discards what a roster import staged but never finished (killed, or the machine stopped), and
 * builds the key indexes again if the import had dropped them. Runs on every open.
 */
export function discardInterruptedRosterImports(db: Database, stamp: AuditStamp): number {
  const staged = stagingDatasetSeqs(db);
  const indexed = rosterIndexesComplete(db);
  if (staged.length === 0 && indexed) return 0;
  db.transaction(() => {
    let records = 0;
    for (const seq of staged) records += deleteDataset(db, seq);
    ensureRosterIndexes(db);
    if (staged.length > 0) {
      appendAuditEntry(db, {
        ...stamp,
        action: 'roster.import_abandoned',
        target: 'roster',
        payload: { datasetsDiscarded: staged.length, recordsDiscarded: records },
      });
    }
  })();
  return staged.length;
}
