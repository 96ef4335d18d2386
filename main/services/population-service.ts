import { createHash, randomUUID } from 'node:crypto';
import {
  populationInputSchema,
  type CsvImportResult,
  type Population,
} from '../../shared/domain/populations';
import { BreachdeskError } from '../../shared/ipc/errors';
import type { CaseFile } from '../casefile/case-file';
import { populationsTable } from '../casefile/repos/tables';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { changeWithAudit } from './audited';
import type { ServiceContext } from './context';
import { parseCsv } from './csv';

type PopulationInput = { jurisdiction: string; count: number; exact: boolean };

/**
 * Writes a jurisdiction's row: the row it already has keeps its id (one row per jurisdiction);
 * a new row takes `newId` if given. Call inside a transaction.
 */
export function putPopulation(
  db: Database,
  input: PopulationInput,
  newId?: string,
): { row: Population; before: Population | null } {
  const before = populationsTable.bySortKey(db, input.jurisdiction);
  const row = { id: before?.id ?? newId ?? randomUUID(), ...input };
  populationsTable.put(db, row);
  return { row, before };
}

/** Adds a jurisdiction's count, or replaces the count it has. */
export function setPopulation(file: CaseFile, input: PopulationInput, ctx: ServiceContext): Population {
  return changeWithAudit(file, ctx, (db) => {
    const { row, before } = putPopulation(db, input);
    const unchanged = before !== null && before.count === row.count && before.exact === row.exact;
    if (unchanged) return { result: before, audit: null };
    return {
      result: row,
      audit: {
        action: 'population.set',
        target: `population:${row.jurisdiction}`,
        payload: { before, after: row },
      },
    };
  });
}

export function removePopulation(file: CaseFile, id: string, ctx: ServiceContext): void {
  changeWithAudit(file, ctx, (db) => {
    const row = populationsTable.get(db, id);
    if (row === null) throw new BreachdeskError('NOT_FOUND', 'That jurisdiction row is not in this case.');
    populationsTable.remove(db, id);
    return {
      result: undefined,
      audit: { action: 'population.deleted', target: `population:${row.jurisdiction}`, payload: row },
    };
  });
}

const EXACT_WORDS: Readonly<Record<string, boolean>> = {
  '': false,
  exact: true,
  estimate: false,
  yes: true,
  no: false,
  true: true,
  false: false,
};

/**
 * Imports `jurisdiction,count[,exact]` lines (header optional). Every line is checked first; if
 * any is wrong nothing is written and every bad line is reported.
 */
export function importPopulationsCsv(file: CaseFile, csv: string, ctx: ServiceContext): CsvImportResult {
  const { rows, errors } = parseCsv(csv, ['jurisdiction', 'count'], ['jurisdiction', 'count', 'exact']);
  const parsed: PopulationInput[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of rows) {
    const exact = EXACT_WORDS[(fields.exact ?? '').toLowerCase()];
    const result = populationInputSchema.safeParse({
      jurisdiction: fields.jurisdiction ?? '',
      count: /^\d+$/.test((fields.count ?? '').replace(/[,_ ]/g, ''))
        ? Number((fields.count ?? '').replace(/[,_ ]/g, ''))
        : Number.NaN,
      exact: exact ?? false,
    });
    if (exact === undefined) errors.push({ line, message: 'exact must be "exact" or "estimate"' });
    else if (!result.success) errors.push({ line, message: lineMessage(result.error.issues) });
    else if (seen.has(result.data.jurisdiction)) {
      errors.push({
        line,
        message: `${result.data.jurisdiction} already appears on line ${seen.get(result.data.jurisdiction)}`,
      });
    } else {
      seen.set(result.data.jurisdiction, line);
      parsed.push(result.data);
    }
  }
  if (rows.length === 0 && errors.length === 0) errors.push({ line: 1, message: 'The file has no rows' });
  if (errors.length > 0) return { imported: 0, errors: errors.sort((a, b) => a.line - b.line) };
  return changeWithAudit(file, ctx, (db) => {
    for (const row of parsed) putPopulation(db, row);
    const sha256 = createHash('sha256').update(csv).digest('hex');
    return {
      result: { imported: parsed.length, errors: [] },
      audit: {
        action: 'population.imported',
        target: 'populations',
        payload: { rows: parsed, csvSha256: sha256 },
      },
    };
  });
}

function lineMessage(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .map((issue) => {
      const field = String(issue.path[0] ?? '');
      return field === 'count' ? 'count must be a whole number' : `${field}: ${issue.message}`;
    })
    .join('; ');
}

/** People affected per jurisdiction, in jurisdiction order. */
export function listPopulations(file: CaseFile): Population[] {
  return populationsTable.all(file.db);
}
