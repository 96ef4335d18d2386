import type { Database } from 'better-sqlite3-multiple-ciphers';
import { harmDeterminationSchema, type HarmDetermination } from '../../../shared/domain/harm-determinations';
import { statement } from '../statements';

/** Records (or replaces) the harm decision of its jurisdiction. */
export function putHarmDetermination(db: Database, determination: HarmDetermination): void {
  const valid = harmDeterminationSchema.parse(determination);
  statement(
    db,
    `INSERT INTO harm_determinations (jurisdiction, data) VALUES (@jurisdiction, @data)
     ON CONFLICT (jurisdiction) DO UPDATE SET data = excluded.data`,
  ).run({ jurisdiction: valid.jurisdiction, data: JSON.stringify(valid) });
}

/** Removes a jurisdiction's harm decision; false when there was none. */
export function removeHarmDetermination(db: Database, jurisdiction: string): boolean {
  return (
    statement(db, 'DELETE FROM harm_determinations WHERE jurisdiction = @jurisdiction').run({ jurisdiction })
      .changes > 0
  );
}

/** Every recorded harm decision, by jurisdiction code. */
export function harmDeterminations(db: Database): HarmDetermination[] {
  const rows = statement(db, 'SELECT data FROM harm_determinations ORDER BY jurisdiction').all() as {
    data: string;
  }[];
  return rows.map((row) => harmDeterminationSchema.parse(JSON.parse(row.data)));
}
