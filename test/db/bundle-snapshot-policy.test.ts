import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../main/casefile/case-file';
import type { Migration } from '../../main/casefile/migrations/migration';
import { conflictsTable } from '../../main/casefile/repos/conflicts-repo';
import { SnapshotPolicyError } from '../../main/casefile/snapshot/check-policy';
import { SNAPSHOT_POLICY, type SnapshotPolicy } from '../../main/casefile/snapshot/snapshot-policy';
import { writeSnapshot } from '../../main/casefile/snapshot/write-snapshot';
import { createRecord } from '../../main/services/collection-service';
import { noteSpec } from '../../main/services/record-specs';
import { exportTo, keysIn } from '../helpers/bundles';
import { makeCase, testContext } from '../helpers/cases';
import { intake, writeEvidenceFile } from '../helpers/evidence';
import { withRawDb } from '../helpers/raw-db';
import { useTempDir } from '../helpers/temp-dir';

/*
 * Issue 15 point 3: the bundle snapshot follows the case file's schema. Every table and trigger
 * has a declared policy; one a migration adds without a policy stops the snapshot, naming it,
 * and once declared it is copied (or left out) and put back like the others.
 */

const tempDir = useTempDir();
const ctx = testContext();

/** What a later migration might add: a table of people and a guard on it. */
const EXTRA_MIGRATION: Migration = {
  version: 990,
  name: '990-future-people',
  sql: `
    CREATE TABLE future_people (id TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT;
    CREATE TRIGGER future_people_no_delete BEFORE DELETE ON future_people
    BEGIN SELECT RAISE(ABORT, 'future people are purged, not deleted'); END;
  `,
};

/**
 * Applies the step in one transaction, as the migrator does, and gives the table a row. The
 * version is left as it is: the case stays openable, and the snapshot must read the schema itself.
 */
function applyExtraMigration(file: CaseFile): void {
  file.transaction((db) => {
    db.exec(EXTRA_MIGRATION.sql);
    db.prepare('INSERT INTO future_people (id, data) VALUES (@id, @data)').run({ id: 'p1', data: '{}' });
  });
}

async function caseWithContent(dir: string): Promise<CaseFile> {
  const file = makeCase(dir);
  createRecord(file, ctx, noteSpec, { title: 'Open note', body: 'for everyone', privileged: false });
  createRecord(file, ctx, noteSpec, { title: 'Counsel', body: 'privileged advice', privileged: true });
  await intake(file, ctx, [writeEvidenceFile(dir, 'log.txt', 'GET /api/v2/users 200\n')]);
  return file;
}

function rowCount(db: BetterSqlite3.Database, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
}

function schemaNames(path: string): string[] {
  return withRawDb(path, (db) =>
    (
      db.prepare('SELECT type, name FROM sqlite_schema ORDER BY type, name').all() as {
        type: string;
        name: string;
      }[]
    ).map((o) => `${o.type} ${o.name}`),
  );
}

