import type { Database } from 'better-sqlite3-multiple-ciphers';
import { APPLICATION_ID } from '../constants';

/** Whether the snapshot says it is a Breachdesk case file; throws if its header cannot be read. */
export function isCaseFileSnapshot(db: Database): boolean {
  return db.pragma('application_id', { simple: true }) === APPLICATION_ID;
}

/** Turns journaling back on and closes: the file is an ordinary case file again. */
export function finishLoading(db: Database): void {
  db.pragma('journal_mode = DELETE');
  db.close();
}
