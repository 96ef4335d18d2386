import { readFile } from 'node:fs/promises';
import { rosterMappingFromText, type BadRow, type RosterMapping } from '../../../shared/domain/roster';
import type { DatasetPreview } from '../../../shared/ipc/roster-contract';
import { suggestMapping } from '../../roster/suggest-mapping';
import { writeFileAtomically } from '../files/atomic-write';
import { previewDataset, unreadable } from './dataset-reader';

/** Rows sampled to propose a mapping: the dialog shows only the first few of them. */
const SAMPLE_ROWS = 200;
const SHOWN_ROWS = 20;

/**
 * The first rows of a dataset and a mapping proposed from its column names and a sample of its
 * values. The sample stays in memory for this answer only: never stored, audited or logged.
 */
export async function previewWithSuggestion(
  path: string,
  given: { delimiter?: string | undefined; encoding?: string | undefined; table?: string | undefined },
): Promise<DatasetPreview> {
  const preview = await previewDataset(path, given, SAMPLE_ROWS);
  const { mapping, reasons } = suggestMapping(preview.columns, preview.rows);
  const readAs: Partial<RosterMapping> =
    preview.format === 'sqlite'
      ? { table: preview.table ?? undefined }
      : preview.format === 'csv'
        ? { delimiter: preview.delimiter, encoding: preview.encoding }
        : { encoding: preview.encoding };
  return {
    format: preview.format,
    delimiter: preview.delimiter,
    encoding: preview.encoding,
    table: preview.table,
    tables: preview.tables,
    sizeBytes: preview.sizeBytes,
    columns: preview.columns,
    rows: preview.rows.slice(0, SHOWN_ROWS),
    mapping: { ...mapping, ...readAs },
    reasons,
  };
}

/** A mapping saved as JSON (by this app, by hand or by another tool), checked. */
export async function loadMapping(path: string): Promise<RosterMapping> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw unreadable(path, error);
  }
  return rosterMappingFromText(text, path);
}

export async function saveMapping(path: string, mapping: RosterMapping): Promise<string> {
  return writeFileAtomically(path, `${JSON.stringify(mapping, null, 2)}\n`, true);
}

/** The skipped rows as CSV (line, message): our messages never quote a row's values. */
export async function saveSkippedRows(path: string, rows: readonly BadRow[]): Promise<string> {
  const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
  const lines = ['line,message', ...rows.map((r) => `${r.line},${quote(r.message)}`)];
  return writeFileAtomically(path, `${lines.join('\n')}\n`, true);
}
