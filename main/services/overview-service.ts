import { dataElementLabel } from '../../shared/domain/data-elements';
import type { Overview } from '../../shared/domain/overview';
import { isOverdue } from '../../shared/domain/tasks-notes';
import { jurisdictionName } from '../../shared/jurisdictions/jurisdictions';
import type { CaseFile } from '../casefile/case-file';
import { sampledEventTimes } from '../casefile/repos/event-links-repo';
import { getFacts } from '../casefile/repos/facts-repo';
import {
  dataElementsTable,
  eventsTable,
  notesTable,
  partiesTable,
  pendingEvidenceTable,
  populationsTable,
  tasksTable,
} from '../casefile/repos/tables';
import { evidenceTotals } from '../casefile/repos/evidence-repo';

/** The case at a glance: key dates, counts, data, open tasks, people by jurisdiction, event ticks. */
export function caseOverview(file: CaseFile, today: string): Overview {
  const { db } = file;
  const tasks = tasksTable.all(db);
  const open = tasks.filter((t) => t.status !== 'done');
  const populations = populationsTable.all(db).sort((a, b) => b.count - a.count);
  const elements = dataElementsTable.all(db);
  return {
    facts: getFacts(db),
    counts: {
      events: eventsTable.count(db),
      parties: partiesTable.count(db),
      tasks: tasks.length,
      openTasks: open.length,
      overdueTasks: open.filter((t) => isOverdue(t, today)).length,
      notes: notesTable.count(db),
      dataElements: elements.length,
      peopleAffected: populations.reduce((sum, p) => sum + p.count, 0),
      peopleAffectedExact: populations.length > 0 && populations.every((p) => p.exact),
      jurisdictions: populations.length,
      ...evidenceTotals(db),
      pendingEvidence: pendingEvidenceTable.count(db),
    },
    dataElements: elements.map((e) => dataElementLabel(e.term, e.customLabel)),
    openTasks: open.slice(0, 8),
    populations: populations.map((p) => ({ ...p, name: jurisdictionName(p.jurisdiction) })),
    eventTimes: sampledEventTimes(db, 2000),
  };
}
