import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import { statement } from '../statements';

/** Tables holding one validated JSON record per row, ordered by a sort key. Names are constants. */
export type RecordTableName =
  | 'data_elements'
  | 'populations'
  | 'parties'
  | 'events'
  | 'tasks'
  | 'notes'
  | 'pending_evidence'
  | 'letters'
  | 'merge_conflicts';

interface Row {
  data: string;
}

/**
 * Storage for one kind of record: whole records as JSON in `data`, re-validated on every read,
 * with `sort_key` for ordering (and, where the table says UNIQUE, a natural key).
 */
export class RecordTable<T extends { id: string }> {
  constructor(
    readonly name: RecordTableName,
    private readonly schema: z.ZodType<T>,
    private readonly sortKey: (record: T) => string,
  ) {}

  get(db: Database, id: string): T | null {
    const row = statement(db, `SELECT data FROM ${this.name} WHERE id = @id`).get({ id }) as Row | undefined;
    return row === undefined ? null : this.parse(row);
  }

  /** The record with this sort key (unique in tables that declare it so, like populations). */
  bySortKey(db: Database, sortKey: string): T | null {
    const row = statement(db, `SELECT data FROM ${this.name} WHERE sort_key = @sortKey LIMIT 1`).get({
      sortKey,
    }) as Row | undefined;
    return row === undefined ? null : this.parse(row);
  }

  all(db: Database): T[] {
    const rows = statement(db, `SELECT data FROM ${this.name} ORDER BY sort_key, id`).all() as Row[];
    return rows.map((row) => this.parse(row));
  }

  count(db: Database): number {
    return (statement(db, `SELECT count(*) AS n FROM ${this.name}`).get() as { n: number }).n;
  }

  /** Inserts or replaces the record with this id. */
  put(db: Database, record: T): void {
    statement(
      db,
      `INSERT INTO ${this.name} (id, sort_key, data) VALUES (@id, @sortKey, @data)
       ON CONFLICT (id) DO UPDATE SET sort_key = excluded.sort_key, data = excluded.data`,
    ).run({ id: record.id, sortKey: this.sortKey(record), data: JSON.stringify(record) });
  }

  remove(db: Database, id: string): boolean {
    return statement(db, `DELETE FROM ${this.name} WHERE id = @id`).run({ id }).changes > 0;
  }

  parse(row: Row): T {
    return this.validate(JSON.parse(row.data));
  }

  /** Checks a value against the record schema, dropping keys the schema does not know. */
  validate(value: unknown): T {
    return this.schema.parse(value);
  }
}
