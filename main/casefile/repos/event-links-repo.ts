import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { EventCursor, EventFilter, TimelineEvent } from '../../../shared/domain/events';
import { statement } from '../statements';
import { MATCHING_ITEM_IDS } from './search-repo';
import { eventsTable } from './tables';

/** Keeps the tag and party link tables in step with an event's record. */
export function linkEvent(db: Database, event: TimelineEvent): void {
  statement(db, 'DELETE FROM event_tags WHERE event_id = @id').run({ id: event.id });
  statement(db, 'DELETE FROM event_parties WHERE event_id = @id').run({ id: event.id });
  for (const tag of new Set(event.tags)) {
    statement(db, 'INSERT INTO event_tags (event_id, tag) VALUES (@id, @tag)').run({ id: event.id, tag });
  }
  for (const partyId of new Set(event.partyIds)) {
    statement(db, 'INSERT INTO event_parties (event_id, party_id) VALUES (@id, @partyId)').run({
      id: event.id,
      partyId,
    });
  }
}

export function eventTags(db: Database): string[] {
  const rows = statement(db, 'SELECT DISTINCT tag FROM event_tags ORDER BY tag COLLATE NOCASE').all() as {
    tag: string;
  }[];
  return rows.map((row) => row.tag);
}

export function eventIdsLinkedToParty(db: Database, partyId: string): string[] {
  const rows = statement(db, 'SELECT event_id FROM event_parties WHERE party_id = @partyId').all({
    partyId,
  }) as {
    event_id: string;
  }[];
  return rows.map((row) => row.event_id);
}

export interface EventPageQuery {
  filter: EventFilter;
  /** FTS5 query for filter.text, already made safe. */
  match: string | null;
  after?: EventCursor;
  offset?: number;
  limit: number;
}

/** One page of events in time order, by keyset (after) or offset, with the filtered total. */
export function pageEvents(db: Database, query: EventPageQuery): { events: TimelineEvent[]; total: number } {
  const conditions: string[] = [];
  const params: Record<string, string | number> = {};
  if (query.filter.tag !== undefined) {
    conditions.push('id IN (SELECT event_id FROM event_tags WHERE tag = @tag)');
    params.tag = query.filter.tag;
  }
  if (query.filter.partyId !== undefined) {
    conditions.push('id IN (SELECT event_id FROM event_parties WHERE party_id = @partyId)');
    params.partyId = query.filter.partyId;
  }
  if (query.match !== null) {
    conditions.push(`id IN (${MATCHING_ITEM_IDS})`);
    params.match = query.match;
    params.kind = 'event';
  }
  const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
  const total = (statement(db, `SELECT count(*) AS n FROM events ${where}`).get(params) as { n: number }).n;
  const keyset =
    query.after === undefined
      ? ''
      : `${where === '' ? 'WHERE' : 'AND'} (sort_key, id) > (@afterKey, @afterId)`;
  if (query.after !== undefined) {
    params.afterKey = query.after.utc;
    params.afterId = query.after.id;
  }
  const rows = statement(
    db,
    `SELECT data FROM events ${where} ${keyset} ORDER BY sort_key, id LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: query.limit, offset: query.after === undefined ? (query.offset ?? 0) : 0 }) as {
    data: string;
  }[];
  return { events: rows.map((row) => eventsTable.parse(row)), total };
}

/** Up to `max` event instants spread evenly over the timeline, for the overview's ticks. */
export function sampledEventTimes(db: Database, max: number): number[] {
  const total = eventsTable.count(db);
  const step = Math.max(1, Math.ceil(total / max));
  const rows = statement(
    db,
    `SELECT sort_key FROM (SELECT sort_key, row_number() OVER (ORDER BY sort_key, id) AS n FROM events)
     WHERE (n - 1) % @step = 0`,
  ).all({ step }) as { sort_key: string }[];
  return rows.map((row) => Date.parse(row.sort_key));
}
