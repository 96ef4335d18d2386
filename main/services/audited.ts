import type { Database } from 'better-sqlite3';
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
  change: (db: Database, at: string) => { result: T; audit: AuditedChange },
): T {
  const stamp = stampFor(ctx);
  return file.transaction((db) => {
    const { result, audit } = change(db, stamp.at);
    appendAuditEntry(db, { ...stamp, ...audit });
    return result;
  });
}
