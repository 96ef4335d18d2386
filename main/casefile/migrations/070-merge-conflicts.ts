import type { Migration } from './migration';

/**
 * Conflicts left by merging a colleague's bundle: a record both sides hold with different
 * content, kept (with both versions) until a person keeps ours or takes theirs.
 */
export const migration070: Migration = {
  version: 70,
  name: 'merge conflicts',
  sql: `
    CREATE TABLE merge_conflicts (id TEXT PRIMARY KEY, sort_key TEXT NOT NULL, data TEXT NOT NULL) STRICT;
    CREATE INDEX merge_conflicts_in_order ON merge_conflicts (sort_key, id);
  `,
};
