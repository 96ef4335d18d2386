import { BreachdeskError } from '../../shared/ipc/errors';

/**
 * Turns what a person typed into an FTS5 query that cannot be a syntax error: every word becomes
 * a quoted phrase (quotes doubled), the last one also matches as a prefix, and all must match.
 * Returns null when nothing searchable is left.
 */
export function ftsQueryFor(text: string): string | null {
  const words = text
    .split(/\s+/)
    .map((word) => word.replace(/"/g, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length === 0) return null;
  return words.map((word, i) => `"${word}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

/** An FTS5 syntax error becomes a plain sentence; anything else is passed on unchanged. */
export function searchErrorFrom(error: unknown): unknown {
  const isFts = error instanceof Error && /fts5|syntax error|unterminated/i.test(error.message);
  return isFts
    ? new BreachdeskError('INVALID_INPUT', 'The search text could not be understood; try plain words.')
    : error;
}
