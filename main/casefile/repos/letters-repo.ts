import type { Database } from 'better-sqlite3';
import {
  letterRecordSchema,
  letterVersionSchema,
  type LetterRecord,
  type LetterVersion,
} from '../../../shared/domain/letters';
import { statement } from '../statements';

export function putLetter(db: Database, letter: LetterRecord): void {
  statement(
    db,
    `INSERT INTO letters (id, sort_key, data) VALUES (@id, @sortKey, @data)
     ON CONFLICT (id) DO UPDATE SET sort_key = excluded.sort_key, data = excluded.data`,
  ).run({ id: letter.id, sortKey: letter.createdAt, data: JSON.stringify(letter) });
}

export function getLetter(db: Database, id: string): LetterRecord | null {
  const row = statement(db, 'SELECT data FROM letters WHERE id = @id').get({ id }) as
    { data: string } | undefined;
  return row === undefined ? null : letterRecordSchema.parse(JSON.parse(row.data));
}

export function listLetters(db: Database): LetterRecord[] {
  const rows = statement(db, 'SELECT data FROM letters ORDER BY sort_key, id').all() as { data: string }[];
  return rows.map((row) => letterRecordSchema.parse(JSON.parse(row.data)));
}

export function appendLetterVersion(db: Database, version: LetterVersion): void {
  statement(
    db,
    'INSERT INTO letter_versions (letter_id, version, data) VALUES (@letterId, @version, @data)',
  ).run({
    letterId: version.letterId,
    version: version.version,
    data: JSON.stringify(version),
  });
}

export function getLetterVersion(db: Database, letterId: string, version: number): LetterVersion | null {
  const row = statement(
    db,
    'SELECT data FROM letter_versions WHERE letter_id = @letterId AND version = @version',
  ).get({
    letterId,
    version,
  }) as { data: string } | undefined;
  return row === undefined ? null : letterVersionSchema.parse(JSON.parse(row.data));
}

/** Every version, oldest first. */
export function letterVersions(db: Database, letterId: string): LetterVersion[] {
  const rows = statement(
    db,
    'SELECT data FROM letter_versions WHERE letter_id = @letterId ORDER BY version',
  ).all({
    letterId,
  }) as { data: string }[];
  return rows.map((row) => letterVersionSchema.parse(JSON.parse(row.data)));
}
