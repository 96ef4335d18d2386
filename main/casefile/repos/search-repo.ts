import type { Database } from 'better-sqlite3-multiple-ciphers';
import { HIT_END, HIT_START, type SearchKind } from '../../../shared/domain/search';
import { statement } from '../statements';

/** Puts an item's current text in the index (replacing what was there, if it changed). */
export function indexItem(db: Database, kind: SearchKind, id: string, title: string, body: string): void {
  statement(
    db,
    `INSERT INTO search_items (kind, item_id, title, body) VALUES (@kind, @id, @title, @body)
     ON CONFLICT (item_id) DO UPDATE SET kind = excluded.kind, title = excluded.title, body = excluded.body
     WHERE title IS NOT excluded.title OR body IS NOT excluded.body OR kind IS NOT excluded.kind`,
  ).run({ kind, id, title, body });
}

export function unindexItem(db: Database, id: string): void {
  statement(db, 'DELETE FROM search_items WHERE item_id = @id').run({ id });
}

/** The item ids of one kind whose text matches an FTS5 query, as a subquery taking @match. */
export const MATCHING_ITEM_IDS = `SELECT items.item_id FROM search_index
  JOIN search_items AS items ON items.rowid = search_index.rowid
  WHERE search_index MATCH @match AND items.kind = @kind`;

/** A ranked match as the index has it; evidence text rows are resolved by the search service. */
export interface IndexHit {
  kind: SearchKind | 'evidence-text';
  id: string;
  title: string;
  snippet: string;
  /** The whole body with hits marked, for evidence text only (to find the hit's line). */
  bodyHighlight: string | null;
}

/** Ranked matches of an FTS5 query; throws SQLite's error for a query FTS5 cannot parse. */
export function searchIndex(db: Database, match: string, limit: number): IndexHit[] {
  const rows = statement(
    db,
    `SELECT items.kind, items.item_id AS id, items.title,
            snippet(search_index, 1, @start, @end, '…', 16) AS bodySnippet,
            highlight(search_index, 0, @start, @end) AS titleHighlight,
            CASE WHEN items.kind = 'evidence-text' THEN highlight(search_index, 1, @start, @end) END AS bodyHighlight
     FROM search_index JOIN search_items AS items ON items.rowid = search_index.rowid
     WHERE search_index MATCH @match ORDER BY rank LIMIT @limit`,
  ).all({ match, limit, start: HIT_START, end: HIT_END }) as {
    kind: IndexHit['kind'];
    id: string;
    title: string;
    bodySnippet: string;
    titleHighlight: string;
    bodyHighlight: string | null;
  }[];
  return rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    title: r.title,
    snippet: r.bodySnippet.includes(HIT_START) ? r.bodySnippet : r.titleHighlight,
    bodyHighlight: r.bodyHighlight,
  }));
}
