import BetterSqlite3 from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../main/casefile/audit-chain';
import { openCaseFile } from '../../main/casefile/case-file';
import { migrateCaseFile } from '../../main/casefile/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../main/casefile/migrations';
import { migration010 } from '../../main/casefile/migrations/010-case-and-audit';
import { migration020 } from '../../main/casefile/migrations/020-audit-target-index';
import { migration030 } from '../../main/casefile/migrations/030-investigation';
import {
  appendAuditEntry,
  iterateAuditEntries,
  listAuditEntries,
} from '../../main/casefile/repos/audit-repo';
import { getCaseRecord, insertCaseRecord } from '../../main/casefile/repos/case-repo';
import { bytesOf, stampApplicationId, withRawDb } from '../helpers/raw-db';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const stamp = { actor: 'tester', at: '2026-01-15T10:00:00.000Z' };
const record = {
  id: '6f1d5c2e-8a4b-4c3d-9e2f-1a2b3c4d5e6f',
  title: 'Old case',
  organisation: 'Sonora Streaming AB',
  status: 'investigating' as const,
  createdAt: '2025-06-01T08:00:00.000Z',
  updatedAt: '2025-06-01T08:00:00.000Z',
};

/** A case file as the first release wrote it: only migration 010 applied. */
function caseFileAtSchema10(path: string): void {
  withRawDb(path, (db) => {
    stampApplicationId(db);
    db.transaction(() => {
      db.exec(migration010.sql);
      db.pragma('user_version = 10');
      insertCaseRecord(db, record);
      appendAuditEntry(db, {
        ...stamp,
        at: record.createdAt,
        action: 'case.created',
        target: `case:${record.id}`,
        payload: record,
      });
    })();
  });
}

function objectNames(db: BetterSqlite3.Database, type: string): string[] {
  const rows = db
    .prepare('SELECT name FROM sqlite_schema WHERE type = @type ORDER BY name')
    .all({ type }) as { name: string }[];
  return rows.map((row) => row.name);
}

describe('migrations', () => {
  it('are listed in ascending tens and end at the latest schema', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_m, i) => (i + 1) * 10));
    expect(LATEST_SCHEMA_VERSION).toBe(30);
  });

  it('010 creates the case record and the append-only audit log as STRICT tables', () => {
    const db = new BetterSqlite3(':memory:');
    db.exec(migration010.sql);
    expect(objectNames(db, 'table')).toEqual(['audit_log', 'case_record']);
    expect(objectNames(db, 'trigger')).toEqual(['audit_log_refuse_delete', 'audit_log_refuse_update']);
    const strict = db
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'",
      )
      .all();
    expect(strict).toEqual(
      expect.arrayContaining([
        { name: 'audit_log', strict: 1 },
        { name: 'case_record', strict: 1 },
      ]),
    );
    insertCaseRecord(db, record);
    expect(() => insertCaseRecord(db, { ...record, id: 'a2b3c4d5-0000-4000-8000-000000000000' })).toThrow(
      /UNIQUE/,
    );
    db.close();
  });

  it('020 indexes the audit log by target', () => {
    const db = new BetterSqlite3(':memory:');
    db.exec(migration010.sql);
    db.exec(migration020.sql);
    expect(objectNames(db, 'index')).toContain('audit_log_by_target');
    db.close();
  });

  it('030 adds the investigation tables, their link tables and an FTS5 search index', () => {
    const db = new BetterSqlite3(':memory:');
    for (const m of [migration010, migration020, migration030]) db.exec(m.sql);
    expect(objectNames(db, 'table')).toEqual(
      expect.arrayContaining([
        'facts',
        'data_elements',
        'populations',
        'parties',
        'events',
        'event_tags',
        'event_parties',
        'tasks',
        'notes',
        'pending_evidence',
        'search_items',
        'search_index',
      ]),
    );
    db.prepare(
      "INSERT INTO search_items (kind, item_id, title, body) VALUES ('event', 'e1', 'Hotfix', 'tokens rotated')",
    ).run();
    const find = (word: string) =>
      db.prepare('SELECT rowid FROM search_index WHERE search_index MATCH @word').all({ word });
    expect(find('rotat*')).toEqual([{ rowid: 1 }]);
    db.prepare("UPDATE search_items SET body = 'keys renewed' WHERE item_id = 'e1'").run();
    expect(find('rotat*')).toEqual([]);
    expect(find('renewed')).toEqual([{ rowid: 1 }]);
    db.prepare("DELETE FROM search_items WHERE item_id = 'e1'").run();
    expect(find('renewed')).toEqual([]);
    db.close();
  });

  it('upgrading a schema-10 file backs it up first, then migrates and audits each step', () => {
    const dir = tempDir();
    const path = join(dir, 'old.bdcase');
    caseFileAtSchema10(path);
    const original = bytesOf(path);

    const file = openCaseFile(path, stamp);
    expect(file.schemaVersion).toBe(30);
    expect(file.migration.from).toBe(10);
    expect(getCaseRecord(file.db)).toEqual(record);
    const upgrades = listAuditEntries(file.db, undefined, 2);
    expect(upgrades.map((e) => [e.action, (e.payload as { to: number }).to])).toEqual([
      ['casefile.upgraded', 30],
      ['casefile.upgraded', 20],
    ]);
    expect(verifyAuditChain(iterateAuditEntries(file.db)).ok).toBe(true);
    file.close();

    const backups = readdirSync(dir).filter((name) => name.includes('backup'));
    expect(backups).toEqual(['old.schema10-backup-20260115T100000Z.bdcase']);
    withRawDb(join(dir, backups[0]!), (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(10);
      expect(getCaseRecord(db)).toEqual(record);
    });
    expect(bytesOf(path).equals(original)).toBe(false);
  });

  it('refuses a schema version it does not know', () => {
    const dir = tempDir();
    const db = new BetterSqlite3(join(dir, 'x.bdcase'));
    expect(() => migrateCaseFile(db, 'x.bdcase', 15, stamp)).toThrow(
      expect.objectContaining({ code: 'CASE_CORRUPT' }) as Error,
    );
    db.close();
  });
});
