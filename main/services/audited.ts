import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CaseFile } from '../casefile/case-file';
import { appendAuditEntry } from '../casefile/repos/audit-repo';
import { stampFor, type ServiceContext } from './context';

export interface AuditedChange {
  action: string;
  target: string;
  payload: unknown;
}

/**
 * Runs a change and writes its audit entry in the same transaction: either both land or
 * neither does. Every service that changes a case file goes through here.
 */
export function changeWithAudit<T>(
  file: CaseFile,
  ctx: ServiceContext,
  change: (db: Database, at: string) => { result: T; audit: AuditedChange | null },
): T {
  const stamp = stampFor(ctx);
  return file.transaction((db) => {
    const { result, audit } = change(db, stamp.at);
    // null: the change found nothing to change and wrote nothing, so there is nothing to record.
    if (audit !== null) appendAuditEntry(db, { ...stamp, ...audit });
    return result;
  });
}
