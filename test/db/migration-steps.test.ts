import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../main/casefile/migrations';
import type { Migration } from '../../main/casefile/migrations/migration';
import { stampApplicationId, withRawDb } from '../helpers/raw-db';
import { useTempDir } from '../helpers/temp-dir';

/**
 * One step test per migration (DESIGN §4, §9): a case file is built at the previous schema
 * version (the earlier migrations only, each with representative rows in the tables it made),
 * closed, reopened, and the one step applied as `migrateCaseFile` applies it. The step must add
 * exactly the objects it declares, leave every existing object's definition and every existing
 * row as they were, and its new objects must behave as described.
 */

type Db = BetterSqlite3.Database;

interface Step {
  /** Tables the step creates, each with its columns in order (all STRICT). */
  tables?: Record<string, string[]>;
  /** Virtual tables the step creates (FTS5; their shadow tables come with them). */
  virtualTables?: string[];
  /** Indexes the step creates, each with its columns in order. */
  indexes?: Record<string, string[]>;
  triggers?: string[];
  /** Representative rows in the tables this step made, written while it is the latest step. */
  rows: (db: Db) => void;
  /** What the new objects do, on a file that went through the step. */
  behaves: (db: Db) => void;
}

const CASE_ID = '6f1d5c2e-8a4b-4c3d-9e2f-1a2b3c4d5e6f';
const json = (value: unknown): string => JSON.stringify(value);

function run(db: Db, sql: string, params: Record<string, unknown> = {}): BetterSqlite3.RunResult {
  return db.prepare(sql).run(params);
}

function count(db: Db, sql: string, params: Record<string, unknown> = {}): number {
  return (db.prepare(sql).get(params) as { n: number }).n;
}

function planOf(db: Db, sql: string): string {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[];
  return rows.map((row) => row.detail).join('\n');
}

function searchHits(db: Db, word: string): number[] {
  const rows = db
    .prepare('SELECT rowid FROM search_index WHERE search_index MATCH @word ORDER BY rowid')
    .all({ word }) as { rowid: number }[];
  return rows.map((row) => row.rowid);
}

/** The search rows the full-text index finds by their own text. */
function indexedRows(db: Db): number[] {
  const rows = db.prepare('SELECT rowid, body FROM search_items ORDER BY rowid').all() as {
    rowid: number;
    body: string;
  }[];
  return rows
    .filter((row) => searchHits(db, `"${row.body.replaceAll('"', '""')}"`).includes(row.rowid))
    .map((row) => row.rowid);
}

