import SqlCipher, { setLogger } from '@signalapp/sqlcipher';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../main/casefile/audit-chain';
import { APPLICATION_ID } from '../../main/casefile/constants';
import { describeOpenCase, openCase } from '../../main/services/case-service';
import { createRecord } from '../../main/services/collection-service';
import { updateFacts } from '../../main/services/facts-service';
import { eventSpec, noteSpec } from '../../main/services/record-specs';
import { searchCase } from '../../main/services/search-service';
import { verifyCase } from '../../main/services/verify-service';
import { auditEntrySchema } from '../../shared/domain/audit';
import { zonedTimeFromLocal } from '../../shared/time/zoned-time';
import { makeCase, makeEncryptedCase, TEST_PASSPHRASE, testContext } from '../helpers/cases';
import { intake, writeEvidenceFile } from '../helpers/evidence';
import { bytesOf } from '../helpers/raw-db';
import { useSharedTempDir, useTempDir } from '../helpers/temp-dir';

/**
 * Issue 16 item 7: encrypted case files are SQLCipher 4 files, checked against an independent
 * implementation. The oracle is Zetetic's SQLCipher itself (4.18 community, through Signal's
 * Node binding @signalapp/sqlcipher, a devDependency used by tests only: AGPL-3.0), not SQLite3
 * Multiple Ciphers, which Breachdesk writes with. Both directions: a file Breachdesk wrote is
 * read there with the passphrase (and `PRAGMA cipher_page_size = 65536`, the one setting that
 * differs from SQLCipher 4's defaults), and a file SQLCipher wrote opens and verifies here.
 */
const tempDir = useTempDir();
const KEY = Buffer.from(TEST_PASSPHRASE, 'utf8');
const SUMMARY = 'Interop summary: the partner API returned 4 fields it should not have';
const EVENT_TITLE = 'Interop event: token rotated at the gateway';
const NOTE_TITLE = 'Interop note';
const NOTE_BODY = 'Counsel asked for the *vendor* contract (clause 7.3) before Friday.';
const EVIDENCE_TEXT = 'interop-evidence line one\ninterop-evidence line two\n';

type Row = Record<string, unknown>;

/**
 * SQLCipher's own log (which it writes to stderr by default) goes to a file, so a test can say
 * why SQLCipher refused; SQLite's log is dropped (the thrown errors carry the same).
 */
const sharedDir = useSharedTempDir();
const cipherLog = () => join(sharedDir(), 'sqlcipher.log');
setLogger(() => undefined);

/** SQL string literal: SQLCipher's key pragmas take no bound parameters. */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Opens `path` in SQLCipher with a passphrase, as its documentation says, and runs fn. */
function withSqlCipher<T>(
  path: string,
  passphrase: string,
  pageSize: number | null,
  fn: (db: SqlCipher) => T,
): T {
  const db = new SqlCipher(path);
  try {
    db.exec(`PRAGMA cipher_log = ${literal(cipherLog())}`);
    db.exec(`PRAGMA key = ${literal(passphrase)}`);
    if (pageSize !== null) db.exec(`PRAGMA cipher_page_size = ${pageSize}`);
    return fn(db);
  } finally {
    // Closes the log file, which SQLCipher buffers until then.
    db.exec("PRAGMA cipher_log = 'off'");
    db.close();
  }
}

/** A case with something in every kind of table that matters: facts, an event, a note, evidence. */
async function fillCase(dir: string, name: string, passphrase: Buffer | null): Promise<string> {
  const ctx = testContext();
  const file = passphrase === null ? makeCase(dir, name, ctx) : makeEncryptedCase(dir, name, ctx);
  updateFacts(file, { summary: SUMMARY }, ctx);
  const at = zonedTimeFromLocal('2020-11-12 18:40', 'Europe/Stockholm');
  if (at === null) throw new Error('bad time');
  createRecord(file, ctx, eventSpec, {
    at,
    end: null,
    title: EVENT_TITLE,
    detail: 'gateway',
    source: 'SIEM',
    tags: ['containment'],
    partyIds: [],
  });
  createRecord(file, ctx, noteSpec, { title: NOTE_TITLE, body: NOTE_BODY, privileged: true });
  await intake(file, ctx, [writeEvidenceFile(dir, 'gateway.log', EVIDENCE_TEXT)]);
  file.close();
  return file.path;
}

