import { createHash } from 'node:crypto';
import { auditHashInput, type AuditHashFields } from '../../shared/audit-hash-input';
import {
  GENESIS_HASH,
  isWithheldPayload,
  type AuditEntry,
  type AuditVerification,
} from '../../shared/domain/audit';

export function hashAuditEntry(prevHash: string, fields: AuditHashFields): string {
  return createHash('sha256').update(auditHashInput(prevHash, fields), 'utf8').digest('hex');
}

/** Recomputes the chain from the genesis hash; stops at the first entry that does not hold. */
export function verifyAuditChain(entries: Iterable<AuditEntry>): AuditVerification {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  let withheld = 0;
  for (const entry of entries) {
    const problem = checkEntry(entry, prevHash, expectedSeq);
    if (problem !== null) {
      return { ok: false, entries: count, headHash: prevHash, firstBadSeq: entry.seq, problem, withheld };
    }
    if (isWithheldPayload(entry.payload)) withheld += 1;
    prevHash = entry.hash;
    expectedSeq += 1;
    count += 1;
  }
  return { ok: true, entries: count, headHash: prevHash, firstBadSeq: null, problem: null, withheld };
}

function checkEntry(entry: AuditEntry, prevHash: string, expectedSeq: number): string | null {
  if (entry.seq !== expectedSeq) return `entry ${expectedSeq} is missing`;
  if (entry.prevHash !== prevHash) return `entry ${entry.seq} does not link to the entry before it`;
  // A withheld payload cannot be rehashed; the next entry's link still pins this entry's hash.
  if (!isWithheldPayload(entry.payload) && hashAuditEntry(prevHash, entry) !== entry.hash) {
    return `entry ${entry.seq} was altered after it was written`;
  }
  return null;
}
