import type { Database } from 'better-sqlite3-multiple-ciphers';
import { WITHHELD_PAYLOAD } from '../../../shared/domain/audit';
import { identifier } from './identifiers';
import { ofType, type SchemaObject } from './schema-objects';
import type { PrivilegedPolicy, SnapshotPolicy } from './snapshot-policy';

export interface WithheldNotes {
  /** Audit entries whose payload was withheld (privileged notes left out). */
  withheld: number;
  privilegedNotesLeftOut: number;
  /** Merge conflicts over those notes, which hold their text too. */
  privilegedConflictsLeftOut: number;
}

export const NOTHING_WITHHELD: WithheldNotes = {
  withheld: 0,
  privilegedNotesLeftOut: 0,
  privilegedConflictsLeftOut: 0,
};

function tablesFor(policy: SnapshotPolicy, role: PrivilegedPolicy): string[] {
  return Object.entries(policy.tables)
    .filter(([, table]) => table.privileged === role)
    .map(([name]) => name);
}

/**
 * Removes privileged notes and withholds the audit payloads of every note that was ever
 * privileged: the log keeps a note's text after it is deleted or un-flagged, so looking only at
 * the notes there now would let that text out. Runs on the snapshot, before its triggers are back.
 */
export function leaveOutPrivilegedNotes(
  snapshot: Database,
  schema: readonly SchemaObject[],
  policy: SnapshotPolicy,
): WithheldNotes {
  const notes = tablesFor(policy, 'privileged-notes');
  const audits = tablesFor(policy, 'note-audit-payloads');
  const current = notes.flatMap((table) =>
    (
      snapshot
        .prepare(`SELECT id FROM ${identifier(table)} WHERE json_extract(data, '$.privileged') = 1`)
        .all() as { id: string }[]
    ).map((row) => row.id),
  );
  const everPrivileged = audits.flatMap((table) =>
    (
      snapshot
        .prepare(
          `SELECT DISTINCT substr(target, 6) AS id FROM ${identifier(table)}
           WHERE target LIKE 'note:%' AND (
             json_extract(payload, '$.privileged') = 1 OR
             json_extract(payload, '$.privileged.from') = 1 OR
             json_extract(payload, '$.privileged.to') = 1)`,
        )
        .all() as { id: string }[]
    ).map((row) => row.id),
  );
  const noteIds = new Set([...current, ...everPrivileged]);
  const conflicts = tablesFor(policy, 'note-conflicts').map((table) => ({
    table,
    ids: conflictsOver(snapshot, table, noteIds),
  }));
  const conflictCount = conflicts.reduce((sum, { ids }) => sum + ids.length, 0);
  if (noteIds.size === 0 && conflictCount === 0) return NOTHING_WITHHELD;
  // The search-index triggers are back for the delete, so the index forgets the notes too.
  const searchTriggers = ofType(schema, 'trigger').filter((t) => policy.triggers[t.name] === 'search-index');
  let withheld = 0;
  snapshot.transaction(() => {
    for (const trigger of searchTriggers) snapshot.exec(trigger.sql ?? '');
    for (const table of notes) {
      const remove = snapshot.prepare(`DELETE FROM ${identifier(table)} WHERE id = @id`);
      for (const id of current) remove.run({ id });
    }
    for (const table of tablesFor(policy, 'note-search-rows')) {
      const remove = snapshot.prepare(`DELETE FROM ${identifier(table)} WHERE item_id = @id`);
      for (const id of current) remove.run({ id });
    }
    const payload = JSON.stringify(WITHHELD_PAYLOAD);
    for (const table of audits) {
      const withhold = snapshot.prepare(
        `UPDATE ${identifier(table)} SET payload = @payload WHERE target = @target`,
      );
      for (const id of noteIds) withheld += withhold.run({ payload, target: `note:${id}` }).changes;
    }
    for (const { table, ids } of conflicts) {
      const remove = snapshot.prepare(`DELETE FROM ${identifier(table)} WHERE id = @id`);
      for (const id of ids) remove.run({ id });
    }
    for (const trigger of searchTriggers) snapshot.exec(`DROP TRIGGER ${identifier(trigger.name)}`);
  })();
  return { withheld, privilegedNotesLeftOut: current.length, privilegedConflictsLeftOut: conflictCount };
}

/**
 * Conflicts over a note that is or was privileged here, or whose version on either side is
 * privileged (a colleague's privileged edit of a note that is not privileged here).
 */
function conflictsOver(snapshot: Database, table: string, noteIds: ReadonlySet<string>): string[] {
  const rows = snapshot
    .prepare(
      `SELECT id, json_extract(data, '$.recordId') AS recordId FROM ${identifier(table)}
       WHERE json_extract(data, '$.kind') = 'note'`,
    )
    .all() as { id: string; recordId: string }[];
  const flagged = new Set(
    (
      snapshot
        .prepare(
          `SELECT id FROM ${identifier(table)} WHERE json_extract(data, '$.kind') = 'note' AND (
             json_extract(data, '$.ours.privileged') = 1 OR json_extract(data, '$.theirs.privileged') = 1)`,
        )
        .all() as { id: string }[]
    ).map((row) => row.id),
  );
  return rows.filter((row) => noteIds.has(row.recordId) || flagged.has(row.id)).map((row) => row.id);
}