/** Every row of every table, blobs as hex, in a stable order: what each implementation reads. */
function dump(db: { prepare(sql: string): { all(): unknown[] } }): Record<string, string[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => {
      const rows = db.prepare(`SELECT * FROM "${name}"`).all() as Row[];
      const texts = rows.map((row) =>
        JSON.stringify(row, (_key, value: unknown) =>
          value instanceof Uint8Array ? `hex:${Buffer.from(value).toString('hex')}` : value,
        ),
      );
      return [name, texts.sort()];
    }),
  );
}

function dumpInBreachdesk(path: string, passphrase: Buffer | null): Record<string, string[]> {
  const file = openCase(path, testContext(), passphrase);
  try {
    return dump(file.db);
  } finally {
    file.close();
  }
}

/** The checks of an encrypted file that only need SQLCipher: HMAC of every page, then SQLite's. */
function expectIntact(db: SqlCipher): void {
  expect(db.pragma('cipher_integrity_check')).toEqual([]);
  expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
}

describe('a case file written by Breachdesk, read by SQLCipher 4', () => {
  it('opens with the passphrase and cipher_page_size 65536, verifies, and reads every table as Breachdesk does', async () => {
    const dir = tempDir();
    const path = await fillCase(dir, 'ours.bdcase', KEY);
    const ours = dumpInBreachdesk(path, KEY);

    withSqlCipher(path, TEST_PASSPHRASE, 65536, (db) => {
      expect(db.pragma('cipher_version', { simple: true })).toMatch(/^4\./);
      expectIntact(db);
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(Number(db.pragma('page_size', { simple: true }))).toBe(65536);

      expect(db.prepare('SELECT title, organisation, status FROM case_record').all()).toEqual([
        { title: 'Partner API exposure', organisation: 'Sonora Streaming AB', status: 'investigating' },
      ]);
      const facts = db.prepare('SELECT data FROM facts').get<{ data: string }>()!;
      expect(JSON.parse(facts.data)).toMatchObject({ summary: SUMMARY });
      const notes = db.prepare('SELECT data FROM notes').all<{ data: string }>();
      expect(notes.map((n) => JSON.parse(n.data) as unknown)).toEqual([
        expect.objectContaining({ title: NOTE_TITLE, body: NOTE_BODY, privileged: true }),
      ]);
      // The full-text index (FTS5) reads there too.
      const hits = db
        .prepare(
          `SELECT items.kind, items.title FROM search_index
           JOIN search_items AS items ON items.rowid = search_index.rowid
           WHERE search_index MATCH 'rotated'`,
        )
        .all();
      expect(hits).toEqual([{ kind: 'event', title: EVENT_TITLE }]);
      // The evidence bytes, stored in 64 KiB pages, come back whole.
      const chunks = db.prepare('SELECT bytes FROM blob_chunks ORDER BY seq').all() as {
        bytes: Uint8Array;
      }[];
      expect(Buffer.concat(chunks.map((c) => c.bytes)).toString('utf8')).toBe(EVIDENCE_TEXT);

      // The audit log as SQLCipher reads it recomputes to an intact chain.
      const entries = (db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[]).map((row) =>
        auditEntrySchema.parse({
          ...row,
          payload: JSON.parse(String(row.payload)) as unknown,
          prevHash: row.prev_hash,
        }),
      );
      expect(entries.map((e) => e.action)).toEqual(
        expect.arrayContaining(['case.created', 'facts.updated', 'event.created', 'note.created']),
      );
      expect(verifyAuditChain(entries)).toMatchObject({ ok: true, entries: entries.length });

      expect(dump(db)).toEqual(ours);
    });
  });

  it('cannot be read with a wrong passphrase, nor without its page size', async () => {
    const dir = tempDir();
    const path = await fillCase(dir, 'ours.bdcase', KEY);
    const before = bytesOf(path);
    const readSchema = (db: SqlCipher) => db.prepare('SELECT count(*) FROM sqlite_schema').get();
    for (const [passphrase, pageSize] of [
      [`${TEST_PASSPHRASE}!`, 65536],
      [TEST_PASSPHRASE, null],
    ] as const) {
      writeFileSync(cipherLog(), '');
      expect(() => withSqlCipher(path, passphrase, pageSize, readSchema)).toThrow(/not a database/);
      // Refused by the page's HMAC, SQLCipher 4's authentication, not by a parse error.
      expect(readFileSync(cipherLog(), 'utf8')).toMatch(/hmac check failed for pgno=1/);
    }
    // Failing to read wrote nothing.
    expect(bytesOf(path).equals(before)).toBe(true);
  });
});

