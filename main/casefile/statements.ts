import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

const caches = new WeakMap<Database, Map<string, Statement>>();

/**
 * A prepared statement for this connection, compiled once. The SQLite binding does not cache
 * statements itself, and re-preparing on every call dominates bulk work such as imports.
 */
export function statement(db: Database, sql: string): Statement {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (prepared === undefined) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}
