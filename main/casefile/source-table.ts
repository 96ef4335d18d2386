import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { BreachdeskError } from '../../shared/ipc/errors';
import { identifier } from './snapshot/identifiers';

/**
 * A table of someone else's SQLite file, read as a roster dataset: opened read-only (nothing is
 * ever written to the source), one connection per call, closed before returning. A plain SQLite
 * file only; an encrypted one reads as "not a database".
 */
function openSource(path: string): Database {
  let db: Database;
  try {
    db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    db.pragma('query_only = ON');
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch {
    throw new BreachdeskError(
      'INVALID_INPUT',
      `${JSON.stringify(path)} is not a SQLite database this app can read.`,
    );
  }
  return db;
}

/** The file's tables, by name (SQLite's own left out). */
export function sourceTables(path: string): string[] {
  const db = openSource(path);
  try {
    return db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
}

export function sourceTableColumns(path: string, table: string): string[] {
  const db = openSource(path);
  try {
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
    if (columns.length === 0) {
      throw new BreachdeskError(
        'INVALID_INPUT',
        `The SQLite file has no table named ${JSON.stringify(table)}.`,
      );
    }
    return columns;
  } finally {
    db.close();
  }
}

/**
 * The table's rows, `columns` only, in batches of `batchSize`, with the share read so far.
 * Values come as SQLite gives them (text, numbers, null; blobs as their hex).
 */
export function* readSourceTable(
  path: string,
  table: string,
  columns: readonly string[],
  batchSize: number,
): Generator<{ rows: unknown[][]; progress: number }> {
  const db = openSource(path);
  try {
    const name = identifier(table);
    const total = db.prepare(`SELECT count(*) FROM ${name}`).pluck().get() as number;
    const list = columns.length === 0 ? 'NULL' : columns.map(identifier).join(', ');
    const rows = db.prepare(`SELECT ${list} FROM ${name}`).raw().iterate() as IterableIterator<unknown[]>;
    let batch: unknown[][] = [];
    let read = 0;
    for (const row of rows) {
      batch.push(row.map((value) => (Buffer.isBuffer(value) ? value.toString('hex') : value)));
      read += 1;
      if (batch.length >= batchSize) {
        yield { rows: batch, progress: total === 0 ? 1 : read / total };
        batch = [];
      }
    }
    yield { rows: batch, progress: 1 };
  } finally {
    db.close();
  }
}
