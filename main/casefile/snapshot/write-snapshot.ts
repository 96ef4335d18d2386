import type { CaseFile } from '../case-file';
import { copyDatabase, replayTriggers } from './copy-database';
import { SNAPSHOT_PAGE_SIZE, SnapshotFile } from './snapshot-file';
import { checkSnapshotPolicy } from './check-policy';
import { identifier } from './identifiers';
import { leaveOutPrivilegedNotes, NOTHING_WITHHELD, type WithheldNotes } from './privileged-notes';
import { ofType, readSchema, type SchemaObject } from './schema-objects';
import { SNAPSHOT_POLICY, type SnapshotPolicy } from './snapshot-policy';

export type SnapshotResult = WithheldNotes & {
  /** The snapshot written, encrypted like the case; read it through this. */
  snapshot: SnapshotFile;
};

/**
 * Writes a copy of the open case to `target` without its evidence bytes (the bag carries them
 * as original files; import puts them back). The copy gets the case's own schema, replayed from
 * sqlite_schema and checked against the snapshot policy, then is filled table by table in one
 * read transaction, so it is a consistent point-in-time copy with the same search index.
 * VACUUM INTO would copy every evidence chunk as well, doubling the bag. Without privileged
 * notes, those notes, their search rows and their audit payloads are removed. The snapshot of an
 * encrypted case is encrypted with the case's key, so no plaintext copy is ever written.
 */
export function writeSnapshot(
  file: CaseFile,
  target: string,
  options: { includePrivileged: boolean; includeRoster: boolean },
  policy: SnapshotPolicy = SNAPSHOT_POLICY,
): SnapshotResult {
  const { db } = file;
  const schema = readSchema(db);
  checkSnapshotPolicy(schema, policy);
  const passphrase = file.passphraseForCopies();
  const written = new SnapshotFile(target, passphrase);
  // Small pages: without its evidence bytes a case is mostly small tables, each taking at least
  // a page. An import copies it into a file of the case page size before loading evidence.
  copyDatabase(
    db,
    schema,
    db.pragma('user_version', { simple: true }) as number,
    { path: target, pageSize: SNAPSHOT_PAGE_SIZE, passphrase },
    [
      ...tablesWithRows(schema, policy, 'copy'),
      ...(options.includeRoster ? tablesWithRows(schema, policy, 'roster') : []),
    ],
  );
  const snapshot = written.openForWriting();
  try {
    snapshot.pragma('journal_mode = DELETE');
    // Overwrite what is deleted or replaced instead of leaving it in free space.
    snapshot.pragma('secure_delete = ON');
    const result = options.includePrivileged
      ? NOTHING_WITHHELD
      : leaveOutPrivilegedNotes(snapshot, schema, policy);
    replayTriggers(snapshot, schema);
    if (result.privilegedNotesLeftOut > 0 || result.withheld > 0 || result.privilegedConflictsLeftOut > 0) {
      // Merge the full-text index and drop freed pages so no deleted note text survives in the file.
      for (const index of tablesWithRows(schema, policy, 'full-text-index')) {
        snapshot.exec(`INSERT INTO ${identifier(index)} (${identifier(index)}) VALUES ('optimize')`);
      }
      snapshot.exec('VACUUM');
    }
    return { ...result, snapshot: written };
  } finally {
    snapshot.close();
  }
}

function tablesWithRows(
  schema: readonly SchemaObject[],
  policy: SnapshotPolicy,
  rows: 'copy' | 'full-text-index' | 'roster',
): string[] {
  return ofType(schema, 'table')
    .filter((table) => policy.tables[table.name]?.rows === rows)
    .map((table) => table.name);
}
