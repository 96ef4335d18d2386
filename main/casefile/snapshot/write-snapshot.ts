import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import type { CaseFile } from '../case-file';
import { APPLICATION_ID } from '../constants';
import { checkSnapshotPolicy } from './check-policy';
import { identifier } from './identifiers';
import { leaveOutPrivilegedNotes, NOTHING_WITHHELD, type WithheldNotes } from './privileged-notes';
import { ofType, readSchema, type SchemaObject } from './schema-objects';
import { SNAPSHOT_POLICY, type SnapshotPolicy } from './snapshot-policy';

/** SQLite's default page size: the demo's snapshot is under 1 MB with it, 4.5 MB with 64 KiB pages. */
const SNAPSHOT_PAGE_SIZE = 4096;

export type SnapshotResult = WithheldNotes;

/**
 * Writes a copy of the open case to `target` without its evidence bytes (the bag carries them
 * as original files; import puts them back). The copy gets the case's own schema, replayed from
 * sqlite_schema and checked against the snapshot policy, then is filled table by table in one
 * read transaction, so it is a consistent point-in-time copy with the same search index.
 * VACUUM INTO would copy every evidence chunk as well, doubling the bag. Without privileged
 * notes, those notes, their search rows and their audit payloads are removed.
 */
export function writeSnapshot(
  file: CaseFile,
  target: string,
  options: { includePrivileged: boolean },
  policy: SnapshotPolicy = SNAPSHOT_POLICY,
): SnapshotResult {
  const { db } = file;
  const schema = readSchema(db);
  checkSnapshotPolicy(schema, policy);
  createEmptyCopy(target, schema, db.pragma('user_version', { simple: true }) as number);
  copyRows(db, target, schema, policy);
  const snapshot = new BetterSqlite3(target);
  try {
    snapshot.pragma('journal_mode = DELETE');
    // Overwrite what is deleted or replaced instead of leaving it in free space.
    snapshot.pragma('secure_delete = ON');
    const result = options.includePrivileged
      ? NOTHING_WITHHELD
      : leaveOutPrivilegedNotes(snapshot, schema, policy);
    snapshot.transaction(() => {
      for (const trigger of ofType(schema, 'trigger')) snapshot.exec(trigger.sql ?? '');
    })();
    if (result.privilegedNotesLeftOut > 0 || result.withheld > 0 || result.privilegedConflictsLeftOut > 0) {
      // Merge the full-text index and drop freed pages so no deleted note text survives in the file.
      for (const index of tablesWithRows(schema, policy, 'full-text-index')) {
        snapshot.exec(`INSERT INTO ${identifier(index)} (${identifier(index)}) VALUES ('optimize')`);
      }
      snapshot.exec('VACUUM');
    }
    return result;
  } finally {
    snapshot.close();
  }
}

/** A new file with the case's tables and indexes and no triggers (they are put back after the copy). */
function createEmptyCopy(target: string, schema: readonly SchemaObject[], userVersion: number): void {
  const snapshot = new BetterSqlite3(target);
  try {
    // Small pages: without its evidence bytes a case is mostly small tables, each taking at least
    // a page. An import turns the copy back to the case file page size before loading evidence.
    snapshot.pragma(`page_size = ${SNAPSHOT_PAGE_SIZE}`);
    snapshot.pragma('journal_mode = DELETE');
    snapshot.pragma(`application_id = ${APPLICATION_ID}`);
    snapshot.transaction(() => {
      // A virtual table creates its own storage tables; every other statement is replayed as is.
      for (const object of schema) {
        if (object.type === 'trigger' || object.shadow || object.sql === null) continue;
        snapshot.exec(object.sql);
      }
      snapshot.pragma(`user_version = ${userVersion}`);
    })();
  } finally {
    snapshot.close();
  }
}

function copyRows(
  db: Database,
  target: string,
  schema: readonly SchemaObject[],
  policy: SnapshotPolicy,
): void {
  db.prepare('ATTACH DATABASE @target AS snapshot').run({ target });
  // SQLite's defensive mode forbids writing the full-text index's storage tables; copying them
  // as they are keeps the index without tokenising every page of evidence text again.
  db.unsafeMode(true);
  try {
    db.transaction(() => {
      for (const table of tablesWithRows(schema, policy, 'copy')) copyTable(db, table);
    })();
  } finally {
    db.unsafeMode(false);
    db.exec('DETACH DATABASE snapshot');
  }
}

function tablesWithRows(
  schema: readonly SchemaObject[],
  policy: SnapshotPolicy,
  rows: 'copy' | 'full-text-index',
): string[] {
  return ofType(schema, 'table')
    .filter((table) => policy.tables[table.name]?.rows === rows)
    .map((table) => table.name);
}

function copyTable(db: Database, table: string): void {
  const columns = (
    db.prepare(`SELECT name FROM pragma_table_info(@table, 'main')`).all({ table }) as { name: string }[]
  )
    .map((column) => identifier(column.name))
    .join(', ');
  const name = identifier(table);
  // A virtual table writes its first rows into its storage when it is created: replaced here.
  db.exec(`DELETE FROM snapshot.${name}`);
  db.exec(`INSERT INTO snapshot.${name} (${columns}) SELECT ${columns} FROM main.${name}`);
}
