import type { Migration } from './migration';

/**
 * The roster: datasets of exposed people and their records (issue 19).
 *
 * - `roster_datasets`: one row per imported file, `data` its validated JSON (name, source hash,
 *   mapping, counts); `seq` is the small number its records carry; `state` is 'staging' while an
 *   import streams in (a case opened with staging rows discards them: nothing half-imported stays).
 * - `roster_records`: one row per source row, with its exact merge keys (account id, e-mail,
 *   E.164 phone), the suggestion key (name, date of birth, postal code), the residency decided for
 *   it and where from, its exposed elements (a `roster_element_sets` id); `data` holds the row's
 *   personal values as read (names, contact, address) for lookups and notices.
 * - `roster_links`: a record counted under another record's id (its person's first record). Kept
 *   apart from the records so rebuilding the people writes a small table afresh instead of
 *   rewriting (and journaling) pages all over a table of millions of rows.
 * - `roster_groups`: the counts the obligations read (jurisdiction × elements × residency source →
 *   people). No personal value; kept when the records are purged.
 * - `roster_review`: pairs of records that may be one person (same name, date of birth and postal
 *   code) and what a person decided; never merged without that decision.
 * - `roster_state`: small facts about the roster (when it was purged).
 *
 * The key indexes hold the dataset too, so merging reads each key's records from the index alone.
 * They are dropped while a large import loads and built again after (building one is
 * several times faster than growing it row by row); `ensureRosterIndexes` recreates any missing.
 */
export const migration090: Migration = {
  version: 90,
  name: 'roster',
  sql: `
    CREATE TABLE roster_datasets (
      id TEXT PRIMARY KEY,
      seq INTEGER NOT NULL UNIQUE,
      state TEXT NOT NULL CHECK (state IN ('staging', 'ready')),
      data TEXT NOT NULL
    ) STRICT;
    CREATE TABLE roster_element_sets (id INTEGER PRIMARY KEY, terms TEXT NOT NULL UNIQUE) STRICT;
    CREATE TABLE roster_records (
      id INTEGER PRIMARY KEY,
      dataset INTEGER NOT NULL,
      line INTEGER NOT NULL,
      account TEXT,
      email TEXT,
      phone TEXT,
      suggest TEXT,
      jurisdiction TEXT NOT NULL,
      residency INTEGER NOT NULL,
      elements INTEGER NOT NULL,
      data TEXT
    ) STRICT;
    CREATE INDEX roster_records_dataset ON roster_records (dataset);
    CREATE INDEX roster_records_account ON roster_records (account, dataset) WHERE account IS NOT NULL;
    CREATE INDEX roster_records_email ON roster_records (email, dataset) WHERE email IS NOT NULL;
    CREATE INDEX roster_records_phone ON roster_records (phone, dataset) WHERE phone IS NOT NULL;
    CREATE INDEX roster_records_suggest ON roster_records (suggest, dataset) WHERE suggest IS NOT NULL;
    CREATE TABLE roster_links (record INTEGER PRIMARY KEY, person INTEGER NOT NULL) STRICT;
    CREATE INDEX roster_links_person ON roster_links (person);
    CREATE TABLE roster_groups (
      jurisdiction TEXT NOT NULL,
      elements TEXT NOT NULL,
      source TEXT NOT NULL,
      people INTEGER NOT NULL,
      PRIMARY KEY (jurisdiction, elements, source)
    ) STRICT;
    CREATE TABLE roster_review (
      id INTEGER PRIMARY KEY,
      first INTEGER NOT NULL,
      second INTEGER NOT NULL,
      decision TEXT CHECK (decision IN ('merge', 'apart')),
      decided_by TEXT,
      decided_at TEXT,
      UNIQUE (first, second)
    ) STRICT;
    CREATE TABLE roster_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  `,
};
