import Papa from 'papaparse';

export interface CsvTable {
  header: string[];
  rows: string[][];
}

/**
 * One page of a CSV or TSV as a table. Pages end at line boundaries, so only the first holds the
 * header row; later pages get it from the caller.
 */
export function csvTable(text: string, firstPage: boolean, header: string[] | null): CsvTable {
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: true,
    delimiter: delimiterOf(text),
  });
  // Parse errors (a ragged or unterminated last row) still leave the rows papaparse could read.
  const rows = parsed.data.filter((row): row is string[] => Array.isArray(row)).map((row) => row.map(String));
  if (!firstPage) return { header: header ?? [], rows };
  const [first, ...rest] = rows;
  return { header: first ?? header ?? [], rows: rest };
}

/**
 * papaparse guesses the delimiter from how evenly it splits the rows, so a ragged last row (a
 * file cut short) can throw the guess off. The guess is made without the last line.
 */
function delimiterOf(text: string): string {
  const lastBreak = text.trimEnd().lastIndexOf('\n');
  const sample = lastBreak > 0 ? text.slice(0, lastBreak) : text;
  const guess = Papa.parse<string[]>(sample, { header: false, skipEmptyLines: true, preview: 50 });
  return guess.meta.delimiter || ',';
}
