import type { Database } from 'better-sqlite3';
import { HIT_END, HIT_START, type SearchKind, type SearchResult } from '../../../shared/domain/search';
import { statement } from '../statements';

/** Puts an item's current text in the index (replacing what was there). */
export function indexItem(db: Database, kind: SearchKind, id: string, title: string, body: string): void {
  unindexItem(db, id);
  statement(
    db,
    'INSERT INTO search_index (kind, item_id, title, body) VALUES (@kind, @id, @title, @body)',
  ).run({
    kind,
    id,
    title,
    body,
  });
}

export function unindexItem(db: Database, id: string): void {
  statement(db, 'DELETE FROM search_index WHERE item_id = @id').run({ id });
}

/** Ranked matches of an FTS5 query; throws SQLite's error for a query FTS5 cannot parse. */
export function searchIndex(db: Database, match: string, limit: number): SearchResult[] {
  return statement(
    db,
    `SELECT kind, item_id AS id, title,
            snippet(search_index, 3, @start, @end, '…', 16) AS bodySnippet,
            highlight(search_index, 2, @start, @end) AS titleHighlight
     FROM search_index WHERE search_index MATCH @match ORDER BY rank LIMIT @limit`,
  )
    .all({ match, limit, start: HIT_START, end: HIT_END })
    .map((row) => {
      const r = row as {
        kind: SearchKind;
        id: string;
        title: string;
        bodySnippet: string;
        titleHighlight: string;
      };
      const bodyHasHit = r.bodySnippet.includes(HIT_START);
      return {
        kind: r.kind,
        id: r.id,
        title: r.title,
        snippet: bodyHasHit ? r.bodySnippet : r.titleHighlight,
      };
    });
}

/** Ids of events whose text matches, for the timeline's text filter. */
export function matchingEventIdsSql(): string {
  return `SELECT item_id FROM search_index WHERE search_index MATCH @match AND kind = 'event'`;
}
