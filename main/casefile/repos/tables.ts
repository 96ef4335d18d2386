import type { Database } from 'better-sqlite3-multiple-ciphers';
import { dataElementSchema, DATA_ELEMENT_TERMS } from '../../../shared/domain/data-elements';
import { timelineEventSchema } from '../../../shared/domain/events';
import { partySchema } from '../../../shared/domain/parties';
import { pendingEvidenceSchema } from '../../../shared/domain/pending-evidence';
import { populationSchema } from '../../../shared/domain/populations';
import { noteSchema, taskSchema } from '../../../shared/domain/tasks-notes';
import { RecordTable } from './record-table';

const vocabularyOrder = (term: string) => String(DATA_ELEMENT_TERMS.indexOf(term as never)).padStart(3, '0');

export const dataElementsTable = new RecordTable('data_elements', dataElementSchema, (e) =>
  vocabularyOrder(e.term),
);
/** One row per jurisdiction: the sort key is the (UNIQUE) jurisdiction code. */
export const populationsTable = new RecordTable('populations', populationSchema, (p) => p.jurisdiction);
export const partiesTable = new RecordTable('parties', partySchema, (p) => p.name.toLowerCase());
/** Time order: UTC instant, then id (the keyset of the timeline's paging). */
export const eventsTable = new RecordTable('events', timelineEventSchema, (e) => e.at.utc);
/** Undated tasks last. */
export const tasksTable = new RecordTable(
  'tasks',
  taskSchema,
  (t) => `${t.due ?? '9999-12-31'} ${t.createdAt}`,
);
/** Newest note first. */
export const notesTable = new RecordTable('notes', noteSchema, (n) => invertIso(n.updatedAt));
export const pendingEvidenceTable = new RecordTable('pending_evidence', pendingEvidenceSchema, (e) => e.name);

/** A key that sorts newest first. */
function invertIso(iso: string): string {
  return String(9_999_999_999_999 - Date.parse(iso)).padStart(13, '0');
}

/** The investigation's record collections, each in its listing order: what exports carry. */
export function investigationRecords(db: Database) {
  return {
    dataElements: dataElementsTable.all(db),
    populations: populationsTable.all(db),
    parties: partiesTable.all(db),
    events: eventsTable.all(db),
    tasks: tasksTable.all(db),
    notes: notesTable.all(db),
  };
}
