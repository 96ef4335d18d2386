import type { Migration } from './migration';

/**
 * Letters and their versions. Every save is a new version and versions are never changed or
 * deleted, so an approved version stays exactly as it was approved.
 */
export const migration060: Migration = {
  version: 60,
  name: 'letters',
  sql: `
    CREATE TABLE letters (id TEXT PRIMARY KEY, sort_key TEXT NOT NULL, data TEXT NOT NULL) STRICT;

    CREATE TABLE letter_versions (
      letter_id TEXT NOT NULL REFERENCES letters (id),
      version INTEGER NOT NULL,
      data TEXT NOT NULL,
      PRIMARY KEY (letter_id, version)
    ) STRICT;
    CREATE TRIGGER letter_versions_no_update BEFORE UPDATE ON letter_versions BEGIN
      SELECT RAISE(ABORT, 'letter versions cannot be changed');
    END;
    CREATE TRIGGER letter_versions_no_delete BEFORE DELETE ON letter_versions BEGIN
      SELECT RAISE(ABORT, 'letter versions cannot be deleted');
    END;
  `,
};
