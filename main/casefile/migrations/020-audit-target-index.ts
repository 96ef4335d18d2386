import type { Migration } from './migration';

/** Item histories ("who changed this event, and when") read the audit log by target. */
export const migration020: Migration = {
  version: 20,
  name: 'audit log index by target',
  sql: `CREATE INDEX audit_log_by_target ON audit_log (target, seq);`,
};
