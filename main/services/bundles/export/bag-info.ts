import type { CaseRecord } from '../../../../shared/domain/case';
import type { Facts } from '../../../../shared/domain/facts';

/** Labels Breachdesk adds to bag-info.txt beside the RFC 8493 reserved ones. */
export const BAG_INFO = {
  bundleId: 'Breachdesk-Bundle-Id',
  schemaVersion: 'Breachdesk-Schema-Version',
  auditHead: 'Breachdesk-Audit-Head',
  auditEntries: 'Breachdesk-Audit-Entries',
  signerPublicKey: 'Breachdesk-Signer-Public-Key',
  signerFingerprint: 'Breachdesk-Signer-Fingerprint',
  includesEvidence: 'Breachdesk-Includes-Evidence',
  includesPrivilegedNotes: 'Breachdesk-Includes-Privileged-Notes',
  includesRoster: 'Breachdesk-Includes-Roster',
} as const;

export interface BagInfoInput {
  record: CaseRecord;
  facts: Facts;
  baggingDate: string;
  oxum: string;
  payloadBytes: number;
  bundleId: string;
  schemaVersion: number;
  audit: { entries: number; head: string };
  signer: { publicKey: string; fingerprint: string };
  includeEvidence: boolean;
  includePrivileged: boolean;
  includeRoster: boolean;
  software: string;
}

/**
 * bag-info.txt (RFC 8493 §2.2.2): the reserved labels DESIGN.md §7 asks for, then ours. The tag
 * manifest covers this file and the signature covers the tag manifest, so the audit head and
 * the signer's key written here are signed.
 */
export function bagInfoEntries(input: BagInfoInput): [string, string][] {
  const { organisation } = input.facts;
  const entries: [string, string][] = [['Source-Organization', input.record.organisation]];
  if (organisation.address.trim() !== '') entries.push(['Organization-Address', organisation.address]);
  if (organisation.contactName.trim() !== '') entries.push(['Contact-Name', organisation.contactName]);
  if (organisation.contactPhone.trim() !== '') entries.push(['Contact-Phone', organisation.contactPhone]);
  if (organisation.contactEmail.trim() !== '') entries.push(['Contact-Email', organisation.contactEmail]);
  entries.push(
    ['External-Identifier', input.record.id],
    ['External-Description', input.record.title],
    ['Bagging-Date', input.baggingDate],
    ['Bag-Size', humanSize(input.payloadBytes)],
    ['Payload-Oxum', input.oxum],
    ['Bag-Software-Agent', input.software],
    ['Internal-Sender-Identifier', input.bundleId],
    [BAG_INFO.bundleId, input.bundleId],
    [BAG_INFO.schemaVersion, String(input.schemaVersion)],
    [BAG_INFO.auditHead, input.audit.head],
    [BAG_INFO.auditEntries, String(input.audit.entries)],
    [BAG_INFO.signerPublicKey, input.signer.publicKey],
    [BAG_INFO.signerFingerprint, input.signer.fingerprint],
    [BAG_INFO.includesEvidence, input.includeEvidence ? 'yes' : 'no'],
    [BAG_INFO.includesPrivilegedNotes, input.includePrivileged ? 'yes' : 'no'],
    [BAG_INFO.includesRoster, input.includeRoster ? 'yes' : 'no'],
  );
  return entries;
}

function humanSize(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}
