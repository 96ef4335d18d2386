import type { Migration } from './migration';

/**
 * The investigation workspace. Each record is kept whole as validated JSON in `data`, beside the
 * columns that queries sort, filter or join on; the search index is FTS5, maintained by the
 * services in the same transaction as the change.
 */
export const migration030: Migration = {
  version: 30,
  name: 'investigation workspace',
  sql: `
    CREATE TABLE facts (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      data TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE data_elements (id TEXT PRIMARY KEY, sort_key TEXT NOT NULL, data TEXT NOT NULL) STRICT;

    CREATE TABLE populations (
      id TEXT PRIMARY KEY,
      sort_key TEXT NOT NULL UNIQUE,
      data TEXT NOT NULL
    ) STRICT;

    CREATE TABLE parties (id TEXT PRIMARY KEY, sort_key TEXT NOT NULL, data TEXT NOT NULL) STRICT;

    CREATE TABLE events (id TEXT PRIMARY KEY, sort_key TEXT NOT NULL, data TEXT NOT NULL) STRICT;
    CREATE INDEX events_in_time_order ON events (sort_key, id);

    CREATE TABLE event_tags (
      event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
      tag TEXT NOT NULL,
      PRIMARY KEY (event_id, tag)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX event_tags_by_tag ON event_tags (tag, event_id);

    CREATE TABLE event_parties (
      event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
      party_id TEXT NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
      PRIMARY KEY (event_id, party_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX event_parties_by_party ON event_parties (party_id, event_id);

    CREATE TABLE tasks (id TEXT PRIMARY KEY, sort_key TEXT NOT NULL, data TEXT NOT NULL) STRICT;
    CREATE TABLE notes (id TEXT PRIMARY KEY, sort_key TEXT NOT NULL, data TEXT NOT NULL) STRICT;
    CREATE TABLE pending_evidence (id TEXT PRIMARY KEY, sort_key TEXT NOT NULL, data TEXT NOT NULL) STRICT;

    -- What search sees of each item. The FTS5 index reads its text from here (external
    -- content) and is kept in step by triggers, so an item is found, replaced or removed by id
    -- through an ordinary index instead of a scan of the full-text table.
    CREATE TABLE search_items (
      rowid INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      item_id TEXT NOT NULL UNIQUE,
      title TEXT NOT NULL,
      body TEXT NOT NULL
    ) STRICT;

    CREATE VIRTUAL TABLE search_index USING fts5(
      title,
      body,
      content = 'search_items',
      content_rowid = 'rowid',
      tokenize = 'unicode61 remove_diacritics 2'
    );

    CREATE TRIGGER search_items_inserted AFTER INSERT ON search_items BEGIN
      INSERT INTO search_index (rowid, title, body) VALUES (new.rowid, new.title, new.body);
    END;
    CREATE TRIGGER search_items_deleted AFTER DELETE ON search_items BEGIN
      INSERT INTO search_index (search_index, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
    END;
    CREATE TRIGGER search_items_updated AFTER UPDATE ON search_items BEGIN
      INSERT INTO search_index (search_index, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
      INSERT INTO search_index (rowid, title, body) VALUES (new.rowid, new.title, new.body);
    END;
  `,
};
