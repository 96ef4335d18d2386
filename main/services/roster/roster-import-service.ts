import { createHash, randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import canonicalize from 'canonicalize';
import type { DataElementTerm } from '../../../shared/domain/data-elements';
import type { BadRow, Dataset, RosterMapping } from '../../../shared/domain/roster';
import { BreachdeskError } from '../../../shared/ipc/errors';
import type { CaseFile } from '../../casefile/case-file';
import { appendAuditEntry } from '../../casefile/repos/audit-repo';
import {
  addToRecordCount,
  deleteDataset,
  dropRosterKeyIndexes,
  elementSetId,
  ensureRosterIndexes,
  insertRecords,
  markDatasetReady,
  readyDatasets,
  setRosterStateValue,
  stageDataset,
  type RecordRow,
} from '../../casefile/repos/roster-repo';
import { RecordBuilder } from '../../roster/record-builder';
import { stampFor, type ServiceContext } from '../context';
import type { Job } from '../jobs';
import { detectSource, readDataset, unreadable } from './dataset-reader';
import { rebuildPeople } from './roster-build';

export interface RosterImportRequest {
  path: string;
  mapping: RosterMapping;
  /** The dataset's name in the case; the file's name when absent. */
  name?: string | undefined;
  /** This dataset limits the people of that one (by id or name); it adds no people itself. */
  scopeOf?: string | null | undefined;
  /** What a row that cannot be read does: skipped and listed, or the import stops. */
  onBadRow: 'skip' | 'stop';
}

export interface RosterImportResult {
  dataset: Dataset;
  imported: number;
  /** The rows skipped, by line (the first 1,000; `dataset.skipped` counts them all). */
  skipped: BadRow[];
  people: number;
  outOfScope: number;
}

/** Rows written per transaction: large enough that commits are rare, small enough to cancel quickly. */
const BATCH_ROWS = 25_000;
const LISTED_BAD_ROWS = 1000;
const CANCELLED = 'Import cancelled; nothing was added to the roster.';

/** One import at a time per case: the key indexes are rebuilt around each. */
const importing = new WeakSet<CaseFile>();

/**
 * Streams a dataset into the roster. Rows are normalised and written in batches under a staging
 * dataset that nothing else counts; the key indexes are dropped while rows load and built again
 * once. The last transaction marks the dataset ready, builds the people and their counts again
 * and writes the audit entry (counts and hashes only, never a value). A cancel, an error or a
 * refused row (when asked to stop) removes the staged rows; a kill leaves them for the next open
 * to remove. Either way nothing half-imported is ever counted.
 */
export async function importDataset(
  file: CaseFile,
  ctx: ServiceContext,
  job: Job,
  request: RosterImportRequest,
): Promise<RosterImportResult> {
  const [result] = await importDatasets(file, ctx, job, [request]);
  if (result === undefined) throw new BreachdeskError('INTERNAL', 'The import returned no result.');
  return result;
}

/**
 * Several datasets in one import (the demo's directory and its scope): each is read as above,
 * then the key indexes are built and the people counted once for all of them. All land, or none.
 */
export async function importDatasets(
  file: CaseFile,
  ctx: ServiceContext,
  job: Job,
  requests: readonly RosterImportRequest[],
): Promise<RosterImportResult[]> {
  if (importing.has(file)) {
    throw new BreachdeskError(
      'ALREADY_EXISTS',
      'Another dataset is being imported into this case; wait for it to finish.',
    );
  }
  importing.add(file);
  const loaded: Loaded[] = [];
  try {
    const known = readyDatasets(file.db).map((d) => d.dataset);
    for (const request of requests) {
      known.push((await loadDataset(file, ctx, job, request, known, loaded)).dataset);
    }
    return finishImport(file, ctx, job, loaded);
  } catch (error) {
    discardImport(file, ctx, loaded, error);
    throw error;
  } finally {
    importing.delete(file);
  }
}

/** A dataset read into staging rows, waiting for the indexes and the count. */
interface Loaded {
  seq: number;
  dataset: Dataset;
  imported: number;
  skipped: BadRow[];
  totalBytes: number;
}

/**
 * Stages a dataset and streams its rows in. Added to `loaded` as soon as it is staged, so a
 * failure from then on discards its rows too.
 */
async function loadDataset(
  file: CaseFile,
  ctx: ServiceContext,
  job: Job,
  request: RosterImportRequest,
  known: readonly Dataset[],
  loaded: Loaded[],
): Promise<Loaded> {
  const { db } = file;
  const { mapping } = request;
  if (Object.keys(mapping.columns).length === 0 && Object.keys(mapping.exposesByColumn).length === 0) {
    throw new BreachdeskError(
      'INVALID_INPUT',
      'The mapping names no column: map at least one column to a roster field.',
    );
  }
  const scopeOf = resolveScopeTarget(known, request.scopeOf ?? null);
  const name = uniqueName(known, request.name ?? basename(request.path));
  const source = await detectSource(request.path, mapping);
  const totalBytes = await sizeOf(request.path);
  const builder = new RecordBuilder(mapping);
  const stamp = stampFor(ctx);
  const dataset: Dataset = {
    id: randomUUID(),
    name,
    format: source.format,
    sourceName: basename(request.path),
    sourceBytes: 0,
    sourceSha256: '',
    mapping,
    mappingSha256: createHash('sha256')
      .update(canonicalize(mapping) ?? '')
      .digest('hex'),
    scopeOf: scopeOf?.id ?? null,
    rows: 0,
    skipped: 0,
    importedAt: stamp.at,
    importedBy: ctx.actor,
  };
  const seq = file.transaction((tx) => {
    dropRosterKeyIndexes(tx);
    return stageDataset(tx, dataset);
  });
  const entry: Loaded = { seq, dataset, imported: 0, skipped: [], totalBytes };
  loaded.push(entry);
  const digest = { sha256: '', bytes: 0 };
  const setIds = new Map<readonly DataElementTerm[], number>();
  const isScope = scopeOf !== null;
  let pending: RecordRow[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    file.transaction((tx) => insertRecords(tx, batch));
  };
  for await (const batch of readDataset(request.path, source, builder.columns, digest)) {
    job.throwIfCancelled(CANCELLED);
    for (const problem of batch.problems) {
      if (request.onBadRow === 'stop') {
        throw new BreachdeskError(
          'INVALID_INPUT',
          `Line ${problem.line}: ${problem.message} The import stopped; nothing was added to the roster.`,
        );
      }
      dataset.skipped += 1;
      if (entry.skipped.length < LISTED_BAD_ROWS) entry.skipped.push(problem);
    }
    for (const row of batch.rows) {
      const record = builder.build(row.values);
      let elements = setIds.get(record.elements);
      if (elements === undefined) {
        elements = elementSetId(db, record.elements);
        setIds.set(record.elements, elements);
      }
      pending.push({
        dataset: seq,
        line: row.line,
        account: record.account,
        email: record.email,
        phone: record.phone,
        suggest: isScope ? null : record.suggest,
        jurisdiction: isScope ? '' : record.jurisdiction,
        residency: record.residency,
        elements: isScope ? 0 : elements,
        data: isScope ? null : JSON.stringify(record.values),
      });
      entry.imported += 1;
      if (pending.length >= BATCH_ROWS) flush();
    }
    dataset.rows = entry.imported + dataset.skipped;
    job.report({
      phase: 'Reading rows',
      current: name,
      doneBytes: batch.bytesRead,
      totalBytes,
      doneItems: dataset.rows,
      totalItems: 0,
    });
  }
  flush();
  if (entry.imported === 0) {
    throw new BreachdeskError(
      'INVALID_INPUT',
      'The file has no rows that could be read; nothing was added to the roster.',
    );
  }
  dataset.sourceSha256 = digest.sha256;
  dataset.sourceBytes = digest.bytes;
  return entry;
}

/** Builds the key indexes, then in one transaction marks the datasets ready and counts the people. */
function finishImport(
  file: CaseFile,
  ctx: ServiceContext,
  job: Job,
  loaded: readonly Loaded[],
): RosterImportResult[] {
  job.throwIfCancelled(CANCELLED);
  const last = loaded[loaded.length - 1];
  const name = last?.dataset.name ?? '';
  const totalBytes = last?.totalBytes ?? 0;
  const rows = last?.dataset.rows ?? 0;
  report(job, 'Indexing keys', name, totalBytes, rows);
  file.transaction((tx) => ensureRosterIndexes(tx));
  job.throwIfCancelled(CANCELLED);
  return file.transaction((tx) => {
    for (const { dataset } of loaded) markDatasetReady(tx, dataset);
    addToRecordCount(
      tx,
      loaded.reduce((sum, l) => sum + l.imported, 0),
    );
    const built = rebuildPeople(tx, (phase) => report(job, phase, name, totalBytes, rows));
    setRosterStateValue(tx, 'purgedAt', null);
    return loaded.map(({ dataset, imported, skipped }) => {
      appendAuditEntry(tx, {
        ...stampFor(ctx),
        action: 'roster.imported',
        target: `dataset:${dataset.id}`,
        payload: {
          name: dataset.name,
          format: dataset.format,
          sourceSha256: dataset.sourceSha256,
          sourceBytes: dataset.sourceBytes,
          mappingSha256: dataset.mappingSha256,
          scopeOf: dataset.scopeOf,
          rows: dataset.rows,
          records: imported,
          skipped: dataset.skipped,
          people: built.people,
          outOfScope: built.outOfScope,
          reviewQueue: built.suggestions,
        },
      });
      return { dataset, imported, skipped, people: built.people, outOfScope: built.outOfScope };
    });
  });
}

function report(job: Job, phase: string, name: string, totalBytes: number, rows: number): void {
  job.report(
    { phase, current: name, doneBytes: totalBytes, totalBytes, doneItems: rows, totalItems: 0 },
    true,
  );
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    throw unreadable(path, error);
  }
}

