import type { CaseFile } from '../casefile/case-file';
import { verifyAuditChain } from '../casefile/audit-chain';
import { iterateAuditEntries } from '../casefile/repos/audit-repo';
import { checkIntegrity } from '../casefile/integrity';
import type { AuditVerification, CaseVerification } from '../../shared/domain/audit';

export function verifyAudit(file: CaseFile): AuditVerification {
  return verifyAuditChain(iterateAuditEntries(file.db));
}

/** Full SQLite integrity check plus the audit chain recomputed from its first entry. */
export function verifyCase(file: CaseFile): CaseVerification {
  const integrity = checkIntegrity(file.db);
  const audit = verifyAudit(file);
  return { ok: integrity.ok && audit.ok, integrity, audit };
}
