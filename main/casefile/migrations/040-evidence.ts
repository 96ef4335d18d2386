import type { Migration } from './migration';

/**
 * The evidence locker. Bytes are content-addressed: one blob per distinct SHA-256, its bytes in
 * fixed 1 MiB chunk rows (the last one shorter), so any offset maps to one chunk. An intake
 * streams into a *staged* blob (sha256 NULL) in committed batches and names it by hash only in
 * the transaction that adds the item; staged blobs left by a killed intake are discarded the
 * next time the file is opened. A blob's readable text is kept as line-aligned pages, each one a
 * row of the search index; deleting a page (or its blob) takes the search row with it.
 */
export const migration040: Migration = {
  version: 40,
  name: 'evidence locker',
  sql: `
    CREATE TABLE blobs (
      id INTEGER PRIMARY KEY,
      sha256 TEXT UNIQUE,
      size INTEGER NOT NULL DEFAULT 0,
      chunks INTEGER NOT NULL DEFAULT 0,
      -- What the content is and how its text was read: properties of the bytes, so shared by
      -- every item holding them. JSON, validated by the repo.
      content TEXT,
      staged_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE blob_chunks (
      blob_id INTEGER NOT NULL REFERENCES blobs (id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      bytes BLOB NOT NULL,
      PRIMARY KEY (blob_id, seq)
    ) STRICT;

    CREATE TABLE blob_text_pages (
      blob_id INTEGER NOT NULL REFERENCES blobs (id) ON DELETE CASCADE,
      page INTEGER NOT NULL,
      first_line INTEGER NOT NULL,
      line_count INTEGER NOT NULL,
      -- The page's bytes in the original file; NULL for text extracted from e-mail, PDF or DOCX.
      byte_start INTEGER,
      byte_end INTEGER,
      search_rowid INTEGER NOT NULL,
      PRIMARY KEY (blob_id, page)
    ) STRICT;

    CREATE TRIGGER blob_text_pages_deleted AFTER DELETE ON blob_text_pages BEGIN
      DELETE FROM search_items WHERE rowid = old.search_rowid;
    END;

    CREATE TABLE evidence (
      id TEXT PRIMARY KEY,
      sort_key TEXT NOT NULL,
      blob_id INTEGER NOT NULL REFERENCES blobs (id),
      data TEXT NOT NULL
    ) STRICT;
    CREATE INDEX evidence_by_blob ON evidence (blob_id);
    CREATE INDEX evidence_in_order ON evidence (sort_key, id);

    CREATE TABLE evidence_events (
      evidence_id TEXT NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
      event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
      PRIMARY KEY (evidence_id, event_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX evidence_events_by_event ON evidence_events (event_id, evidence_id);

    CREATE TABLE evidence_parties (
      evidence_id TEXT NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
      party_id TEXT NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
      PRIMARY KEY (evidence_id, party_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX evidence_parties_by_party ON evidence_parties (party_id, evidence_id);

    -- The chain of custody: append-only, like the audit log.
    CREATE TABLE custody_entries (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      evidence_id TEXT NOT NULL REFERENCES evidence (id),
      data TEXT NOT NULL
    ) STRICT;
    CREATE INDEX custody_by_item ON custody_entries (evidence_id, seq);
    CREATE TRIGGER custody_entries_no_update BEFORE UPDATE ON custody_entries BEGIN
      SELECT RAISE(ABORT, 'custody entries cannot be changed');
    END;
    CREATE TRIGGER custody_entries_no_delete BEFORE DELETE ON custody_entries BEGIN
      SELECT RAISE(ABORT, 'custody entries cannot be deleted');
    END;
  `,
};