function resolveScopeTarget(existing: readonly Dataset[], given: string | null): Dataset | null {
  if (given === null || given === '') return null;
  const target = existing.find((d) => d.id === given) ?? existing.find((d) => d.name === given);
  if (target === undefined) {
    throw new BreachdeskError(
      'NOT_FOUND',
      `No dataset named ${JSON.stringify(given)} is in the roster to be the scope of.`,
    );
  }
  if (target.scopeOf !== null) {
    throw new BreachdeskError(
      'INVALID_INPUT',
      `${JSON.stringify(target.name)} is itself a scope; choose a dataset of people.`,
    );
  }
  return target;
}

/** The file's name, numbered when the roster already has a dataset of that name. */
function uniqueName(existing: readonly Dataset[], wanted: string): string {
  const names = new Set(existing.map((d) => d.name));
  if (!names.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!names.has(`${wanted} (${n})`)) return `${wanted} (${n})`;
}

/** Removes a stopped import's rows, builds the dropped indexes again and records why it stopped. */
function discardImport(file: CaseFile, ctx: ServiceContext, loaded: readonly Loaded[], error: unknown): void {
  const cancelled = error instanceof BreachdeskError && error.code === 'CANCELLED';
  try {
    file.transaction((tx) => {
      for (const { seq, dataset } of loaded) {
        const records = deleteDataset(tx, seq);
        appendAuditEntry(tx, {
          ...stampFor(ctx),
          action: cancelled ? 'roster.import_cancelled' : 'roster.import_failed',
          target: `dataset:${dataset.id}`,
          payload: {
            name: dataset.name,
            rowsRead: dataset.rows,
            recordsDiscarded: records,
            // Our own messages never quote a row; anything else is named only by its kind.
            reason:
              error instanceof BreachdeskError ? error.message : 'An unexpected error stopped the import.',
          },
        });
      }
      ensureRosterIndexes(tx);
    });
  } catch {
    // The file may have been closed under us; the next open discards staged rows anyway.
  }
}
