import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { MergeKind } from '../../../../shared/domain/bundle';
import type { TimelineEvent } from '../../../../shared/domain/events';
import type { EvidenceItem } from '../../../../shared/domain/evidence';
import { eventsTable, partiesTable } from '../../../casefile/repos/tables';
import { getEvidenceItem, putEvidenceItem } from '../../../casefile/repos/evidence-repo';
import { storeRecord, type CollectionSpec } from '../../collection-service';
import { indexEvidenceItem } from '../../evidence/evidence-index';
import { eventSpec, noteSpec, partySpec, taskSpec } from '../../record-specs';

/** Fields that say when a record was written, not what it says: never a conflict on their own. */
const STAMPS = new Set(['createdAt', 'updatedAt']);

/** The fields of evidence a person edits; the rest describes the bytes and cannot differ by id. */
const EVIDENCE_EDITABLE = [
  'source',
  'collectedBy',
  'collectedAt',
  'description',
  'tags',
  'eventIds',
  'partyIds',
] as const;

/** The top-level fields whose values differ between two versions of a record. */
export function differingFields(kind: MergeKind, ours: object, theirs: object): string[] {
  const keys =
    kind === 'evidence'
      ? [...EVIDENCE_EDITABLE]
      : [...new Set([...Object.keys(ours), ...Object.keys(theirs)])].filter((k) => !STAMPS.has(k));
  const a = ours as Record<string, unknown>;
  const b = theirs as Record<string, unknown>;
  return keys.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

/** A name a person recognises the record by. */
export function labelOf(record: Record<string, unknown>): string {
  for (const key of ['title', 'name']) {
    const value = record[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return String(record.id);
}

type AnySpec = CollectionSpec<{ id: string }, unknown, unknown>;

/** The record collections a merge brings across, in an order that satisfies their links. */
export const RECORD_KINDS: readonly { kind: Exclude<MergeKind, 'evidence'>; spec: AnySpec }[] = [
  { kind: 'party', spec: partySpec as unknown as AnySpec },
  { kind: 'event', spec: eventSpec as unknown as AnySpec },
  { kind: 'task', spec: taskSpec as unknown as AnySpec },
  { kind: 'note', spec: noteSpec as unknown as AnySpec },
];

function specOf(kind: Exclude<MergeKind, 'evidence'>): AnySpec {
  const found = RECORD_KINDS.find((k) => k.kind === kind);
  if (found === undefined) throw new Error(`no spec for ${kind}`);
  return found.spec;
}

/** Takes the bundle's version of a record (theirs is newer, or a conflict resolved as "theirs"). */
export function applyTheirs(db: Database, kind: MergeKind, theirs: Record<string, unknown>): void {
  if (kind === 'evidence') {
    const found = getEvidenceItem(db, String(theirs.id));
    if (found === null) throw new Error('evidence item vanished');
    const edited = { ...found.item } as Record<string, unknown>;
    for (const key of EVIDENCE_EDITABLE) if (key in theirs) edited[key] = theirs[key];
    const item = withExistingLinks(db, edited as EvidenceItem);
    putEvidenceItem(db, item, found.blobId);
    indexEvidenceItem(db, item);
    return;
  }
  const spec = specOf(kind);
  const record = spec.table.validate(theirs);
  storeRecord(db, spec, kind === 'event' ? withExistingLinks(db, record as TimelineEvent) : record);
}

/**
 * Drops links to events and parties this case does not hold (deleted here since the copies
 * parted), which the link tables' foreign keys would refuse; the rest of the record comes across.
 */
export function withExistingLinks<T extends { partyIds: string[]; eventIds?: string[] }>(
  db: Database,
  record: T,
): T {
  const linked = { ...record, partyIds: record.partyIds.filter((id) => partiesTable.get(db, id) !== null) };
  if (record.eventIds !== undefined)
    linked.eventIds = record.eventIds.filter((id) => eventsTable.get(db, id) !== null);
  return linked;
}
