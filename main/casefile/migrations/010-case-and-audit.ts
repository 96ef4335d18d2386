import { CASE_STATUSES } from '../../../shared/domain/case';
import type { Migration } from './migration';

const statuses = CASE_STATUSES.map((s) => `'${s}'`).join(', ');

export const migration010: Migration = {
  version: 10,
  name: 'case record and audit log',
  sql: `
    CREATE TABLE case_record (
      id TEXT PRIMARY KEY,
      singleton INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1),
      title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      organisation TEXT NOT NULL CHECK (length(organisation) BETWEEN 1 AND 200),
      status TEXT NOT NULL CHECK (status IN (${statuses})),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      target TEXT NOT NULL,
      payload TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL UNIQUE
    ) STRICT;

    CREATE TRIGGER audit_log_refuse_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

    CREATE TRIGGER audit_log_refuse_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  `,
};
