import type { Database } from 'better-sqlite3-multiple-ciphers';
import { statement } from '../statements';
import { caseRecordSchema, type CaseRecord, type CaseStatus } from '../../../shared/domain/case';
import { BreachdeskError } from '../../../shared/ipc/errors';

interface CaseRow {
  id: string;
  title: string;
  organisation: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export function insertCaseRecord(db: Database, record: CaseRecord): void {
  statement(
    db,
    `INSERT INTO case_record (id, title, organisation, status, created_at, updated_at)
     VALUES (@id, @title, @organisation, @status, @createdAt, @updatedAt)`,
  ).run(record);
}

export function getCaseRecord(db: Database): CaseRecord {
  const row = statement(
    db,
    'SELECT id, title, organisation, status, created_at, updated_at FROM case_record',
  ).get() as CaseRow | undefined;
  if (row === undefined) {
    throw new BreachdeskError('CASE_CORRUPT', 'The case file has no case record.');
  }
  return caseRecordSchema.parse({
    id: row.id,
    title: row.title,
    organisation: row.organisation,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

export interface CaseRecordChanges {
  title: string;
  organisation: string;
  status: CaseStatus;
  updatedAt: string;
}

export function updateCaseRecord(db: Database, changes: CaseRecordChanges): void {
  statement(
    db,
    `UPDATE case_record
     SET title = @title, organisation = @organisation, status = @status, updated_at = @updatedAt`,
  ).run(changes);
}
