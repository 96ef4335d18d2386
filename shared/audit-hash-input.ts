import canonicalize from 'canonicalize';

/** The fields of an audit entry that its hash covers, in the form both sides hash them. */
export interface AuditHashFields {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  payload: unknown;
}

/**
 * The exact text hashed after the previous hash: RFC 8785 canonical JSON, so that any tool
 * (a bundle recipient's script, a later Breachdesk) recomputes the same bytes.
 */
export function auditHashInput(prevHash: string, fields: AuditHashFields): string {
  const json = canonicalize({
    seq: fields.seq,
    at: fields.at,
    actor: fields.actor,
    action: fields.action,
    target: fields.target,
    payload: fields.payload,
  });
  if (json === undefined) throw new Error('audit entry cannot be serialised');
  return prevHash + json;
}