const STEPS: Record<number, Step> = {
  10: {
    tables: {
      case_record: ['id', 'singleton', 'title', 'organisation', 'status', 'created_at', 'updated_at'],
      audit_log: ['seq', 'at', 'actor', 'action', 'target', 'payload', 'prev_hash', 'hash'],
    },
    triggers: ['audit_log_refuse_delete', 'audit_log_refuse_update'],
    rows(db) {
      run(
        db,
        `INSERT INTO case_record (id, title, organisation, status, created_at, updated_at)
         VALUES (@id, 'Old case', 'Sonora Streaming AB', 'investigating', '2025-06-01T08:00:00.000Z', '2025-06-01T08:00:00.000Z')`,
        { id: CASE_ID },
      );
      run(
        db,
        `INSERT INTO audit_log (at, actor, action, target, payload, prev_hash, hash)
         VALUES ('2025-06-01T08:00:00.000Z', 'tester', 'case.created', @target, '{}', @zero, 'h1')`,
        { target: `case:${CASE_ID}`, zero: '0'.repeat(64) },
      );
    },
    behaves(db) {
      // One case per file, a known status, a non-empty title.
      const insertCase = (id: string, status: string, title = 'Another') =>
        run(
          db,
          `INSERT INTO case_record (id, title, organisation, status, created_at, updated_at)
           VALUES (@id, @title, 'Contoso', @status, 'now', 'now')`,
          { id, status, title },
        );
      expect(() => insertCase('a2b3c4d5-0000-4000-8000-000000000000', 'investigating')).toThrow(/UNIQUE/);
      run(db, 'DELETE FROM case_record');
      expect(() => insertCase('a2b3c4d5-0000-4000-8000-000000000001', 'sleeping')).toThrow(/CHECK/);
      expect(() => insertCase('a2b3c4d5-0000-4000-8000-000000000002', 'investigating', '')).toThrow(/CHECK/);
      expect(() => run(db, "UPDATE audit_log SET actor = 'forger'")).toThrow(/append-only/);
      expect(() => run(db, 'DELETE FROM audit_log')).toThrow(/append-only/);
    },
  },

  20: {
    indexes: { audit_log_by_target: ['target', 'seq'] },
    rows(db) {
      run(
        db,
        `INSERT INTO audit_log (at, actor, action, target, payload, prev_hash, hash)
         VALUES ('2025-06-02T08:00:00.000Z', 'tester', 'case.updated', @target, '{"title":"Old case"}', 'h1', 'h2')`,
        { target: `case:${CASE_ID}` },
      );
    },
    behaves(db) {
      expect(planOf(db, "SELECT seq FROM audit_log WHERE target = 'x' ORDER BY seq")).toContain(
        'audit_log_by_target',
      );
      const history = db
        .prepare('SELECT action FROM audit_log WHERE target = @target ORDER BY seq')
        .all({ target: `case:${CASE_ID}` });
      expect(history).toEqual([{ action: 'case.created' }, { action: 'case.updated' }]);
    },
  },

  30: {
    tables: {
      facts: ['singleton', 'data', 'updated_at'],
      data_elements: ['id', 'sort_key', 'data'],
      populations: ['id', 'sort_key', 'data'],
      parties: ['id', 'sort_key', 'data'],
      events: ['id', 'sort_key', 'data'],
      event_tags: ['event_id', 'tag'],
      event_parties: ['event_id', 'party_id'],
      tasks: ['id', 'sort_key', 'data'],
      notes: ['id', 'sort_key', 'data'],
      pending_evidence: ['id', 'sort_key', 'data'],
      search_items: ['rowid', 'kind', 'item_id', 'title', 'body'],
    },
    virtualTables: ['search_index'],
    indexes: {
      events_in_time_order: ['sort_key', 'id'],
      event_tags_by_tag: ['tag', 'event_id'],
      event_parties_by_party: ['party_id', 'event_id'],
    },
    triggers: ['search_items_deleted', 'search_items_inserted', 'search_items_updated'],
    rows(db) {
      run(db, "INSERT INTO facts VALUES (1, @data, '2025-06-01T09:00:00.000Z')", {
        data: json({ summary: 'Partner API exposed' }),
      });
      run(db, "INSERT INTO data_elements VALUES ('d1', 'a', '{}')");
      run(db, "INSERT INTO populations VALUES ('pop1', 'SE', '{}')");
      run(db, "INSERT INTO parties VALUES ('p1', 'partner', '{}')");
      run(db, "INSERT INTO events VALUES ('e1', '2020-11-12T13:05:00.000Z', '{}')");
      run(db, "INSERT INTO event_tags VALUES ('e1', 'containment')");
      run(db, "INSERT INTO event_parties VALUES ('e1', 'p1')");
      run(db, "INSERT INTO tasks VALUES ('t1', 'a', '{}')");
      run(db, "INSERT INTO notes VALUES ('n1', 'a', '{}')");
      run(db, "INSERT INTO pending_evidence VALUES ('pe1', 'a', '{}')");
      run(
        db,
        "INSERT INTO search_items (kind, item_id, title, body) VALUES ('event', 'e1', 'Hotfix', 'tokens rotated')",
      );
    },
    behaves(db) {
      expect(searchHits(db, 'rotat*')).toHaveLength(1);
      run(db, "UPDATE search_items SET body = 'keys renewed' WHERE item_id = 'e1'");
      expect(searchHits(db, 'rotat*')).toEqual([]);
      expect(searchHits(db, 'renewed')).toHaveLength(1);
      run(db, "DELETE FROM search_items WHERE item_id = 'e1'");
      expect(searchHits(db, 'renewed')).toEqual([]);
      // An event takes its tag and party links with it; the facts are one row.
      run(db, "DELETE FROM events WHERE id = 'e1'");
      expect(count(db, 'SELECT count(*) AS n FROM event_tags')).toBe(0);
      expect(count(db, 'SELECT count(*) AS n FROM event_parties')).toBe(0);
      expect(() => run(db, "INSERT INTO facts VALUES (2, '{}', 'now')")).toThrow(/CHECK/);
      expect(() => run(db, "INSERT INTO populations VALUES ('pop2', 'SE', '{}')")).toThrow(/UNIQUE/);
    },
  },

  40: {
    tables: {
      blobs: ['id', 'sha256', 'size', 'chunks', 'content', 'staged_at'],
      blob_chunks: ['blob_id', 'seq', 'bytes'],
      blob_text_pages: [
        'blob_id',
        'page',
        'first_line',
        'line_count',
        'byte_start',
        'byte_end',
        'search_rowid',
      ],
      evidence: ['id', 'sort_key', 'blob_id', 'data'],
      evidence_events: ['evidence_id', 'event_id'],
      evidence_parties: ['evidence_id', 'party_id'],
      custody_entries: ['seq', 'id', 'evidence_id', 'data'],
    },
    indexes: {
      evidence_by_blob: ['blob_id'],
      evidence_in_order: ['sort_key', 'id'],
      evidence_events_by_event: ['event_id', 'evidence_id'],
      evidence_parties_by_party: ['party_id', 'evidence_id'],
      custody_by_item: ['evidence_id', 'seq'],
    },
    triggers: ['blob_text_pages_deleted', 'custody_entries_no_delete', 'custody_entries_no_update'],
    rows(db) {
      run(db, "INSERT INTO blobs VALUES (1, 'ab', 3, 1, '{}', '2025-06-01T10:00:00.000Z')");
      run(db, "INSERT INTO blob_chunks VALUES (1, 0, x'010203')");
      const page = run(
        db,
        "INSERT INTO search_items (kind, item_id, title, body) VALUES ('evidence-text', 'blob:1:0', '', 'needle')",
      );
      run(db, 'INSERT INTO blob_text_pages VALUES (1, 0, 1, 1, 0, 3, @rowid)', {
        rowid: page.lastInsertRowid,
      });
      run(db, "INSERT INTO evidence VALUES ('i1', 'a', 1, '{}')");
      run(db, "INSERT INTO evidence_events VALUES ('i1', 'e1')");
      run(db, "INSERT INTO evidence_parties VALUES ('i1', 'p1')");
      run(db, "INSERT INTO custody_entries (id, evidence_id, data) VALUES ('c1', 'i1', '{}')");
    },
    behaves(db) {
      expect(() => run(db, "UPDATE custody_entries SET data = '[]'")).toThrow(/cannot be changed/);
      expect(() => run(db, 'DELETE FROM custody_entries')).toThrow(/cannot be deleted/);
      // An item holds its blob: the bytes cannot go while an item refers to them.
      expect(() => run(db, 'DELETE FROM blobs WHERE id = 1')).toThrow(/FOREIGN KEY/);
      expect(() => run(db, "INSERT INTO evidence VALUES ('i2', 'b', 99, '{}')")).toThrow(/FOREIGN KEY/);
      // A staged blob goes with its chunks, its text pages and their search rows.
      run(db, "INSERT INTO blobs (id, staged_at) VALUES (2, 'now')");
      run(db, "INSERT INTO blob_chunks VALUES (2, 0, x'00')");
      const staged = run(
        db,
        "INSERT INTO search_items (kind, item_id, title, body) VALUES ('evidence-text', 'blob:2:0', '', 'orphan')",
      );
      run(db, 'INSERT INTO blob_text_pages VALUES (2, 0, 1, 1, 0, 1, @rowid)', {
        rowid: staged.lastInsertRowid,
      });
      expect(searchHits(db, 'orphan')).toHaveLength(1);
      run(db, 'DELETE FROM blobs WHERE id = 2');
      expect(count(db, 'SELECT count(*) AS n FROM blob_chunks WHERE blob_id = 2')).toBe(0);
      expect(count(db, "SELECT count(*) AS n FROM search_items WHERE item_id = 'blob:2:0'")).toBe(0);
      expect(searchHits(db, 'orphan')).toEqual([]);
      // Links to the investigation's events and parties go when the event does.
      run(db, "DELETE FROM events WHERE id = 'e1'");
      expect(count(db, "SELECT count(*) AS n FROM evidence_events WHERE evidence_id = 'i1'")).toBe(0);
    },
  },

  50: {
    tables: {
      obligation_status: ['rule_id', 'data'],
      assessments: ['version', 'id', 'data'],
    },
    triggers: ['assessments_no_delete', 'assessments_no_update'],
    rows(db) {
      run(db, "INSERT INTO obligation_status VALUES ('gdpr-art33-lead-authority', @data)", {
        data: json({ status: 'drafting' }),
      });
      run(db, "INSERT INTO assessments (version, id, data) VALUES (1, 'as1', @data)", {
        data: json({ level: 'high' }),
      });
    },
    behaves(db) {
      // One status per rule, replaced in place; assessment versions are append-only.
      expect(() =>
        run(db, "INSERT INTO obligation_status VALUES ('gdpr-art33-lead-authority', '{}')"),
      ).toThrow(/UNIQUE|PRIMARY KEY/);
      run(db, 'UPDATE obligation_status SET data = \'{"status":"sent"}\'');
      run(db, 'DELETE FROM obligation_status');
      run(db, "INSERT INTO assessments (id, data) VALUES ('as2', '{}')");
      expect(db.prepare("SELECT version FROM assessments WHERE id = 'as2'").get()).toEqual({ version: 2 });
      expect(() => run(db, "INSERT INTO assessments (id, data) VALUES ('as2', '{}')")).toThrow(/UNIQUE/);
      expect(() => run(db, "UPDATE assessments SET data = '{}'")).toThrow(
        /assessment versions cannot be changed/,
      );
      expect(() => run(db, 'DELETE FROM assessments')).toThrow(/assessment versions cannot be deleted/);
    },
  },

  60: {
    tables: {
      letters: ['id', 'sort_key', 'data'],
      letter_versions: ['letter_id', 'version', 'data'],
    },
    triggers: ['letter_versions_no_delete', 'letter_versions_no_update'],
    rows(db) {
      run(db, "INSERT INTO letters VALUES ('l1', 'a', @data)", { data: json({ title: 'Art. 33 notice' }) });
      run(db, "INSERT INTO letter_versions VALUES ('l1', 1, @data)", { data: json({ body: 'Dear IMY' }) });
    },
    behaves(db) {
      run(db, "INSERT INTO letter_versions VALUES ('l1', 2, '{}')");
      expect(() => run(db, "INSERT INTO letter_versions VALUES ('l1', 2, '{}')")).toThrow(
        /UNIQUE|PRIMARY KEY/,
      );
      expect(() => run(db, "INSERT INTO letter_versions VALUES ('nobody', 1, '{}')")).toThrow(/FOREIGN KEY/);
      expect(() => run(db, "UPDATE letter_versions SET data = '{}'")).toThrow(
        /letter versions cannot be changed/,
      );
      expect(() => run(db, 'DELETE FROM letter_versions')).toThrow(/letter versions cannot be deleted/);
      // A letter with versions cannot be removed from under them.
      expect(() => run(db, "DELETE FROM letters WHERE id = 'l1'")).toThrow(/FOREIGN KEY/);
    },
  },

  70: {
    tables: { merge_conflicts: ['id', 'sort_key', 'data'] },
    indexes: { merge_conflicts_in_order: ['sort_key', 'id'] },
    rows(db) {
      run(db, "INSERT INTO merge_conflicts VALUES ('mc1', 'b', @data)", {
        data: json({ kind: 'event', ours: {}, theirs: {} }),
      });
    },
    behaves(db) {
      run(db, "INSERT INTO merge_conflicts VALUES ('mc2', 'a', '{}')");
      expect(() => run(db, "INSERT INTO merge_conflicts VALUES ('mc2', 'c', '{}')")).toThrow(
        /UNIQUE|PRIMARY KEY/,
      );
      expect(planOf(db, 'SELECT id FROM merge_conflicts ORDER BY sort_key, id')).toContain(
        'merge_conflicts_in_order',
      );
      const ids = db.prepare('SELECT id FROM merge_conflicts ORDER BY sort_key, id').all();
      expect(ids).toEqual([{ id: 'mc2' }, { id: 'mc1' }]);
      run(db, "DELETE FROM merge_conflicts WHERE id = 'mc1'");
    },
  },

  80: {
    tables: { harm_determinations: ['jurisdiction', 'data'] },
    rows(db) {
      run(db, "INSERT INTO harm_determinations VALUES ('US-AK', @data)", {
        data: json({ jurisdiction: 'US-AK', finding: 'harm_not_likely', basis: 'Hashed with a salt.' }),
      });
    },
    behaves(db) {
      run(db, "INSERT INTO harm_determinations VALUES ('US-FL', '{}')");
      expect(() => run(db, "INSERT INTO harm_determinations VALUES ('US-FL', '{}')")).toThrow(
        /UNIQUE|PRIMARY KEY/,
      );
      expect(() => run(db, "INSERT INTO harm_determinations VALUES ('US-NJ', NULL)")).toThrow(/NOT NULL/);
      expect(() => run(db, "INSERT INTO harm_determinations VALUES ('US-NJ', x'00')")).toThrow(
        /cannot store/,
      );
      run(db, "DELETE FROM harm_determinations WHERE jurisdiction = 'US-AK'");
      const left = db.prepare('SELECT jurisdiction FROM harm_determinations ORDER BY jurisdiction').all();
      expect(left).toEqual([{ jurisdiction: 'US-FL' }]);
    },
  },

  90: {
    tables: {
      roster_datasets: ['id', 'seq', 'state', 'data'],
      roster_element_sets: ['id', 'terms'],
      roster_records: [
        'id',
        'dataset',
        'line',
        'account',
        'email',
        'phone',
        'suggest',
        'jurisdiction',
        'residency',
        'elements',
        'data',
      ],
      roster_links: ['record', 'person'],
      roster_groups: ['jurisdiction', 'elements', 'source', 'people'],
      roster_review: ['id', 'first', 'second', 'decision', 'decided_by', 'decided_at'],
      roster_state: ['key', 'value'],
    },
    indexes: {
      roster_records_dataset: ['dataset'],
      roster_records_account: ['account', 'dataset'],
      roster_records_email: ['email', 'dataset'],
      roster_records_phone: ['phone', 'dataset'],
      roster_records_suggest: ['suggest', 'dataset'],
      roster_links_person: ['person'],
    },
    rows(db) {
      run(db, "INSERT INTO roster_datasets VALUES ('d1', 1, 'ready', '{}')");
      run(db, 'INSERT INTO roster_element_sets VALUES (1, \'["email"]\')');
      run(
        db,
        "INSERT INTO roster_records VALUES (1, 1, 2, 'a1', 'a@example.com', NULL, NULL, 'FR', 0, 1, '{}')",
      );
      run(db, "INSERT INTO roster_groups VALUES ('FR', '[\"email\"]', 'column', 1)");
    },
    behaves(db) {
      expect(() => run(db, "INSERT INTO roster_datasets VALUES ('d2', 2, 'half', '{}')")).toThrow(/CHECK/);
      expect(() => run(db, "INSERT INTO roster_datasets VALUES ('d3', 1, 'ready', '{}')")).toThrow(/UNIQUE/);
      run(db, 'INSERT INTO roster_review (first, second) VALUES (1, 2)');
      expect(() => run(db, 'INSERT INTO roster_review (first, second) VALUES (1, 2)')).toThrow(/UNIQUE/);
      expect(() => run(db, "UPDATE roster_review SET decision = 'maybe'")).toThrow(/CHECK/);
      expect(planOf(db, "SELECT id, dataset FROM roster_records WHERE email = 'a@example.com'")).toContain(
        'roster_records_email',
      );
      run(db, 'INSERT INTO roster_links VALUES (1, 1)');
      expect(() => run(db, 'INSERT INTO roster_links VALUES (1, 2)')).toThrow(/UNIQUE|PRIMARY KEY/);
      run(db, 'DELETE FROM roster_links');
      run(db, 'DELETE FROM roster_review');
    },
  },

  100: {
    tables: {
      roster_people: ['id', 'jurisdiction', 'residency', 'elements'],
      notice_runs: ['id', 'seq', 'state', 'temp', 'data'],
      notices: [
        'id',
        'run',
        'person',
        'jurisdiction',
        'channel',
        'letter',
        'version',
        'rules',
        'address',
        'file',
        'sha256',
        'status',
        'status_at',
        'detail',
      ],
      offer_codes: ['id', 'code', 'expires', 'person', 'run'],
      notice_state: ['key', 'value'],
    },
    indexes: {
      notices_person: ['person', 'id'],
      notices_address: ['address'],
    },
    rows(db) {
      run(db, "INSERT INTO roster_people VALUES (1, 'FR', 0, 'email')");
      run(db, "INSERT INTO notice_runs VALUES ('r1', 1, 'done', NULL, '{}')");
      run(
        db,
        "INSERT INTO notices (run, person, jurisdiction, channel, rules, address, status) VALUES (1, 1, 'FR', 'email', '[]', 'a@example.com', 'pending')",
      );
      run(db, "INSERT INTO offer_codes (code, expires) VALUES ('CODE-1', '2027-12-31')");
    },
    behaves(db) {
      expect(() => run(db, "INSERT INTO notice_runs VALUES ('r2', 2, 'half', NULL, '{}')")).toThrow(/CHECK/);
      expect(() =>
        run(
          db,
          "INSERT INTO notices (run, person, jurisdiction, channel, rules, status) VALUES (1, 2, 'FR', 'fax', '[]', 'pending')",
        ),
      ).toThrow(/CHECK/);
      expect(() =>
        run(
          db,
          "INSERT INTO notices (run, person, jurisdiction, channel, rules, status) VALUES (1, 1, 'FR', 'post', '[]', 'pending')",
        ),
      ).toThrow(/UNIQUE/);
      run(db, 'UPDATE offer_codes SET person = 1');
      run(db, "INSERT INTO offer_codes (code) VALUES ('CODE-2')");
      expect(() => run(db, "UPDATE offer_codes SET person = 1 WHERE code = 'CODE-2'")).toThrow(/UNIQUE/);
      expect(planOf(db, "SELECT id FROM notices WHERE address = 'a@example.com'")).toContain(
        'notices_address',
      );
      run(db, 'DELETE FROM offer_codes');
      run(db, 'DELETE FROM notices');
    },
  },
};

