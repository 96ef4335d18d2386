import { describe, expect } from 'vitest';
import { DOCUMENT_EVENTS, eventsCsv, factsDocument, populationsCsv } from './support/documents';
import { caseFrom, initCase } from './support/fixtures';
import { journalHot, timePoints } from './support/kill-points';
import { api, eventTotal } from './support/queries';
import { crashSuite, RANDOM_FRACTION, type Prepared } from './support/scenario';

interface Import extends Prepared {
  casePath: string;
}

const POINTS = {
  ...timePoints<Import>(RANDOM_FRACTION),
  'when the rollback journal is hot': (p: Import) => journalHot(p.casePath),
};

/** `facts import` of a document with thousands of events: all of them land, or none. */
describe('crash: facts import', () => {
  crashSuite<Import>({
    prepare: async (sandbox, shared) => {
      const document = factsDocument(shared);
      const casePath = await caseFrom(shared, 'case.bdcase', sandbox.dir, initCase);
      return {
        sandbox,
        casePath,
        args: ['facts', 'import', casePath, document],
        cases: [casePath],
        allowed: [],
        check: async (killed) => {
          const total = await eventTotal(sandbox, casePath);
          expect(killed ? [0, DOCUMENT_EVENTS] : [DOCUMENT_EVENTS]).toContain(total);
        },
      };
    },
    points: POINTS,
  });
});

/** `events.importCsv` through `breachdesk api`: every line, or none. */
describe('crash: events CSV import', () => {
  const { csv, lines } = eventsCsv();
  crashSuite<Import>({
    prepare: async (sandbox, shared) => {
      const casePath = await caseFrom(shared, 'case.bdcase', sandbox.dir, initCase);
      return {
        sandbox,
        casePath,
        args: ['api', casePath, 'events.importCsv', JSON.stringify({ csv })],
        cases: [casePath],
        allowed: [],
        check: async (killed) => {
          const total = await eventTotal(sandbox, casePath);
          expect(killed ? [0, lines] : [lines]).toContain(total);
        },
      };
    },
    points: POINTS,
  });
});

/** `populations.importCsv` through `breachdesk api`: every jurisdiction's row, or none. */
describe('crash: populations CSV import', () => {
  const { csv, lines } = populationsCsv();
  crashSuite<Import>({
    prepare: async (sandbox, shared) => {
      const casePath = await caseFrom(shared, 'case.bdcase', sandbox.dir, initCase);
      return {
        sandbox,
        casePath,
        args: ['api', casePath, 'populations.importCsv', JSON.stringify({ csv })],
        cases: [casePath],
        allowed: [],
        check: async (killed) => {
          const rows = await api<unknown[]>(sandbox, casePath, 'populations.list');
          expect(killed ? [0, lines] : [lines]).toContain(rows.length);
        },
      };
    },
    points: POINTS,
  });
});
