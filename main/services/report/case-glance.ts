import type { CaseGlance } from '../../../shared/domain/recent';
import { BreachdeskError } from '../../../shared/ipc/errors';
import type { CaseFile } from '../../casefile/case-file';
import { readCaseFileReadOnly } from '../../casefile/read-only';
import { noticeShortName } from '../../../shared/obligations/short-name';
import { demoViewOf } from '../demo-view';
import { obligationsBoard, type Board } from '../obligations/obligations-service';

/** Today's date where the user is (YYYY-MM-DD). */
export function localDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The board's figures: nearest open fixed deadline, overdue, owed, sent, decisions needed. */
export function glanceOfBoard(board: Board, now: Date): Extract<CaseGlance, { kind: 'figures' }> {
  const open: { name: string; title: string; due: string }[] = [];
  let owed = 0;
  let sent = 0;
  let overdue = 0;
  for (const row of board.rows) {
    const obligation = row.obligation;
    if (obligation === null) continue;
    const status = row.status?.status ?? 'todo';
    if (status === 'not_required') continue;
    owed += 1;
    if (status === 'sent') {
      sent += 1;
      continue;
    }
    const due = obligation.deadline.state === 'fixed' ? obligation.deadline.due : null;
    if (due === null) continue;
    if (Date.parse(due) <= now.getTime()) overdue += 1;
    open.push({ name: noticeShortName(obligation), title: obligation.title, due });
  }
  open.sort((a, b) => a.due.localeCompare(b.due));
  const decisionsNeeded = board.decisionNeeded.filter((d) => d.status?.status !== 'not_required').length;
  return {
    kind: 'figures',
    nearest: open[0] ?? null,
    open,
    owed,
    sent,
    overdue,
    decisionsNeeded,
    viewAsOf: null,
  };
}

/** The figures of an open case; the demo's are counted as of its own viewing moment. */
export function caseGlance(file: CaseFile, now: Date): CaseGlance {
  const demo = demoViewOf(file);
  const at = demo === null ? now : new Date(demo.at);
  const glance = glanceOfBoard(obligationsBoard(file, undefined, localDate(at)), at);
  return demo === null ? glance : { ...glance, viewAsOf: demo.at };
}

/**
 * The figures of a case file that is not open here, read without opening it for writing (see
 * readCaseFileReadOnly): its bytes and times stay as they are. An encrypted file whose
 * passphrase is not at hand is "locked"; a passphrase is never asked for.
 */
export function glanceAtCaseFile(path: string, passphrase: Buffer | null, now: Date): CaseGlance {
  try {
    return readCaseFileReadOnly(path, passphrase, (file) => caseGlance(file, now));
  } catch (error) {
    if (error instanceof BreachdeskError) {
      if (error.code === 'PASSPHRASE_REQUIRED' || error.code === 'WRONG_PASSPHRASE')
        return { kind: 'locked' };
      return { kind: 'unavailable', reason: error.message };
    }
    return { kind: 'unavailable', reason: 'The notices could not be read from this file.' };
  }
}

export { noticeShortName };