/** Applies one step as migrateCaseFile does: its SQL and the new user_version, in one transaction. */
function applyStep(db: Db, migration: Migration): void {
  db.transaction(() => {
    db.exec(migration.sql);
    db.pragma(`user_version = ${migration.version}`);
  })();
}

/** A case file at `version`: the migrations up to it, each followed by its representative rows. */
function caseFileAt(path: string, version: number): void {
  withRawDb(path, (db) => {
    stampApplicationId(db);
    db.pragma('foreign_keys = ON');
    for (const migration of MIGRATIONS.filter((m) => m.version <= version)) {
      applyStep(db, migration);
      db.transaction(() => stepOf(migration).rows(db))();
    }
  });
}

function stepOf(migration: Migration): Step {
  const step = STEPS[migration.version];
  if (step === undefined) {
    throw new Error(
      `Migration ${migration.version} (${migration.name}) has no step test: add it to STEPS in test/db/migration-steps.test.ts.`,
    );
  }
  return step;
}

interface SchemaObject {
  type: string;
  name: string;
  sql: string | null;
}

/** Every schema object but SQLite's own (autoindexes) and the FTS5 shadow tables. */
function schemaOf(db: Db): SchemaObject[] {
  return db
    .prepare(
      `SELECT type, name, sql FROM sqlite_schema
       WHERE name NOT LIKE 'sqlite_%'
         AND name NOT IN (SELECT name FROM pragma_table_list WHERE type = 'shadow')
       ORDER BY type, name`,
    )
    .all() as SchemaObject[];
}

