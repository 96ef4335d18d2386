import Papa from 'papaparse';

export interface CsvRow {
  /** 1-based line number in the file, for error messages. */
  line: number;
  fields: Record<string, string>;
}

export interface CsvLineError {
  line: number;
  message: string;
}

/**
 * Parses CSV text. When the first line names the `required` columns it is the header (names
 * lower-cased and trimmed); otherwise `fallbackHeader` applies and the first line is data.
 * Blank lines are skipped; parser errors come back per line rather than thrown.
 */
export function parseCsv(
  text: string,
  required: readonly string[],
  fallbackHeader: readonly string[] | null = null,
): { rows: CsvRow[]; errors: CsvLineError[] } {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ',', skipEmptyLines: false });
  const errors: CsvLineError[] = result.errors.map((e) => ({ line: (e.row ?? 0) + 1, message: e.message }));
  const lines = result.data.map((cells, index) => ({ cells, line: index + 1 }));
  const first = (lines[0]?.cells ?? []).map((name) => name.trim().toLowerCase());
  const hasHeader = required.every((name) => first.includes(name));
  if (!hasHeader && fallbackHeader === null) {
    errors.unshift({ line: 1, message: `The first line must name the columns ${required.join(', ')}` });
    return { rows: [], errors };
  }
  const header = hasHeader ? first : [...(fallbackHeader ?? [])];
  const rows = lines
    .slice(hasHeader ? 1 : 0)
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''))
    .map(({ cells, line }) => ({
      line,
      fields: Object.fromEntries(header.map((name, i) => [name, (cells[i] ?? '').trim()])),
    }));
  return { rows, errors };
}
