/**
 * One CSV line (RFC 4180): a cell holding a comma, a quote or a line break is quoted, quotes
 * doubled; lines end with CRLF as the RFC and spreadsheet programs expect.
 */
export function csvLine(cells: readonly (string | number)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function csvCell(cell: string | number): string {
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
