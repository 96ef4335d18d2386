import { existsSync, readdirSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditStamp } from './migrate';
import { appendAuditEntry } from './repos/audit-repo';
import {
  discardRun,
  noticeStateKeys,
  refreshUnreached,
  setNoticeState,
  setRunState,
  unfinishedRuns,
} from './repos/notices-repo';

/** The temporary folder a run writes into, beside its target: only such a folder is ever removed. */
export function noticeRunTempPath(out: string, runId: string): string {
  return `${out}.breachdesk-partial-${runId}`;
}

const TEMP_NAME = /\.breachdesk-partial-[0-9a-f-]{36}$/;

/**
 * Finishes what a notification run left when it was killed. A run still writing is removed: its
 * notices, the codes it gave out and its temporary folder (no partial output reaches the target).
 * A run recorded but not yet moved into place is moved (its files were complete and hashed).
 * Runs on every open; returns how many runs were discarded.
 */
export function finishInterruptedNoticeRuns(db: Database, stamp: AuditStamp): number {
  // A finished run written again is only files: a killed rewrite leaves its folder, removed here.
  for (const { key, value } of noticeStateKeys(db, 'rewrite:')) {
    if (TEMP_NAME.test(basename(value))) rmSync(value, { recursive: true, force: true });
    db.transaction(() => setNoticeState(db, key, null))();
  }
  const unfinished = unfinishedRuns(db);
  let discarded = 0;
  for (const { run, state, temp } of unfinished) {
    const ours = TEMP_NAME.test(basename(temp));
    if (state === 'writing') {
      if (ours) rmSync(temp, { recursive: true, force: true });
      db.transaction(() => {
        const notices = discardRun(db, run.seq);
        appendAuditEntry(db, {
          ...stamp,
          action: 'notices.run_abandoned',
          target: `notice-run:${run.id}`,
          payload: { seq: run.seq, noticesDiscarded: notices },
        });
      })();
      discarded += 1;
      continue;
    }
    if (ours && existsSync(temp)) {
      if (existsSync(run.out) && readdirSync(run.out).length === 0) rmdirSync(run.out);
      if (!existsSync(run.out)) renameSync(temp, run.out);
    }
    db.transaction(() => {
      setRunState(db, run, 'done');
      refreshUnreached(db);
      appendAuditEntry(db, {
        ...stamp,
        action: 'notices.run_placed',
        target: `notice-run:${run.id}`,
        payload: { seq: run.seq, out: run.out, placedOnOpen: true },
      });
    })();
  }
  return discarded;
}
