import { BreachdeskError } from '../../shared/ipc/errors';
import type { CaseFileHeader } from './header';
import { journalPathOf, readJournal } from './journal';

/** A change that was cut off (kill, crash, power cut) and that SQLite will roll back on open. */
export interface InterruptedChange {
  journalBytes: number;
  /** Pages the journal holds as they were before the change. */
  pages: number;
}

/**
 * Looks beside the case file for the journal of an interrupted change, before SQLite opens it.
 * Returns what will be rolled back, or null when there is nothing to roll back. A journal that
 * SQLite would misuse (damaged, or written for another file) is refused here, so both files stay
 * exactly as they are for someone to examine.
 */
export function findInterruptedChange(path: string, header: CaseFileHeader): InterruptedChange | null {
  const journal = readJournal(path, header.pageSize, header.keys);
  if (journal.kind === 'none') return null;
  const name = JSON.stringify(path);
  const journalName = JSON.stringify(journalPathOf(path));
  if (journal.kind === 'damaged') {
    throw new BreachdeskError(
      'CASE_CORRUPT',
      `${name} was interrupted during a change, and the journal that would undo it (${journalName}) is damaged (${journal.reason}); both files were left unchanged: restore the case from a backup.`,
    );
  }
  if (journal.pageOne !== null && !pageOneBelongs(journal.pageOne, header)) {
    throw new BreachdeskError(
      'CASE_CORRUPT',
      `The journal ${journalName} beside ${name} belongs to another file, so it was not applied; both files were left unchanged: move the journal aside only if you know where it came from.`,
    );
  }
  return { journalBytes: journal.bytes, pages: journal.records };
}

/**
 * The journal keeps page 1 as it was when the change began: the same application, and a change
 * counter equal to the file's or one behind it (the file's page 1 may already be rewritten).
 * A journal of another case file would have to match the counter by chance.
 */
function pageOneBelongs(pageOne: Buffer, header: CaseFileHeader): boolean {
  if (pageOne.length < 100 || pageOne.toString('latin1', 0, 16) !== 'SQLite format 3\0') return false;
  if (pageOne.readInt32BE(68) !== header.applicationId) return false;
  const before = pageOne.readUInt32BE(24);
  return header.changeCounter === before || header.changeCounter === (before + 1) >>> 0;
}
