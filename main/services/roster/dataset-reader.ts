import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { DatasetFormat } from '../../../shared/domain/roster';
import { BreachdeskError } from '../../../shared/ipc/errors';
import { readSourceTable, sourceTableColumns, sourceTables } from '../../casefile/source-table';
import { readChunks } from '../../evidence/chunk-reader';
import { textVerdict } from '../../evidence/text-encoding';
import { CsvRowSplitter, detectDelimiter, type SplitRow } from '../../formats/csv/csv-rows';

/** One data row of a dataset: its line (or row number) and its values, aligned with the wanted columns. */
export interface SourceRow {
  line: number;
  values: string[];
}

/** A row that could not be read, by line; the message never quotes the row. */
export interface SourceProblem {
  line: number;
  message: string;
}

export interface SourceBatch {
  rows: SourceRow[];
  problems: SourceProblem[];
  /** How far into the file the reader is, for progress. */
  bytesRead: number;
}

/** How a dataset is read: what the mapping or the first bytes said. */
export interface SourceOptions {
  format: DatasetFormat;
  delimiter: string;
  encoding: string;
  table: string | null;
}

export interface DatasetPreview extends SourceOptions {
  columns: string[];
  rows: string[][];
  /** Tables of a SQLite file, to choose from. */
  tables: string[];
  sizeBytes: number;
}

const SNIFF_BYTES = 64 * 1024;
const SQLITE_MAGIC = 'SQLite format 3\0';
/** JSON Lines records scanned for column names: enough to see optional keys. */
const JSONL_KEY_SCAN = 1000;

/** Which reader a file needs, from its first bytes, then its extension. */
export async function detectSource(
  path: string,
  given: { delimiter?: string | undefined; encoding?: string | undefined; table?: string | undefined },
): Promise<SourceOptions> {
  const head = await readHead(path);
  if (head.subarray(0, 16).toString('latin1') === SQLITE_MAGIC) {
    const tables = sourceTables(path);
    const table = given.table ?? tables[0] ?? null;
    if (table === null) throw new BreachdeskError('INVALID_INPUT', 'The SQLite file has no tables to read.');
    if (!tables.includes(table))
      throw new BreachdeskError(
        'INVALID_INPUT',
        `The SQLite file has no table named ${JSON.stringify(table)}.`,
      );
    return { format: 'sqlite', delimiter: ',', encoding: 'utf-8', table };
  }
  const verdict = textVerdict(head);
  if (!verdict.text) {
    throw new BreachdeskError(
      'INVALID_INPUT',
      'The file is neither text (CSV, TSV, JSON Lines) nor a SQLite database.',
    );
  }
  const encoding = given.encoding ?? verdict.encoding;
  checkEncoding(encoding);
  const text = new TextDecoder(encoding).decode(head);
  const firstChar = text.replace(/^\uFEFF/, '').trimStart()[0];
  const extension = extname(path).toLowerCase();
  const jsonl =
    extension === '.jsonl' || extension === '.ndjson' || (firstChar === '{' && extension !== '.csv');
  if (jsonl) return { format: 'jsonl', delimiter: ',', encoding, table: null };
  const delimiter = given.delimiter ?? (extension === '.tsv' ? '\t' : detectDelimiter(text));
  return { format: 'csv', delimiter, encoding, table: null };
}

function checkEncoding(encoding: string): void {
  try {
    new TextDecoder(encoding);
  } catch {
    throw new BreachdeskError(
      'INVALID_INPUT',
      `${JSON.stringify(encoding)} is not a text encoding this app reads.`,
    );
  }
}

async function readHead(path: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw unreadable(path, error);
  }
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A file that could not be read, in one sentence naming it and the system's code. */
export function unreadable(path: string, error: unknown): BreachdeskError {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
  return new BreachdeskError('IO_ERROR', `${JSON.stringify(path)} could not be read (${code}).`);
}

