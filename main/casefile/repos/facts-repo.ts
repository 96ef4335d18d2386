import type { Database } from 'better-sqlite3-multiple-ciphers';
import { EMPTY_FACTS, factsSchema, type Facts } from '../../../shared/domain/facts';
import { statement } from '../statements';

export function getFacts(db: Database): Facts {
  const row = statement(db, 'SELECT data FROM facts WHERE singleton = 1').get() as
    { data: string } | undefined;
  return row === undefined ? EMPTY_FACTS : factsSchema.parse(JSON.parse(row.data));
}

export function putFacts(db: Database, facts: Facts, updatedAt: string): void {
  statement(
    db,
    `INSERT INTO facts (singleton, data, updated_at) VALUES (1, @data, @updatedAt)
     ON CONFLICT (singleton) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
  ).run({ data: JSON.stringify(facts), updatedAt });
}
