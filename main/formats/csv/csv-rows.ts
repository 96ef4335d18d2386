/**
 * Delimited text (RFC 4180 CSV, TSV, semicolon or pipe separated) split into rows, fed in text
 * pieces of any size so a file of many gigabytes streams through in bounded memory. Each row
 * carries the line it starts on, so a bad row can be reported by its line number. Lines without
 * a quote take a fast path (split); quoted fields may hold separators, doubled quotes and line
 * breaks.
 */

export type SplitRow =
  | { line: number; fields: string[] }
  /** A quote left open at the end of the text: everything from this line on is one broken row. */
  | { line: number; error: string };

const QUOTE = '"';

export class CsvRowSplitter {
  /** Text not yet split: a partial line, or a quoted field still open. */
  #pending = '';
  /** The line number `#pending` starts on. */
  #line = 1;
  #first = true;

  constructor(private readonly delimiter: string) {
    if (delimiter.length === 0 || delimiter.includes(QUOTE) || /[\r\n]/.test(delimiter)) {
      throw new Error('A field separator cannot be empty, a quote or a line break.');
    }
  }

  /** Rows completed by this piece of text. */
  push(text: string): SplitRow[] {
    let input = this.#pending + text;
    if (this.#first && input.length > 0) {
      this.#first = false;
      // A byte-order mark that survived decoding is not part of the first column's name.
      if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
    }
    const rows: SplitRow[] = [];
    const consumed = this.#split(input, rows, false);
    this.#pending = input.slice(consumed);
    return rows;
  }

  /** The last row, when the text does not end with a line break. */
  end(): SplitRow[] {
    const rows: SplitRow[] = [];
    const input = this.#pending;
    this.#pending = '';
    if (input.length === 0) return rows;
    const consumed = this.#split(input, rows, true);
    if (consumed < input.length) {
      rows.push({ line: this.#line, error: 'A quoted field is never closed.' });
    }
    return rows;
  }

  /** Splits whole rows off `input`; returns how many characters they used. */
  #split(input: string, rows: SplitRow[], atEnd: boolean): number {
    let start = 0;
    const length = input.length;
    // Where the next quote is, searched again only once passed: searching from every line would
    // scan the rest of the text per line, quadratic in the size of a piece.
    let quote = -2;
    while (start < length) {
      const newline = input.indexOf('\n', start);
      const lineEnd = newline === -1 ? (atEnd ? length : -1) : newline;
      if (lineEnd === -1) break;
      if (quote !== -1 && quote < start) quote = input.indexOf(QUOTE, start);
      if (quote === -1 || quote > lineEnd) {
        // Fast path: no quote on this line.
        let text = input.slice(start, lineEnd);
        if (text.endsWith('\r')) text = text.slice(0, -1);
        if (text.length > 0) rows.push({ line: this.#line, fields: text.split(this.delimiter) });
        this.#line += 1;
        start = lineEnd + 1;
        continue;
      }
      const quoted = this.#quotedRow(input, start, atEnd);
      if (quoted === null) break;
      rows.push({ line: this.#line, fields: quoted.fields });
      this.#line += quoted.lines;
      start = quoted.next;
    }
    return start;
  }

  /**
   * One row that has a quote in it, from `start`; null when it runs past the text we have (so
   * the caller waits for more).
   */
  #quotedRow(
    input: string,
    start: number,
    atEnd: boolean,
  ): { fields: string[]; next: number; lines: number } | null {
    const fields: string[] = [];
    const { delimiter } = this;
    let i = start;
    let lines = 1;
    const length = input.length;
    for (;;) {
      if (i < length && input[i] === QUOTE) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const close = input.indexOf(QUOTE, from);
          if (close === -1) return null;
          value += input.slice(from, close);
          if (close + 1 < length && input[close + 1] === QUOTE) {
            value += QUOTE;
            from = close + 2;
            continue;
          }
          if (close + 1 >= length && !atEnd) return null;
          i = close + 1;
          break;
        }
        lines += countLineBreaks(value);
        // Text after the closing quote up to the separator is kept, as spreadsheets do.
        const rest = fieldEnd(input, i, delimiter);
        if (rest === -1 && !atEnd) return null;
        const end = rest === -1 ? length : rest;
        value += input.slice(i, end).replace(/\r$/, '');
        fields.push(value);
        i = end;
      } else {
        const end = fieldEnd(input, i, delimiter);
        if (end === -1 && !atEnd) return null;
        const stop = end === -1 ? length : end;
        fields.push(input.slice(i, stop).replace(/\r$/, ''));
        i = stop;
      }
      if (i >= length) return { fields, next: length, lines };
      if (input[i] === '\n') return { fields, next: i + 1, lines };
      i += delimiter.length;
    }
  }
}

/** Where the unquoted field starting at `from` ends: at the separator or line break, or -1. */
function fieldEnd(input: string, from: number, delimiter: string): number {
  const newline = input.indexOf('\n', from);
  const separator = input.indexOf(delimiter, from);
  if (separator !== -1 && (newline === -1 || separator < newline)) return separator;
  return newline;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
}

const CANDIDATES = [',', '\t', ';', '|'] as const;

/**
 * The separator of a delimited text, from its first lines: the candidate found the same
 * (non-zero) number of times on most of them, the most frequent one winning ties. Comma when
 * nothing is found, so a one-column file still reads.
 */
export function detectDelimiter(sample: string): string {
  const lines = sample
    .split('\n')
    .slice(0, 20)
    .filter((line) => line.trim() !== '');
  // The last line of a sample may be cut off.
  if (lines.length > 2) lines.pop();
  let best: { delimiter: string; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of CANDIDATES) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length;
    const score = consistent * 1000 + first;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === QUOTE) quoted = !quoted;
    else if (!quoted && char === delimiter) count += 1;
  }
  return count;
}
