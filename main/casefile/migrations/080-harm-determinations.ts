import type { Migration } from './migration';

/**
 * A US state's risk-of-harm decision, one per jurisdiction: the finding (harm likely or not),
 * its basis in writing, who decided and when, as validated JSON.
 */
export const migration080: Migration = {
  version: 80,
  name: 'harm determinations',
  sql: `
    CREATE TABLE harm_determinations (jurisdiction TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT;
  `,
};
