/**
 * The CSV files a mail system or a mail house sends back about notices: which were delivered,
 * which bounced, which paper letters came back. Columns are found by their names, rows are read
 * by the streaming splitter (so any separator it detects works), and each row becomes one
 * outcome for a person id or an address, or a bad row with its line number. Messages never quote
 * a row's values: those are personal data.
 */
import { CsvRowSplitter, detectDelimiter, type SplitRow } from '../formats/csv/csv-rows';

export type TrackingOutcome = 'delivered' | 'bounced' | 'returned';

/** 'bounces': an e-mail system's events; 'returned': a mail house's list of letters that came back. */
export type TrackingKind = 'bounces' | 'returned';

export interface TrackingEntry {
  line: number;
  personId: number | null;
  address: string | null;
  outcome: TrackingOutcome;
  detail: string | null;
  /** As the file gives it: systems write dates in too many forms to guess one here. */
  at: string | null;
}

export interface TrackingBadRow {
  line: number;
  message: string;
}

export interface TrackingCsvResult {
  entries: TrackingEntry[];
  badRows: TrackingBadRow[];
}

type Column = 'personId' | 'address' | 'status' | 'at' | 'detail';

/** Header names per column, compared without case, spaces, dashes or underscores; earlier wins. */
const HEADERS: Record<Column, readonly string[]> = {
  personId: ['personid', 'person', 'id'],
  address: ['address', 'email', 'recipient', 'to'],
  status: ['status', 'result', 'outcome', 'event', 'disposition'],
  at: ['date', 'timestamp', 'at'],
  detail: ['reason', 'detail', 'diagnostic', 'description'],
};

/**
 * Status words, compared without case and with dashes, underscores, commas, dots and slashes read
 * as spaces ("Moved, left no address", "hard_bounce").
 * "opened" and "clicked" count as delivered: a message someone opened reached them. "sent",
 * "queued" and "deferred" are not outcomes (the message is still on its way) and are bad rows.
 * A soft bounce counts as bounced: by the time a system reports it, the notice has not arrived,
 * and the person still has to be reached another way.
 */
const STATUS_WORDS: Record<TrackingOutcome, readonly string[]> = {
  delivered: ['delivered', 'delivery', 'sent ok', 'accepted', 'success', 'successful', 'opened', 'clicked'],
  bounced: [
    'bounce',
    'bounced',
    'hard bounce',
    'soft bounce',
    'hardbounce',
    'softbounce',
    'failed',
    'failure',
    'rejected',
    'undeliverable',
    'dropped',
    'blocked',
    'invalid',
  ],
  returned: [
    'returned',
    'return to sender',
    'rts',
    'undeliverable as addressed',
    'not deliverable as addressed',
    'moved left no address',
    'no such street',
    'no such number',
    'attempted not known',
    'insufficient address',
    'unclaimed',
    'unable to forward',
    'vacant',
    'refused',
  ],
};

const OUTCOME_BY_WORD = new Map<string, TrackingOutcome>(
  (Object.keys(STATUS_WORDS) as TrackingOutcome[]).flatMap((outcome) =>
    STATUS_WORDS[outcome].map((word) => [word, outcome] as const),
  ),
);

export function parseTrackingCsv(text: string, options: { kind: TrackingKind }): TrackingCsvResult {
  const splitter = new CsvRowSplitter(detectDelimiter(text.slice(0, 64 * 1024)));
  const rows = [...splitter.push(text), ...splitter.end()];
  const result: TrackingCsvResult = { entries: [], badRows: [] };
  const header = rows[0];
  if (header === undefined) return result;
  if ('error' in header) {
    result.badRows.push({ line: header.line, message: header.error });
    return result;
  }
  const columns = findColumns(header.fields);
  if (columns.personId === undefined && columns.address === undefined) {
    result.badRows.push({ line: header.line, message: 'No column holds a person id or an address.' });
    return result;
  }
  if (columns.status === undefined && options.kind === 'bounces') {
    result.badRows.push({ line: header.line, message: 'No column holds a status or outcome.' });
    return result;
  }
  for (const row of rows.slice(1)) {
    const read = readRow(row, columns, options.kind);
    if (read === EMPTY) continue;
    if ('message' in read) result.badRows.push(read);
    else result.entries.push(read);
  }
  return result;
}

const EMPTY = Symbol('empty row');

function readRow(
  row: SplitRow,
  columns: Partial<Record<Column, number>>,
  kind: TrackingKind,
): TrackingEntry | TrackingBadRow | typeof EMPTY {
  if ('error' in row) return { line: row.line, message: row.error };
  const { line, fields } = row;
  // A row of separators only (a spreadsheet's trailing rows) is no row at all.
  if (fields.every((field) => field.trim() === '')) return EMPTY;
  const cell = (column: Column): string | null => {
    const index = columns[column];
    const value = index === undefined ? undefined : fields[index]?.trim();
    return value === undefined || value === '' ? null : value;
  };
  const idText = cell('personId');
  const address = cell('address');
  if (idText === null && address === null) {
    return { line, message: 'The row has neither a person id nor an address.' };
  }
  const personId = idText === null ? null : parsePersonId(idText);
  if (personId === undefined) return { line, message: 'The person id is not a positive whole number.' };
  const outcome = rowOutcome(cell('status'), columns.status !== undefined, kind);
  if (typeof outcome === 'object') return { line, message: outcome.message };
  return { line, personId, address, outcome, detail: cell('detail'), at: cell('at') };
}

function rowOutcome(
  status: string | null,
  hasStatusColumn: boolean,
  kind: TrackingKind,
): TrackingOutcome | { message: string } {
  // A mail house's returned-mail list often has no status at all: being on it is the status.
  if (!hasStatusColumn) return 'returned';
  if (status === null) return { message: 'The row has no status.' };
  const outcome = outcomeOf(status);
  if (outcome === null) return { message: 'The status is not one of delivered, bounced or returned.' };
  // Paper does not bounce: a mail house's "failed" or "undeliverable" is a letter that came back.
  return kind === 'returned' && outcome === 'bounced' ? 'returned' : outcome;
}

/** The outcome a status names, also when followed by a reason: "Bounced (mailbox full)". */
export function outcomeOf(status: string): TrackingOutcome | null {
  const words = normaliseStatus(status);
  const exact = OUTCOME_BY_WORD.get(words);
  if (exact !== undefined) return exact;
  const head = normaliseStatus(status.split(/[(:;]| - /, 1)[0] ?? '');
  return OUTCOME_BY_WORD.get(head) ?? null;
}

function normaliseStatus(text: string): string {
  return text
    .toLowerCase()
    .replace(/[-_,./]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The person id, null when absent, undefined when not a positive whole number. */
function parsePersonId(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const id = Number(text);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

function findColumns(names: readonly string[]): Partial<Record<Column, number>> {
  const normalised = names.map((name) => name.toLowerCase().replace(/[\s_-]/g, ''));
  const columns: Partial<Record<Column, number>> = {};
  for (const column of Object.keys(HEADERS) as Column[]) {
    for (const header of HEADERS[column]) {
      const index = normalised.indexOf(header);
      if (index !== -1) {
        columns[column] = index;
        break;
      }
    }
  }
  return columns;
}