/** The columns and first rows of a dataset, for the mapping dialog (never stored or logged). */
export async function previewDataset(
  path: string,
  given: { delimiter?: string | undefined; encoding?: string | undefined; table?: string | undefined },
  rowCount = 20,
): Promise<DatasetPreview> {
  const options = await detectSource(path, given);
  const sizeBytes = (await stat(path)).size;
  const tables = options.format === 'sqlite' ? sourceTables(path) : [];
  const columns = await datasetColumns(path, options);
  const rows: string[][] = [];
  for await (const batch of readDataset(path, options, columns)) {
    for (const row of batch.rows) {
      rows.push(row.values);
      if (rows.length >= rowCount) break;
    }
    if (rows.length >= rowCount) break;
  }
  return { ...options, columns, rows, tables, sizeBytes };
}

/** The column names a dataset offers: the CSV header, the table's columns, or JSON Lines keys. */
export async function datasetColumns(path: string, options: SourceOptions): Promise<string[]> {
  if (options.format === 'sqlite') return sourceTableColumns(path, options.table ?? '');
  const keys = new Set<string>();
  let line = 0;
  for await (const text of decodedLines(path, options.encoding)) {
    line += 1;
    if (options.format === 'csv') {
      const splitter = new CsvRowSplitter(options.delimiter);
      const [first] = [...splitter.push(`${text}\n`), ...splitter.end()];
      if (first === undefined) continue;
      if ('error' in first) throw new BreachdeskError('INVALID_INPUT', 'The header line cannot be read.');
      return uniqueNames(first.fields.map((f) => f.trim()));
    }
    if (text.trim() === '') continue;
    const record = parseJsonRecord(text);
    if (record !== null) for (const key of Object.keys(record)) keys.add(key);
    if (line >= JSONL_KEY_SCAN) break;
  }
  if (options.format === 'csv')
    throw new BreachdeskError('INVALID_INPUT', 'The file is empty: it has no header line.');
  return [...keys];
}

/** Names made unique ("email", "email (2)") so each column can be mapped on its own. */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const base = name === '' ? 'column' : name;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/** Lines of a text file, decoded (only the first few are needed: previews and headers). */
async function* decodedLines(path: string, encoding: string): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  let pending = '';
  for await (const chunk of readChunks(path)) {
    pending += decoder.decode(chunk, { stream: true });
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      yield pending.slice(0, newline).replace(/^\uFEFF/, '');
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
    }
  }
  pending += decoder.decode();
  if (pending !== '') yield pending;
}

