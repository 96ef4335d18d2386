import type { Database } from 'better-sqlite3-multiple-ciphers';
import { mergeConflictSchema, type MergeConflict } from '../../../shared/domain/bundle';
import { RecordTable } from './record-table';

/** Open conflicts first (oldest first), then resolved ones. */
export const conflictsTable = new RecordTable(
  'merge_conflicts',
  mergeConflictSchema,
  (c) => `${c.status === 'open' ? '0' : '1'}${c.createdAt}`,
);

export function listConflicts(db: Database, includeResolved: boolean): MergeConflict[] {
  const all = conflictsTable.all(db);
  return includeResolved ? all : all.filter((c) => c.status === 'open');
}