/** The rows of every ordinary table, in a stable order. */
function contentOf(db: Db): Record<string, unknown[]> {
  const tables = db
    .prepare(
      "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string }[];
  const content: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info('${name}')`).all() as { name: string }[])
      .map((column) => `"${column.name}"`)
      .join(', ');
    content[name] = db.prepare(`SELECT ${columns} FROM "${name}" ORDER BY ${columns}`).all();
  }
  return content;
}

function namesOf(objects: SchemaObject[], type: string): string[] {
  return objects.filter((o) => o.type === type).map((o) => o.name);
}

describe('every migration has a step test', () => {
  it('lists a step for each migration in MIGRATIONS, and none for a migration that does not exist', () => {
    expect(Object.keys(STEPS).map(Number)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  const tempDir = useTempDir();

  for (const [i, migration] of MIGRATIONS.entries()) {
    const previous = i === 0 ? 0 : MIGRATIONS[i - 1]!.version;
    it(`${migration.version} (${migration.name}) on a file at schema ${previous}: adds what it declares and keeps every row`, () => {
      const step = stepOf(migration);
      const path = join(tempDir(), `at-${previous}.bdcase`);
      caseFileAt(path, previous);

      withRawDb(path, (db) => {
        db.pragma('foreign_keys = ON');
        expect(db.pragma('user_version', { simple: true })).toBe(previous);
        const schemaBefore = schemaOf(db);
        const contentBefore = contentOf(db);
        const foundBefore = schemaBefore.some((o) => o.name === 'search_index') ? indexedRows(db) : [];

        applyStep(db, migration);

        expect(db.pragma('user_version', { simple: true })).toBe(migration.version);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);

        const schemaAfter = schemaOf(db);
        // Nothing that existed is dropped or redefined...
        expect(schemaAfter.filter((o) => schemaBefore.some((b) => b.name === o.name))).toEqual(schemaBefore);
        // ...and the step adds exactly the objects it declares.
        const added = schemaAfter.filter((o) => !schemaBefore.some((b) => b.name === o.name));
        expect(namesOf(added, 'table').sort()).toEqual(
          [...Object.keys(step.tables ?? {}), ...(step.virtualTables ?? [])].sort(),
        );
        expect(namesOf(added, 'index').sort()).toEqual(Object.keys(step.indexes ?? {}).sort());
        expect(namesOf(added, 'trigger').sort()).toEqual([...(step.triggers ?? [])].sort());
        expect(namesOf(added, 'view')).toEqual([]);

        for (const [table, columns] of Object.entries(step.tables ?? {})) {
          const info = db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as {
            name: string;
          }[];
          // A rowid alias (INTEGER PRIMARY KEY) is listed under its own name.
          expect(
            info.map((c) => c.name),
            `columns of ${table}`,
          ).toEqual(columns);
          const strict = db
            .prepare("SELECT strict FROM pragma_table_list WHERE schema = 'main' AND name = @table")
            .get({ table });
          expect(strict, `${table} is STRICT`).toEqual({ strict: 1 });
        }
        for (const [index, columns] of Object.entries(step.indexes ?? {})) {
          const info = db.prepare(`SELECT name FROM pragma_index_info('${index}')`).all() as {
            name: string;
          }[];
          expect(
            info.map((c) => c.name),
            `columns of ${index}`,
          ).toEqual(columns);
        }

        // Every row written before the step is still there, unchanged, and still found by search.
        const contentAfter = contentOf(db);
        for (const [table, rows] of Object.entries(contentBefore)) {
          expect(contentAfter[table], `rows of ${table}`).toEqual(rows);
        }
        if (foundBefore.length > 0) expect(indexedRows(db)).toEqual(foundBefore);

        // The new tables take the rows the app writes, and the new objects do their job.
        db.transaction(() => step.rows(db))();
        step.behaves(db);
      });
    });
  }
});
