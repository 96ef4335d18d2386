import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { configureSqlCipher, useSqlCipher } from '../cipher';
import { APPLICATION_ID } from '../constants';
import { identifier } from './identifiers';
import { ofType, type SchemaObject } from './schema-objects';

/** A database file to create: where, its page size, and its passphrase (null: plaintext). */
export interface CopyTarget {
  path: string;
  pageSize: number;
  passphrase: Buffer | null;
}

/**
 * Creates `target` with `schema`'s tables, indexes and views (no triggers: the caller puts them
 * back once the rows are in, as they would refuse or repeat the copy) and `userVersion`, then
 * copies the rows of `tables` from `source` in one transaction. Statements are replayed one at a
 * time (prepare refuses a second statement hidden in a schema entry of a file from outside).
 * Encrypted targets are written by SQLite itself, so nothing of them is ever on disk in clear.
 */
export function copyDatabase(
  source: Database,
  schema: readonly SchemaObject[],
  userVersion: number,
  target: CopyTarget,
  tables: readonly string[],
): void {
  createEmpty(schema, userVersion, target);
  copyRows(source, target, tables);
}

/** Opens a file created by copyDatabase for further writes (its triggers, its own edits). */
export function openCopy(target: CopyTarget): Database {
  const db = new BetterSqlite3(target.path, { fileMustExist: true });
  try {
    if (target.passphrase !== null) useSqlCipher(db, target.passphrase, target.pageSize);
    db.pragma('temp_store = MEMORY');
    db.pragma('journal_mode = DELETE');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Puts `schema`'s triggers back, in one transaction. */
export function replayTriggers(db: Database, schema: readonly SchemaObject[]): void {
  db.transaction(() => {
    for (const trigger of ofType(schema, 'trigger')) runOne(db, trigger.sql ?? '');
  })();
}

function createEmpty(schema: readonly SchemaObject[], userVersion: number, target: CopyTarget): void {
  const db = new BetterSqlite3(target.path);
  try {
    if (target.passphrase !== null) useSqlCipher(db, target.passphrase, target.pageSize);
    db.pragma('temp_store = MEMORY');
    db.pragma(`page_size = ${target.pageSize}`);
    db.pragma('journal_mode = DELETE');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.transaction(() => {
      // A virtual table creates its own storage tables; every other statement is replayed as is.
      for (const object of schema) {
        if (object.type === 'trigger' || object.shadow || object.sql === null) continue;
        runOne(db, object.sql);
      }
      db.pragma(`user_version = ${Math.trunc(userVersion)}`);
    })();
  } finally {
    db.close();
  }
}

function runOne(db: Database, sql: string): void {
  if (!/^\s*CREATE\s/i.test(sql)) throw new Error('A schema entry is not a CREATE statement.');
  db.prepare(sql).run();
}

function copyRows(source: Database, target: CopyTarget, tables: readonly string[]): void {
  if (target.passphrase === null) {
    // KEY '': plaintext, even where the connection has cipher settings of its own.
    source.prepare("ATTACH DATABASE @path AS copy_target KEY ''").run({ path: target.path });
  } else {
    // Cipher settings apply to the databases attached from then on: the target's page size.
    const own = source.pragma('page_size', { simple: true });
    configureSqlCipher(source, target.pageSize);
    try {
      source
        .prepare('ATTACH DATABASE @path AS copy_target KEY @key')
        .run({ path: target.path, key: target.passphrase });
    } finally {
      if (typeof own === 'number') configureSqlCipher(source, own);
    }
  }
  // SQLite's defensive mode forbids writing a full-text index's storage tables; copying them as
  // they are keeps the index without tokenising every page of evidence text again.
  source.unsafeMode(true);
  try {
    source.transaction(() => {
      for (const table of tables) copyTable(source, table);
    })();
  } finally {
    source.unsafeMode(false);
    source.exec('DETACH DATABASE copy_target');
  }
}

function copyTable(db: Database, table: string): void {
  const columns = (
    db.prepare(`SELECT name FROM pragma_table_info(@table, 'main')`).all({ table }) as { name: string }[]
  )
    .map((column) => identifier(column.name))
    .join(', ');
  const name = identifier(table);
  // A virtual table writes its first rows into its storage when it is created: replaced here.
  db.exec(`DELETE FROM copy_target.${name}`);
  db.exec(`INSERT INTO copy_target.${name} (${columns}) SELECT ${columns} FROM main.${name}`);
}
