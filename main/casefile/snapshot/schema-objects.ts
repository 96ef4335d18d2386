import type { Database } from 'better-sqlite3-multiple-ciphers';

/** One entry of a case file's schema, as sqlite_schema and pragma table_list describe it. */
export interface SchemaObject {
  type: 'table' | 'index' | 'trigger' | 'view';
  name: string;
  /** The table an index or trigger belongs to (the object itself for a table). */
  tableName: string;
  /** The statement that created it; null for indexes SQLite makes itself. */
  sql: string | null;
  /** Created by a virtual table (a full-text index's storage), not by a statement of ours. */
  shadow: boolean;
  virtual: boolean;
}

interface SchemaRow {
  type: SchemaObject['type'];
  name: string;
  tableName: string;
  sql: string | null;
}

/** Every object of the main schema in creation order, without SQLite's own (sqlite_%) tables. */
export function readSchema(db: Database): SchemaObject[] {
  const kinds = new Map(
    (
      db.prepare("SELECT name, type FROM pragma_table_list WHERE schema = 'main'").all() as {
        name: string;
        type: string;
      }[]
    ).map((row) => [row.name, row.type]),
  );
  const rows = db
    .prepare(
      `SELECT type, name, tbl_name AS tableName, sql FROM main.sqlite_schema
       WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid`,
    )
    .all() as SchemaRow[];
  return rows.map((row) => ({
    ...row,
    shadow: row.type === 'table' && kinds.get(row.name) === 'shadow',
    virtual: row.type === 'table' && kinds.get(row.name) === 'virtual',
  }));
}

export function ofType(schema: readonly SchemaObject[], type: SchemaObject['type']): SchemaObject[] {
  return schema.filter((object) => object.type === type);
}
