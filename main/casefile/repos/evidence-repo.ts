import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import {
  custodyEntrySchema,
  evidenceItemSchema,
  type CustodyEntry,
  type EvidenceItem,
} from '../../../shared/domain/evidence';
import { statement } from '../statements';

/** An item as stored: everything but its links, which live in their own tables. */
const storedItemSchema = evidenceItemSchema.omit({ eventIds: true, partyIds: true });
type StoredItem = z.output<typeof storedItemSchema>;

interface ItemRow {
  id: string;
  blob_id: number;
  data: string;
}

function linksOf(db: Database, id: string): { eventIds: string[]; partyIds: string[] } {
  const eventIds = (
    statement(db, 'SELECT event_id AS v FROM evidence_events WHERE evidence_id = @id ORDER BY event_id').all({
      id,
    }) as { v: string }[]
  ).map((r) => r.v);
  const partyIds = (
    statement(db, 'SELECT party_id AS v FROM evidence_parties WHERE evidence_id = @id ORDER BY party_id').all(
      {
        id,
      },
    ) as { v: string }[]
  ).map((r) => r.v);
  return { eventIds, partyIds };
}

function itemOf(db: Database, row: ItemRow): EvidenceItem {
  const stored: StoredItem = storedItemSchema.parse(JSON.parse(row.data));
  return { ...stored, ...linksOf(db, row.id) };
}

/** Items sort by name, then intake time, so a listing reads like a folder. */
function sortKeyOf(item: EvidenceItem): string {
  return `${item.name.toLocaleLowerCase('en')}\u0000${item.addedAt}`;
}

export function putEvidenceItem(db: Database, item: EvidenceItem, blobId: number): void {
  const { eventIds, partyIds, ...stored } = item;
  statement(
    db,
    `INSERT INTO evidence (id, sort_key, blob_id, data) VALUES (@id, @sortKey, @blobId, @data)
     ON CONFLICT (id) DO UPDATE SET sort_key = excluded.sort_key, data = excluded.data`,
  ).run({ id: item.id, sortKey: sortKeyOf(item), blobId, data: JSON.stringify(stored) });
  statement(db, 'DELETE FROM evidence_events WHERE evidence_id = @id').run({ id: item.id });
  statement(db, 'DELETE FROM evidence_parties WHERE evidence_id = @id').run({ id: item.id });
  for (const eventId of new Set(eventIds)) {
    statement(db, 'INSERT INTO evidence_events (evidence_id, event_id) VALUES (@id, @eventId)').run({
      id: item.id,
      eventId,
    });
  }
  for (const partyId of new Set(partyIds)) {
    statement(db, 'INSERT INTO evidence_parties (evidence_id, party_id) VALUES (@id, @partyId)').run({
      id: item.id,
      partyId,
    });
  }
}

export function getEvidenceItem(db: Database, id: string): { item: EvidenceItem; blobId: number } | null {
  const row = statement(db, 'SELECT id, blob_id, data FROM evidence WHERE id = @id').get({ id }) as
    ItemRow | undefined;
  return row === undefined ? null : { item: itemOf(db, row), blobId: row.blob_id };
}

/** Every item with the blob holding its bytes, in listing order. */
export function listEvidenceWithBlobs(db: Database): { item: EvidenceItem; blobId: number }[] {
  const rows = statement(
    db,
    'SELECT id, blob_id, data FROM evidence ORDER BY sort_key, id',
  ).all() as ItemRow[];
  return rows.map((row) => ({ item: itemOf(db, row), blobId: row.blob_id }));
}

export function listEvidenceItems(db: Database): EvidenceItem[] {
  return listEvidenceWithBlobs(db).map(({ item }) => item);
}

export function evidenceItemsOfBlob(db: Database, blobId: number): EvidenceItem[] {
  const rows = statement(
    db,
    'SELECT id, blob_id, data FROM evidence WHERE blob_id = @blobId ORDER BY sort_key, id',
  ).all({
    blobId,
  }) as ItemRow[];
  return rows.map((row) => itemOf(db, row));
}

/** An item with this content, name and original path, if one was taken in before. */
export function findSameItem(
  db: Database,
  blobId: number,
  name: string,
  originalPath: string,
): string | null {
  const rows = statement(db, 'SELECT id, blob_id, data FROM evidence WHERE blob_id = @blobId').all({
    blobId,
  }) as ItemRow[];
  for (const row of rows) {
    const stored = storedItemSchema.parse(JSON.parse(row.data));
    if (stored.name === name && stored.originalPath === originalPath) return row.id;
  }
  return null;
}

/** How many items, and how many distinct bytes they hold. */
export function evidenceTotals(db: Database): { evidence: number; evidenceBytes: number } {
  const items = (statement(db, 'SELECT count(*) AS n FROM evidence').get() as { n: number }).n;
  const bytes = (
    statement(db, 'SELECT coalesce(sum(size), 0) AS n FROM blobs WHERE sha256 IS NOT NULL').get() as {
      n: number;
    }
  ).n;
  return { evidence: items, evidenceBytes: bytes };
}

export function appendCustodyEntry(db: Database, entry: CustodyEntry): void {
  const { id, evidenceId } = entry;
  statement(db, 'INSERT INTO custody_entries (id, evidence_id, data) VALUES (@id, @evidenceId, @data)').run({
    id,
    evidenceId,
    data: JSON.stringify(entry),
  });
}

export function custodyOf(db: Database, evidenceId: string): CustodyEntry[] {
  const rows = statement(
    db,
    'SELECT data FROM custody_entries WHERE evidence_id = @evidenceId ORDER BY seq',
  ).all({
    evidenceId,
  }) as { data: string }[];
  return rows.map((row) => custodyEntrySchema.parse(JSON.parse(row.data)));
}
