import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
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
import { migration040 } from '../../main/casefile/migrations/040-evidence';
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
    expect(LATEST_SCHEMA_VERSION).toBe(100);
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

  it('040 adds the evidence locker: chunks go with their blob, text pages take their search rows, custody is append-only', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    for (const m of [migration010, migration020, migration030, migration040]) db.exec(m.sql);
    expect(objectNames(db, 'table')).toEqual(
      expect.arrayContaining([
        'blobs',
        'blob_chunks',
        'blob_text_pages',
        'evidence',
        'evidence_events',
        'evidence_parties',
        'custody_entries',
      ]),
    );
    db.prepare(
      "INSERT INTO blobs (id, sha256, size, chunks, content, staged_at) VALUES (1, 'ab', 3, 1, '{}', 'now')",
    ).run();
    db.prepare("INSERT INTO blob_chunks (blob_id, seq, bytes) VALUES (1, 0, x'010203')").run();
    const row = db
      .prepare(
        "INSERT INTO search_items (kind, item_id, title, body) VALUES ('evidence-text', 'blob:1:0', '', 'needle')",
      )
      .run();
    db.prepare('INSERT INTO blob_text_pages VALUES (1, 0, 1, 1, 0, 3, ?)').run(row.lastInsertRowid);
    db.prepare("INSERT INTO evidence (id, sort_key, blob_id, data) VALUES ('i1', 'a', 1, '{}')").run();
    db.prepare("INSERT INTO custody_entries (id, evidence_id, data) VALUES ('c1', 'i1', '{}')").run();
    expect(() => db.prepare("UPDATE custody_entries SET data = '[]'").run()).toThrow(/cannot be changed/);
    expect(() => db.prepare('DELETE FROM custody_entries').run()).toThrow(/cannot be deleted/);
    // An item holds its blob: the bytes cannot go while an item refers to them.
    expect(() => db.prepare('DELETE FROM blobs WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO blobs (id, staged_at) VALUES (2, 'now')").run();
    db.prepare("INSERT INTO blob_chunks (blob_id, seq, bytes) VALUES (2, 0, x'00')").run();
    const staged = db
      .prepare(
        "INSERT INTO search_items (kind, item_id, title, body) VALUES ('evidence-text', 'blob:2:0', '', 'orphan')",
      )
      .run();
    db.prepare('INSERT INTO blob_text_pages VALUES (2, 0, 1, 1, 0, 1, ?)').run(staged.lastInsertRowid);
    db.prepare('DELETE FROM blobs WHERE id = 2').run();
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM blob_chunks WHERE blob_id = 2')).toBe(0);
    expect(count("SELECT count(*) AS n FROM search_items WHERE item_id = 'blob:2:0'")).toBe(0);
    expect(count("SELECT count(*) AS n FROM search_index WHERE search_index MATCH 'orphan'")).toBe(0);
    db.close();
  });

  it('upgrading a schema-10 file backs it up first, then migrates and audits each step', () => {
    const dir = tempDir();
    const path = join(dir, 'old.bdcase');
    caseFileAtSchema10(path);
    const original = bytesOf(path);

    const file = openCaseFile(path, stamp);
    expect(file.schemaVersion).toBe(100);
    expect(file.migration.from).toBe(10);
    expect(getCaseRecord(file.db)).toEqual(record);
    const upgrades = listAuditEntries(file.db, undefined, 5);
    expect(upgrades.map((e) => [e.action, (e.payload as { to: number }).to])).toEqual([
      ['casefile.upgraded', 100],
      ['casefile.upgraded', 90],
      ['casefile.upgraded', 80],
      ['casefile.upgraded', 70],
      ['casefile.upgraded', 60],
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
