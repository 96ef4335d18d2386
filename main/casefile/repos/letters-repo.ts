import type { Database } from 'better-sqlite3-multiple-ciphers';
import {
  letterRecordSchema,
  letterVersionSchema,
  type LetterRecord,
  type LetterVersion,
} from '../../../shared/domain/letters';
import { RecordTable } from './record-table';
import { statement } from '../statements';

/** Letters in the order they were drafted. */
const lettersTable = new RecordTable('letters', letterRecordSchema, (letter) => letter.createdAt);

export function putLetter(db: Database, letter: LetterRecord): void {
  lettersTable.put(db, letter);
}

export function getLetter(db: Database, id: string): LetterRecord | null {
  return lettersTable.get(db, id);
}

export function listLetters(db: Database): LetterRecord[] {
  return lettersTable.all(db);
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
