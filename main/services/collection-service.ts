import type { Database } from 'better-sqlite3-multiple-ciphers';
import { randomUUID } from 'node:crypto';
import type { SearchKind } from '../../shared/domain/search';
import { BreachdeskError } from '../../shared/ipc/errors';
import type { CaseFile } from '../casefile/case-file';
import type { RecordTable } from '../casefile/repos/record-table';
import { indexItem, unindexItem } from '../casefile/repos/search-repo';
import { changeWithAudit } from './audited';
import type { ServiceContext } from './context';
import { fieldChanges } from './diff';

/** How one kind of record is built, edited, indexed for search and described in the audit log. */
export interface CollectionSpec<T extends { id: string }, I, P> {
  table: RecordTable<T>;
  /** Audit action prefix and the word used in messages ("event", "task"). */
  noun: string;
  build(input: I, id: string, at: string): T;
  apply(record: T, patch: P, at: string): T;
  search?: { kind: SearchKind; text(record: T): { title: string; body: string } };
  /** Extra writes in the same transaction (link tables). */
  afterPut?(db: Database, record: T): void;
}

export function storeRecord<T extends { id: string }, I, P>(
  db: Database,
  spec: CollectionSpec<T, I, P>,
  record: T,
): void {
  spec.table.put(db, record);
  spec.afterPut?.(db, record);
  if (spec.search !== undefined) {
    const { title, body } = spec.search.text(record);
    indexItem(db, spec.search.kind, record.id, title, body);
  }
}

export function createRecord<T extends { id: string }, I, P>(
  file: CaseFile,
  ctx: ServiceContext,
  spec: CollectionSpec<T, I, P>,
  input: I,
): T {
  return changeWithAudit(file, ctx, (db, at) => {
    const record = spec.build(input, randomUUID(), at);
    storeRecord(db, spec, record);
    return {
      result: record,
      audit: { action: `${spec.noun}.created`, target: `${spec.noun}:${record.id}`, payload: record },
    };
  });
}

export function requireRecord<T extends { id: string }>(
  db: Database,
  table: RecordTable<T>,
  noun: string,
  id: string,
): T {
  const record = table.get(db, id);
  if (record === null)
    throw new BreachdeskError('NOT_FOUND', `There is no ${noun} with id ${id} in this case.`);
  return record;
}

/** Applies a patch; an edit that changes nothing is not written and earns no audit entry. */
export function updateRecord<T extends { id: string }, I, P>(
  file: CaseFile,
  ctx: ServiceContext,
  spec: CollectionSpec<T, I, P>,
  id: string,
  patch: P,
  action = 'updated',
): T {
  return changeWithAudit(file, ctx, (db, at) => {
    const current = requireRecord(db, spec.table, spec.noun, id);
    const after = spec.apply(current, patch, at);
    const changes = fieldChanges(stripStamps(current), stripStamps(after));
    if (Object.keys(changes).length === 0) return { result: current, audit: null };
    storeRecord(db, spec, after);
    return {
      result: after,
      audit: { action: `${spec.noun}.${action}`, target: `${spec.noun}:${id}`, payload: changes },
    };
  });
}

/**
 * Deletes a record; the audit entry keeps the whole record, so nothing is lost silently.
 * `before` makes the deletion's knock-on changes in the same transaction and says what they
 * were, for the same audit entry.
 */
export function removeRecord<T extends { id: string }, I, P>(
  file: CaseFile,
  ctx: ServiceContext,
  spec: CollectionSpec<T, I, P>,
  id: string,
  before?: (db: Database, record: T) => Record<string, unknown>,
): void {
  changeWithAudit(file, ctx, (db) => {
    const record = requireRecord(db, spec.table, spec.noun, id);
    const knockOn = before?.(db, record);
    spec.table.remove(db, id);
    unindexItem(db, id);
    const payload = knockOn === undefined ? record : { ...record, knockOn };
    return {
      result: undefined,
      audit: { action: `${spec.noun}.deleted`, target: `${spec.noun}:${id}`, payload },
    };
  });
}

function stripStamps<T extends object>(record: T): Omit<T, 'updatedAt'> {
  const copy: Partial<T> & { updatedAt?: unknown } = { ...record };
  delete copy.updatedAt;
  return copy as Omit<T, 'updatedAt'>;
}

/** Every record of one kind, in the table's order. */
export function listRecords<T extends { id: string }, I, P>(
  file: CaseFile,
  spec: CollectionSpec<T, I, P>,
): T[] {
  return spec.table.all(file.db);
}

/** One record by id, or NOT_FOUND naming the kind. */
export function getRecord<T extends { id: string }, I, P>(
  file: CaseFile,
  spec: CollectionSpec<T, I, P>,
  id: string,
): T {
  return requireRecord(file.db, spec.table, spec.noun.replace('_', ' '), id);
}
