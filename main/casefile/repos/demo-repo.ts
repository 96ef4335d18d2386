import type { Database } from 'better-sqlite3-multiple-ciphers';
import { statement } from '../statements';

/** The audit target and action of the entry that marks a case file as the demo case. */
export const DEMO_MARK = { target: 'case:demo', action: 'demo.built' } as const;

/**
 * The payload of the entry that marks this case file as the demo case (written once, when the
 * demo is built), or null for every other case. Read through the audit log's target index, so a
 * case with a long history answers at once; the audit log is append-only, so the mark can be
 * neither forged onto an existing case by an edit nor lost.
 */
export function readDemoMark(db: Database): unknown {
  const row = statement(
    db,
    'SELECT payload FROM audit_log WHERE target = @target AND action = @action ORDER BY seq LIMIT 1',
  ).get(DEMO_MARK) as { payload: string } | undefined;
  return row === undefined ? null : (JSON.parse(row.payload) as unknown);
}
