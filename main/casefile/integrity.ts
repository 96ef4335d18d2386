import type { Database } from 'better-sqlite3-multiple-ciphers';

export function checkIntegrity(db: Database): { ok: boolean; messages: string[] } {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const messages = rows.map((row) => row.integrity_check);
  const ok = messages.length === 1 && messages[0] === 'ok';
  return { ok, messages: ok ? [] : messages };
}