function parseJsonRecord(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** A JSON value as the text a column holds: strings as they are, other scalars printed. */
function jsonText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * The dataset's rows in batches, values aligned with `wanted` (missing columns read as empty),
 * with the SHA-256 of the bytes read. Rows that cannot be read come back as problems by line.
 */
export async function* readDataset(
  path: string,
  options: SourceOptions,
  wanted: readonly string[],
  digest?: { sha256: string; bytes: number },
): AsyncGenerator<SourceBatch> {
  if (options.format === 'sqlite') {
    yield* sqliteBatches(path, options.table ?? '', wanted, digest);
    return;
  }
  const hash = createHash('sha256');
  const decoder = new TextDecoder(options.encoding);
  const csv = options.format === 'csv' ? new CsvRows(options.delimiter, wanted) : null;
  const jsonl = options.format === 'jsonl' ? new JsonLines(wanted) : null;
  let bytesRead = 0;
  try {
    for await (const chunk of readChunks(path)) {
      hash.update(chunk);
      bytesRead += chunk.length;
      const text = decoder.decode(chunk, { stream: true });
      yield { ...(csv?.push(text) ?? jsonl?.push(text) ?? empty()), bytesRead };
    }
  } catch (error) {
    if (error instanceof BreachdeskError) throw error;
    throw unreadable(path, error);
  }
  const tail = decoder.decode();
  const last = csv?.end(tail) ?? jsonl?.end(tail) ?? empty();
  if (digest !== undefined) {
    digest.sha256 = hash.digest('hex');
    digest.bytes = bytesRead;
  }
  yield { ...last, bytesRead };
}

function empty(): Omit<SourceBatch, 'bytesRead'> {
  return { rows: [], problems: [] };
}

/** CSV rows after the header, aligned with the wanted columns. */
class CsvRows {
  readonly #splitter: CsvRowSplitter;
  #indexes: number[] | null = null;
  #width = 0;

  constructor(
    delimiter: string,
    private readonly wanted: readonly string[],
  ) {
    this.#splitter = new CsvRowSplitter(delimiter);
  }

  push(text: string): Omit<SourceBatch, 'bytesRead'> {
    return this.#rows(this.#splitter.push(text));
  }

  end(text: string): Omit<SourceBatch, 'bytesRead'> {
    return this.#rows([...this.#splitter.push(text), ...this.#splitter.end()]);
  }

  #rows(split: SplitRow[]): Omit<SourceBatch, 'bytesRead'> {
    const rows: SourceRow[] = [];
    const problems: SourceProblem[] = [];
    for (const row of split) {
      if ('error' in row) {
        problems.push({ line: row.line, message: row.error });
        continue;
      }
      if (this.#indexes === null) {
        const header = uniqueNames(row.fields.map((f) => f.trim()));
        this.#width = header.length;
        this.#indexes = this.wanted.map((column) => header.indexOf(column));
        const missing = this.wanted.filter((_, i) => this.#indexes?.[i] === -1);
        if (missing.length > 0) {
          throw new BreachdeskError(
            'INVALID_INPUT',
            `The mapping names ${missing.length === 1 ? 'a column' : 'columns'} the file does not have: ${missing.map((m) => JSON.stringify(m)).join(', ')}.`,
          );
        }
        continue;
      }
      if (row.fields.length !== this.#width) {
        problems.push({
          line: row.line,
          message: `The row has ${row.fields.length} fields; the header has ${this.#width}.`,
        });
        continue;
      }
      const { fields } = row;
      rows.push({ line: row.line, values: this.#indexes.map((i) => fields[i] ?? '') });
    }
    return { rows, problems };
  }
}

/** JSON Lines: one object per line, values of the wanted keys. */
class JsonLines {
  #pending = '';
  #line = 0;

  constructor(private readonly wanted: readonly string[]) {}

  push(text: string): Omit<SourceBatch, 'bytesRead'> {
    const all = this.#pending + text;
    const cut = all.lastIndexOf('\n');
    if (cut === -1) {
      this.#pending = all;
      return empty();
    }
    this.#pending = all.slice(cut + 1);
    return this.#parse(all.slice(0, cut).split('\n'));
  }

  end(text: string): Omit<SourceBatch, 'bytesRead'> {
    const all = this.#pending + text;
    this.#pending = '';
    return this.#parse(all === '' ? [] : all.split('\n'));
  }

  #parse(lines: readonly string[]): Omit<SourceBatch, 'bytesRead'> {
    const rows: SourceRow[] = [];
    const problems: SourceProblem[] = [];
    for (const raw of lines) {
      this.#line += 1;
      const text = this.#line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (text.trim() === '') continue;
      const record = parseJsonRecord(text);
      if (record === null) {
        problems.push({ line: this.#line, message: 'The line is not a JSON object.' });
        continue;
      }
      rows.push({ line: this.#line, values: this.wanted.map((key) => jsonText(record[key])) });
    }
    return { rows, problems };
  }
}

const SQLITE_BATCH = 20_000;

async function* sqliteBatches(
  path: string,
  table: string,
  wanted: readonly string[],
  digest?: { sha256: string; bytes: number },
): AsyncGenerator<SourceBatch> {
  const columns = sourceTableColumns(path, table);
  const missing = wanted.filter((w) => !columns.includes(w));
  if (missing.length > 0) {
    throw new BreachdeskError(
      'INVALID_INPUT',
      `The mapping names ${missing.length === 1 ? 'a column' : 'columns'} the table does not have: ${missing.map((m) => JSON.stringify(m)).join(', ')}.`,
    );
  }
  const size = (await stat(path)).size;
  if (digest !== undefined) {
    const hash = createHash('sha256');
    for await (const chunk of readChunks(path)) hash.update(chunk);
    digest.sha256 = hash.digest('hex');
    digest.bytes = size;
  }
  let row = 0;
  for (const batch of readSourceTable(path, table, wanted, SQLITE_BATCH)) {
    const rows = batch.rows.map((values) => {
      row += 1;
      return { line: row, values: values.map(jsonText) };
    });
    yield { rows, problems: [], bytesRead: Math.round(size * batch.progress) };
    // Let cancel requests and progress reach us between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
