import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataElementTerm } from '../../shared/domain/data-elements';
import { ROSTER_MAPPING_FORMAT, type RosterField, type RosterMapping } from '../../shared/domain/roster';
import type { CaseFile } from '../../main/casefile/case-file';
import { iterateAuditEntries } from '../../main/casefile/repos/audit-repo';
import type { EventSink } from '../../main/ipc/host-deps';
import type { ServiceContext } from '../../main/services/context';
import type { Job } from '../../main/services/jobs';
import {
  importDataset,
  type RosterImportRequest,
  type RosterImportResult,
} from '../../main/services/roster/roster-import-service';
import { newJob } from './evidence';

/** A roster mapping: columns to fields, and what the dataset exposed (for every row or per column). */
export function rosterMapping(
  columns: Readonly<Record<string, RosterField>>,
  options: {
    exposes?: readonly DataElementTerm[];
    exposesByColumn?: Readonly<Record<string, DataElementTerm>>;
    delimiter?: string;
    encoding?: string;
    table?: string;
  } = {},
): RosterMapping {
  return {
    format: ROSTER_MAPPING_FORMAT,
    columns: { ...columns },
    exposes: [...(options.exposes ?? [])],
    exposesByColumn: { ...options.exposesByColumn },
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.table === undefined ? {} : { table: options.table }),
  };
}

/** Writes a dataset file into dir (text as UTF-8 unless bytes are given) and returns its path. */
export function writeDataset(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** CSV text from a header and rows (no quoting: the values given must not need it). */
export function csvOf(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  separator = ',',
): string {
  return `${[header, ...rows].map((row) => row.join(separator)).join('\n')}\n`;
}

/** A job of the roster-import kind that reports every step (no throttling). */
export function rosterJob(events?: EventSink): Job {
  return newJob('roster-import', events);
}

/** Imports a dataset through the service, skipping bad rows unless told otherwise. */
export function importRoster(
  file: CaseFile,
  ctx: ServiceContext,
  path: string,
  mapping: RosterMapping,
  options: Partial<Omit<RosterImportRequest, 'path' | 'mapping'>> = {},
  job: Job = rosterJob(),
): Promise<RosterImportResult> {
  return importDataset(file, ctx, job, { path, mapping, onBadRow: 'skip', ...options });
}

/** Every string anywhere in a JSON value (keys and values), for privacy checks of audit payloads. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...stringsIn(inner)]);
  }
  return [];
}

/** The case's audit actions, oldest first. */
export function auditActionsOf(file: CaseFile): string[] {
  return [...iterateAuditEntries(file.db)].map((entry) => entry.action);
}