/**
 * A Breachdesk case file encrypted by SQLCipher itself: a plaintext case exported page by page
 * into an encrypted database with sqlcipher_export, the way SQLCipher's documentation encrypts
 * an existing file. Without a page size, SQLCipher writes its default 4096-byte pages.
 */
function encryptWithSqlCipher(plain: string, target: string, pageSize: number | null): void {
  const db = new SqlCipher(plain);
  try {
    db.exec(`ATTACH DATABASE ${literal(target)} AS enc KEY ${literal(TEST_PASSPHRASE)}`);
    if (pageSize !== null) db.exec(`PRAGMA enc.cipher_page_size = ${pageSize}`);
    db.exec("SELECT sqlcipher_export('enc')");
    // sqlcipher_export copies schema and rows, not these two header fields (checked: both stay 0).
    db.exec(`PRAGMA enc.application_id = ${Number(db.pragma('application_id', { simple: true }))}`);
    db.exec(`PRAGMA enc.user_version = ${Number(db.pragma('user_version', { simple: true }))}`);
    db.exec('DETACH DATABASE enc');
  } finally {
    db.close();
  }
}

describe('a case file written by SQLCipher 4, opened in Breachdesk', () => {
  it.each([
    ['65536-byte pages (cipher_page_size, as Breachdesk writes)', 65536],
    ["4096-byte pages (SQLCipher's default)", null],
  ])('opens with the passphrase, reads, verifies and takes new records: %s', async (_label, pageSize) => {
    const dir = tempDir();
    const plain = await fillCase(dir, 'plain.bdcase', null);
    const path = join(dir, 'theirs.bdcase');
    encryptWithSqlCipher(plain, path, pageSize);
    const bytes = bytesOf(path);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(NOTE_BODY)).toBe(false);
    withSqlCipher(path, TEST_PASSPHRASE, pageSize, (db) => {
      expectIntact(db);
      expect(Number(db.pragma('page_size', { simple: true }))).toBe(pageSize ?? 4096);
    });

    expect(dumpInBreachdesk(path, KEY)).toEqual(dumpInBreachdesk(plain, null));
    const ctx = testContext();
    const file = openCase(path, ctx, KEY);
    expect(describeOpenCase(file)).toMatchObject({
      encrypted: true,
      record: { title: 'Partner API exposure', organisation: 'Sonora Streaming AB' },
    });
    expect(searchCase(file, 'clause 7.3', 10).map((hit) => hit.title)).toEqual([NOTE_TITLE]);
    expect(searchCase(file, 'interop-evidence', 10).map((hit) => [hit.kind, hit.line])).toEqual([
      ['evidence', 1],
    ]);
    expect(verifyCase(file)).toMatchObject({ ok: true, integrity: { ok: true }, audit: { ok: true } });
    createRecord(file, ctx, noteSpec, { title: 'Written by Breachdesk', body: 'after', privileged: false });
    file.close();

    // What Breachdesk wrote into SQLCipher's file (in that file's page size) reads there too.
    withSqlCipher(path, TEST_PASSPHRASE, pageSize, (db) => {
      expectIntact(db);
      const titles = db
        .prepare('SELECT data FROM notes')
        .all<{ data: string }>()
        .map((n) => (JSON.parse(n.data) as { title: string }).title);
      expect(titles.sort()).toEqual([NOTE_TITLE, 'Written by Breachdesk']);
    });
  });

  it('refuses a wrong passphrase with WRONG_PASSPHRASE and leaves the file as it was', async () => {
    const dir = tempDir();
    const path = join(dir, 'theirs.bdcase');
    encryptWithSqlCipher(await fillCase(dir, 'plain.bdcase', null), path, null);
    const before = bytesOf(path);
    expect(() => openCase(path, testContext(), Buffer.from(`${TEST_PASSPHRASE}!`))).toThrow(
      expect.objectContaining({ code: 'WRONG_PASSPHRASE' }) as Error,
    );
    expect(bytesOf(path).equals(before)).toBe(true);
  });
});
