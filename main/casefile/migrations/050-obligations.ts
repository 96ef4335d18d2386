import type { Migration } from './migration';

/**
 * Obligations and severity. What is owed is computed from the facts and the rule pack on every
 * read; only what people decide is stored: a status per rule (with the engine's answer when it
 * was recorded, to flag it for review when the facts change) and the severity assessments, whose
 * versions are never changed or deleted.
 */
export const migration050: Migration = {
  version: 50,
  name: 'obligations and severity',
  sql: `
    CREATE TABLE obligation_status (rule_id TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT;

    CREATE TABLE assessments (
      version INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      data TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER assessments_no_update BEFORE UPDATE ON assessments BEGIN
      SELECT RAISE(ABORT, 'assessment versions cannot be changed');
    END;
    CREATE TRIGGER assessments_no_delete BEFORE DELETE ON assessments BEGIN
      SELECT RAISE(ABORT, 'assessment versions cannot be deleted');
    END;
  `,
};
