import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { readFileSync } from 'node:fs';
import { APPLICATION_ID } from '../../main/casefile/constants';

/** Runs raw SQL on a file outside Breachdesk's own code, as another tool (or a forger) would. */
export function withRawDb<T>(path: string, fn: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(path);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export function makeForeignSqliteFile(path: string): void {
  withRawDb(path, (db) => {
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    db.exec("INSERT INTO notes (body) VALUES ('someone else''s data')");
  });
}

/** An empty schema-less file that claims to be a Breachdesk case file. */
export function stampApplicationId(db: BetterSqlite3.Database): void {
  db.pragma(`application_id = ${APPLICATION_ID}`);
}

export function bytesOf(path: string): Buffer {
  return readFileSync(path);
}
