import type { AuditEntry } from '../../shared/domain/audit';
import type { CaseFile } from '../casefile/case-file';
import { countAuditEntries, listAuditEntries } from '../casefile/repos/audit-repo';

/** A page of the audit log, newest first, before `beforeSeq` when given, with the total count. */
export function auditPage(
  file: CaseFile,
  beforeSeq: number | undefined,
  limit: number,
): { entries: AuditEntry[]; total: number } {
  return { entries: listAuditEntries(file.db, beforeSeq, limit), total: countAuditEntries(file.db) };
}
