import type { Migration } from './migration';

/**
 * Notices to every affected person (issue 20).
 *
 * - `roster_people`: each affected person of the roster (the id of the record they are counted
 *   under), with the residency and the exposed elements (`elementsKey`) the counts were made
 *   from; written with the counts by every rebuild, so a notification run reads people, not rows.
 *   A case whose roster was built before this table existed is rebuilt on first use
 *   (`roster_state` 'peopleTable').
 * - `notice_runs`: one row per run; `state` is 'writing' while its notices are staged and its
 *   files written into a temporary folder beside the target, 'placing' once recorded and before
 *   that folder is renamed into place, 'done' after. A case opened with a 'writing' run removes
 *   it, its notices, its codes' assignments and its temporary folder; a 'placing' run is finished.
 * - `notices`: one row per person and run: the channel, the letter (id and version) it was
 *   written from, the rules it answers, the address used (personal data, kept in the case only,
 *   to match bounces), the file and its SHA-256, and the latest outcome.
 * - `offer_codes`: activation codes imported for an offer (personal data once assigned: never
 *   audited as values); `person` is unique, so a person is given one code, once.
 * - `notice_state`: the case's notice settings (JSON) and other small facts.
 */
export const migration100: Migration = {
  version: 100,
  name: 'notices',
  sql: `
    CREATE TABLE roster_people (
      id INTEGER PRIMARY KEY,
      jurisdiction TEXT NOT NULL,
      residency INTEGER NOT NULL,
      elements TEXT NOT NULL
    ) STRICT;
    CREATE TABLE notice_runs (
      id TEXT PRIMARY KEY,
      seq INTEGER NOT NULL UNIQUE,
      state TEXT NOT NULL CHECK (state IN ('writing', 'placing', 'done')),
      temp TEXT,
      data TEXT NOT NULL
    ) STRICT;
    CREATE TABLE notices (
      id INTEGER PRIMARY KEY,
      run INTEGER NOT NULL,
      person INTEGER NOT NULL,
      jurisdiction TEXT NOT NULL,
      channel TEXT NOT NULL CHECK (channel IN ('email', 'post', 'unreachable')),
      letter TEXT,
      version INTEGER,
      rules TEXT NOT NULL,
      address TEXT,
      file TEXT,
      sha256 TEXT,
      status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'bounced', 'returned', 'unreachable', 'substitute')),
      status_at TEXT,
      detail TEXT,
      UNIQUE (run, person)
    ) STRICT;
    CREATE INDEX notices_person ON notices (person, id);
    CREATE INDEX notices_address ON notices (address) WHERE address IS NOT NULL;
    CREATE TABLE offer_codes (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      expires TEXT,
      person INTEGER UNIQUE,
      run INTEGER
    ) STRICT;
    CREATE TABLE notice_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  `,
};
