import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { CaseFile } from '../../../casefile/case-file';
import { APPLICATION_ID } from '../../../casefile/constants';
import { migrateCaseFile, type AuditStamp } from '../../../casefile/migrate';
import { WITHHELD_PAYLOAD } from '../../../../shared/domain/audit';

/** SQLite's default page size: the demo's snapshot is under 1 MB with it, 4.5 MB with 64 KiB pages. */
const SNAPSHOT_PAGE_SIZE = 4096;

/** Tables whose rows never go into a snapshot: evidence bytes travel once, as the bag's originals. */
const LEFT_OUT = new Set(['blob_chunks']);

export interface SnapshotResult {
  /** Audit entries whose payload was withheld (privileged notes left out). */
  withheld: number;
  privilegedNotesLeftOut: number;
}

interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/**
 * Writes a copy of the open case to `target` without its evidence bytes (the bag carries them
 * as original files; import puts them back). The copy is built from the same migrations, then
 * filled table by table in one read transaction, so it is a consistent point-in-time copy with
 * the same search index. VACUUM INTO would copy every evidence chunk as well, doubling the bag.
 * Without privileged notes, those notes, their search rows and their audit payloads are removed.
 */
export function writeSnapshot(
  file: CaseFile,
  target: string,
  options: { includePrivileged: boolean },
  stamp: AuditStamp,
): SnapshotResult {
  const triggers = createEmptyCopy(target, file.schemaVersion, stamp);
  const { db } = file;
  db.prepare('ATTACH DATABASE ? AS snapshot').run(target);
  // SQLite's defensive mode forbids writing the full-text index's storage tables; copying them
  // as they are keeps the index without tokenising every page of evidence text again.
  db.unsafeMode(true);
  try {
    db.transaction(() => {
      for (const table of copiedTables(db)) copyTable(db, table);
    })();
  } finally {
    db.unsafeMode(false);
    db.exec('DETACH DATABASE snapshot');
  }
  const snapshot = new BetterSqlite3(target);
  try {
    snapshot.pragma('journal_mode = DELETE');
    // Overwrite what is deleted or replaced instead of leaving it in free space.
    snapshot.pragma('secure_delete = ON');
    const result = options.includePrivileged
      ? { withheld: 0, privilegedNotesLeftOut: 0 }
      : leaveOutPrivilegedNotes(snapshot, triggers);
    snapshot.transaction(() => {
      for (const trigger of triggers) snapshot.exec(trigger.sql ?? '');
    })();
    if (result.privilegedNotesLeftOut > 0 || result.withheld > 0) {
      // Merge the full-text index and drop freed pages so no deleted note text survives in the file.
      snapshot.exec("INSERT INTO search_index (search_index) VALUES ('optimize')");
      snapshot.exec('VACUUM');
    }
    return result;
  } finally {
    snapshot.close();
  }
}

/** A fresh case file with the latest schema and no triggers (they are put back after the copy). */
function createEmptyCopy(target: string, schemaVersion: number, stamp: AuditStamp): SchemaObject[] {
  const snapshot = new BetterSqlite3(target);
  try {
    // Small pages: without its evidence bytes a case is mostly small tables, each taking at least
    // a page. An import turns the copy back to the case file page size before loading evidence.
    snapshot.pragma(`page_size = ${SNAPSHOT_PAGE_SIZE}`);
    snapshot.pragma('journal_mode = DELETE');
    snapshot.pragma(`application_id = ${APPLICATION_ID}`);
    const { to } = migrateCaseFile(snapshot, target, 0, stamp);
    if (to !== schemaVersion)
      throw new Error(`snapshot schema ${to} differs from the case's ${schemaVersion}`);
    const triggers = snapshot
      .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY rowid")
      .all() as SchemaObject[];
    for (const trigger of triggers) snapshot.exec(`DROP TRIGGER "${trigger.name}"`);
    return triggers;
  } finally {
    snapshot.close();
  }
}

/** Ordinary tables (including the full-text index's own storage tables), minus the evidence bytes. */
function copiedTables(db: Database): string[] {
  const rows = db
    .prepare(
      `SELECT name FROM snapshot.sqlite_master
       WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
       ORDER BY rowid`,
    )
    .all() as { name: string }[];
  return rows.map((row) => row.name).filter((name) => !LEFT_OUT.has(name));
}

function copyTable(db: Database, table: string): void {
  const columns = (
    db.prepare(`SELECT name FROM pragma_table_info(?, 'snapshot')`).all(table) as { name: string }[]
  )
    .map((column) => `"${column.name}"`)
    .join(', ');
  db.exec(`DELETE FROM snapshot."${table}"`);
  db.exec(`INSERT INTO snapshot."${table}" (${columns}) SELECT ${columns} FROM main."${table}"`);
}

/**
 * Removes privileged notes and withholds the audit payloads of every note that was ever
 * privileged: the log keeps a note's text after it is deleted or un-flagged, so looking only at
 * the notes there now would let that text out.
 */
function leaveOutPrivilegedNotes(snapshot: Database, triggers: readonly SchemaObject[]): SnapshotResult {
  const current = (
    snapshot.prepare("SELECT id FROM notes WHERE json_extract(data, '$.privileged') = 1").all() as {
      id: string;
    }[]
  ).map((row) => row.id);
  const everPrivileged = (
    snapshot
      .prepare(
        `SELECT DISTINCT substr(target, 6) AS id FROM audit_log
         WHERE target LIKE 'note:%' AND (
           json_extract(payload, '$.privileged') = 1 OR
           json_extract(payload, '$.privileged.from') = 1 OR
           json_extract(payload, '$.privileged.to') = 1)`,
      )
      .all() as { id: string }[]
  ).map((row) => row.id);
  const noteIds = new Set([...current, ...everPrivileged]);
  if (noteIds.size === 0) return { withheld: 0, privilegedNotesLeftOut: 0 };
  // The search-index triggers are back for the delete, so the index forgets the notes too.
  const searchTriggers = triggers.filter((t) => t.tbl_name === 'search_items');
  let withheld = 0;
  snapshot.transaction(() => {
    for (const trigger of searchTriggers) snapshot.exec(trigger.sql ?? '');
    const removeNote = snapshot.prepare('DELETE FROM notes WHERE id = ?');
    const removeSearch = snapshot.prepare('DELETE FROM search_items WHERE item_id = ?');
    for (const id of current) {
      removeNote.run(id);
      removeSearch.run(id);
    }
    const withhold = snapshot.prepare('UPDATE audit_log SET payload = ? WHERE target = ?');
    for (const id of noteIds)
      withheld += withhold.run(JSON.stringify(WITHHELD_PAYLOAD), `note:${id}`).changes;
    for (const trigger of searchTriggers) snapshot.exec(`DROP TRIGGER "${trigger.name}"`);
  })();
  return { withheld, privilegedNotesLeftOut: current.length };
}
