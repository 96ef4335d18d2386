import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createHash, randomUUID } from 'node:crypto';
import {
  CASE_DOCUMENT_FORMAT,
  caseDocumentSchema,
  type CaseDocument,
} from '../../shared/domain/case-document';
import { BreachdeskError } from '../../shared/ipc/errors';
import type { CaseFile } from '../casefile/case-file';
import { getCaseRecord, updateCaseRecord } from '../casefile/repos/case-repo';
import { getFacts } from '../casefile/repos/facts-repo';
import { investigationRecords } from '../casefile/repos/tables';
import { changeWithAudit } from './audited';
import { storeRecord, type CollectionSpec } from './collection-service';
import type { ServiceContext } from './context';
import { storeFacts } from './facts-service';
import { putPopulation } from './population-service';
import { dataElementSpec, eventSpec, noteSpec, partySpec, taskSpec } from './record-specs';

/** The case's investigation as one JSON document (the `facts export` format). */
export function exportCaseDocument(file: CaseFile): CaseDocument {
  const { db } = file;
  const record = getCaseRecord(db);
  return {
    format: CASE_DOCUMENT_FORMAT,
    case: { title: record.title, organisation: record.organisation, status: record.status },
    facts: getFacts(db),
    ...investigationRecords(db),
  };
}

/** Turns zod's complaints about a document into one sentence naming each bad path. */
function parseCaseDocument(raw: unknown): CaseDocument {
  const parsed = caseDocumentSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .slice(0, 10)
    .map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`);
  const more = parsed.error.issues.length > 10 ? ` (and ${parsed.error.issues.length - 10} more)` : '';
  throw new BreachdeskError(
    'INVALID_INPUT',
    `The case document is not valid, nothing was imported: ${problems.join('; ')}${more}.`,
  );
}

/**
 * Imports a document: records whose id exists are replaced, others added; nothing is deleted.
 * Validated whole before anything is written, then written in one transaction with one audit entry.
 */
export function importCaseDocument(
  file: CaseFile,
  raw: unknown,
  ctx: ServiceContext,
): { added: number; updated: number } {
  const document = parseCaseDocument(raw);
  return changeWithAudit(file, ctx, (db, at) => {
    const counts = { added: 0, updated: 0 };
    const tally = (existed: boolean) => (existed ? (counts.updated += 1) : (counts.added += 1));
    if (Object.keys(document.case).length > 0) {
      updateCaseRecord(db, { ...getCaseRecord(db), ...document.case, updatedAt: at });
    }
    if (document.facts !== undefined) storeFacts(file, document.facts, at);
    for (const { id, ...row } of document.populations) tally(putPopulation(db, row, id).before !== null);
    importInto(db, dataElementSpec, document.dataElements, at, tally);
    importInto(
      db,
      partySpec,
      document.parties.map((p) => ({
        ...p,
        actions: p.actions.map((a) => ({ ...a, id: a.id ?? randomUUID() })),
      })),
      at,
      tally,
    );
    importInto(db, eventSpec, document.events, at, tally);
    importInto(db, taskSpec, document.tasks, at, tally);
    importInto(db, noteSpec, document.notes, at, tally);
    const sha256 = createHash('sha256').update(JSON.stringify(raw)).digest('hex');
    return {
      result: counts,
      audit: { action: 'document.imported', target: 'case', payload: { ...counts, documentSha256: sha256 } },
    };
  });
}

/** Adds or replaces each item by id; records with creation times get them (now, if not given). */
function importInto<T extends { id: string }, I, P>(
  db: Database,
  spec: CollectionSpec<T, I, P>,
  items: readonly {
    id?: string | undefined;
    createdAt?: string | undefined;
    updatedAt?: string | undefined;
  }[],
  at: string,
  tally: (existed: boolean) => void,
): void {
  for (const item of items) {
    const id = item.id ?? randomUUID();
    tally(spec.table.get(db, id) !== null);
    // Tables without times drop the stamps when the record is validated.
    const record = spec.table.validate({
      ...item,
      id,
      createdAt: item.createdAt ?? at,
      updatedAt: item.updatedAt ?? at,
    });
    storeRecord(db, spec, record);
  }
}