describe('bundle snapshot policy', () => {
  it('covers the latest schema exactly: every table is copied or left out as declared', async () => {
    const dir = tempDir();
    const file = await caseWithContent(dir);
    const target = join(dir, 'snapshot.bdcase');
    writeSnapshot(file, target, { includePrivileged: true, includeRoster: false });
    const source = file.path;
    file.close();
    expect(schemaNames(target)).toEqual(schemaNames(source));
    withRawDb(source, (sourceDb) =>
      withRawDb(target, (snapshotDb) => {
        for (const [table, policy] of Object.entries(SNAPSHOT_POLICY.tables)) {
          if (policy.rows === 'full-text-index') continue;
          const expected = policy.rows === 'copy' ? rowCount(sourceDb, table) : 0;
          expect(rowCount(snapshotDb, table), table).toBe(expected);
        }
        expect(rowCount(sourceDb, 'blob_chunks')).toBeGreaterThan(0);
      }),
    );
  });

  it('fails loudly, naming them, when a migration adds a table and a trigger it does not cover', async () => {
    const dir = tempDir();
    const file = await caseWithContent(dir);
    applyExtraMigration(file);
    const zip = join(dir, 'out.zip');
    const refused = exportTo(file, ctx, keysIn(dir), zip);
    await expect(refused).rejects.toThrow(SnapshotPolicyError);
    await expect(refused).rejects.toThrow(/no policy for table "future_people"/);
    await expect(refused).rejects.toThrow(/no policy for trigger "future_people_no_delete"/);
    file.close();
    // Nothing is left behind: no bundle, no temporary, no snapshot.
    expect(existsSync(zip)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['case.bdcase', 'config', 'log.txt']);
  });

  it('copies the new table and puts its trigger back once the policy declares them', async () => {
    const dir = tempDir();
    const file = await caseWithContent(dir);
    applyExtraMigration(file);
    const declared: SnapshotPolicy = {
      tables: { ...SNAPSHOT_POLICY.tables, future_people: { rows: 'copy', privileged: 'none' } },
      triggers: { ...SNAPSHOT_POLICY.triggers, future_people_no_delete: 'guard' },
    };
    const target = join(dir, 'snapshot.bdcase');
    const result = writeSnapshot(file, target, { includePrivileged: false, includeRoster: false }, declared);
    file.close();
    expect(result.privilegedNotesLeftOut).toBe(1);
    withRawDb(target, (db) => {
      expect(rowCount(db, 'future_people')).toBe(1);
      expect(() => db.prepare('DELETE FROM future_people').run()).toThrow(/purged, not deleted/);
    });
  });

  it('leaves the new table empty when the policy says its rows stay out', async () => {
    const dir = tempDir();
    const file = await caseWithContent(dir);
    applyExtraMigration(file);
    const target = join(dir, 'snapshot.bdcase');
    writeSnapshot(
      file,
      target,
      { includePrivileged: true, includeRoster: false },
      {
        tables: { ...SNAPSHOT_POLICY.tables, future_people: { rows: 'leave-out', privileged: 'none' } },
        triggers: { ...SNAPSHOT_POLICY.triggers, future_people_no_delete: 'guard' },
      },
    );
    file.close();
    withRawDb(target, (db) => expect(rowCount(db, 'future_people')).toBe(0));
  });

  it('fails loudly when the policy names a table or trigger the case does not have', () => {
    const dir = tempDir();
    const file = makeCase(dir);
    const stale: SnapshotPolicy = {
      tables: { ...SNAPSHOT_POLICY.tables, retired_table: { rows: 'copy', privileged: 'none' } },
      triggers: { ...SNAPSHOT_POLICY.triggers, retired_trigger: 'guard' },
    };
    const target = join(dir, 'snapshot.bdcase');
    expect(() =>
      writeSnapshot(file, target, { includePrivileged: true, includeRoster: false }, stale),
    ).toThrow(/policy for missing table "retired_table"; a policy for missing trigger "retired_trigger"/);
    file.close();
    expect(existsSync(target)).toBe(false);
  });

  it('leaves out merge conflicts over privileged notes, which hold both versions of the text', () => {
    const dir = tempDir();
    const file = makeCase(dir);
    const secret = createRecord(file, ctx, noteSpec, { title: 'Counsel', body: 'advice', privileged: true });
    const open = createRecord(file, ctx, noteSpec, { title: 'Open', body: 'plain', privileged: false });
    const conflict = (recordId: string, ours: object, theirs: object) =>
      conflictsTable.put(file.db, {
        id: randomUUID(),
        bundleId: randomUUID(),
        kind: 'note',
        recordId,
        label: 'a note',
        fields: ['body'],
        ours: { ...ours },
        theirs: { ...theirs },
        status: 'open',
        createdAt: '2026-01-15T10:00:00.000Z',
        resolvedAt: null,
        resolvedBy: null,
      });
    conflict(secret.id, secret, { ...secret, body: 'their advice' });
    // Privileged only on the colleague's side.
    conflict(open.id, open, { ...open, body: 'their advice', privileged: true });
    conflict(open.id, open, { ...open, body: 'plain, edited' });
    const without = join(dir, 'without.bdcase');
    const withPrivileged = join(dir, 'with.bdcase');
    expect(
      writeSnapshot(file, without, { includePrivileged: false, includeRoster: false })
        .privilegedConflictsLeftOut,
    ).toBe(2);
    writeSnapshot(file, withPrivileged, { includePrivileged: true, includeRoster: false });
    file.close();
    withRawDb(without, (db) => {
      expect(rowCount(db, 'merge_conflicts')).toBe(1);
      expect(JSON.stringify(db.prepare('SELECT data FROM merge_conflicts').all())).not.toContain('advice');
    });
    withRawDb(withPrivileged, (db) => expect(rowCount(db, 'merge_conflicts')).toBe(3));
  });
});
