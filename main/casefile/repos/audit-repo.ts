import type { Database } from 'better-sqlite3-multiple-ciphers';
import { statement } from '../statements';
import canonicalize from 'canonicalize';
import { GENESIS_HASH, type AuditEntry } from '../../../shared/domain/audit';
import { hashAuditEntry } from '../audit-chain';

export interface NewAuditEntry {
  at: string;
  actor: string;
  action: string;
  target: string;
  payload: unknown;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

const COLUMNS = 'seq, at, actor, action, target, payload, prev_hash, hash';

/** Appends one entry linked to the current head. Call inside the transaction of the change it records. */
export function appendAuditEntry(db: Database, entry: NewAuditEntry): AuditEntry {
  const head = statement(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  // Store the canonical form so the stored text is exactly what the hash covered.
  const payloadJson = canonicalize(entry.payload ?? null) ?? 'null';
  const payload: unknown = JSON.parse(payloadJson);
  const full = { ...entry, seq, payload, prevHash };
  const hash = hashAuditEntry(prevHash, full);
  statement(
    db,
    `INSERT INTO audit_log (${COLUMNS})
     VALUES (@seq, @at, @actor, @action, @target, @payload, @prevHash, @hash)`,
  ).run({
    seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    payload: payloadJson,
    prevHash,
    hash,
  });
  return { ...full, hash };
}

export function listAuditEntries(db: Database, beforeSeq: number | undefined, limit: number): AuditEntry[] {
  const rows = statement(
    db,
    `SELECT ${COLUMNS} FROM audit_log WHERE seq < @beforeSeq ORDER BY seq DESC LIMIT @limit`,
  ).all({ beforeSeq: beforeSeq ?? Number.MAX_SAFE_INTEGER, limit }) as AuditRow[];
  return rows.map(toEntry);
}

export function countAuditEntries(db: Database): number {
  const row = statement(db, 'SELECT count(*) AS n FROM audit_log').get() as { n: number };
  return row.n;
}

/** Every entry in chain order, streamed row by row so 100,000 entries never sit in memory at once. */
export function* iterateAuditEntries(db: Database): Generator<AuditEntry> {
  // Not cached: a statement being iterated cannot serve another caller until it finishes.
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM audit_log ORDER BY seq`)
    .iterate() as IterableIterator<AuditRow>;
  for (const row of rows) yield toEntry(row);
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    payload: JSON.parse(row.payload) as unknown,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The hash of entry `seq`, or null when the log is shorter. */
export function auditHashAt(db: Database, seq: number): string | null {
  const row = statement(db, 'SELECT hash FROM audit_log WHERE seq = @seq').get({ seq }) as
    { hash: string } | undefined;
  return row?.hash ?? null;
}

export function lastAuditSeq(db: Database): number {
  const row = statement(db, 'SELECT max(seq) AS seq FROM audit_log').get() as { seq: number | null };
  return row.seq ?? 0;
}

/** Every distinct (target, action) of the entries after `seq`: what was done since then. */
export function auditActionsAfter(db: Database, seq: number): { target: string; action: string }[] {
  return statement(db, 'SELECT DISTINCT target, action FROM audit_log WHERE seq > @seq').all({ seq }) as {
    target: string;
    action: string;
  }[];
}
