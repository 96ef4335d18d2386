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

type Sandbox = Prepared['sandbox'];

/**
 * An import into a fresh case that must land whole or not at all: after a kill the case holds
 * none of the `expected` records or all of them, and after a clean run all of them.
 */
function wholeOrNothing(
  args: (casePath: string, shared: string) => string[],
  count: (sandbox: Sandbox, casePath: string) => Promise<number>,
  expected: number,
): void {
  crashSuite<Import>({
    prepare: async (sandbox, shared) => {
      const casePath = await caseFrom(shared, 'case.bdcase', sandbox.dir, initCase);
      return {
        sandbox,
        casePath,
        args: args(casePath, shared),
        cases: [casePath],
        allowed: [],
        check: async (killed) => {
          expect(killed ? [0, expected] : [expected]).toContain(await count(sandbox, casePath));
        },
      };
    },
    points: POINTS,
  });
}

/** `facts import` of a document with thousands of events. */
describe('crash: facts import', () => {
  wholeOrNothing(
    (casePath, shared) => ['facts', 'import', casePath, factsDocument(shared)],
    eventTotal,
    DOCUMENT_EVENTS,
  );
});

/** `events.importCsv` through `breachdesk api`: every line, or none. */
describe('crash: events CSV import', () => {
  const { csv, lines } = eventsCsv();
  wholeOrNothing(
    (casePath) => ['api', casePath, 'events.importCsv', JSON.stringify({ csv })],
    eventTotal,
    lines,
  );
});

/** `populations.importCsv` through `breachdesk api`: every jurisdiction's row, or none. */
describe('crash: populations CSV import', () => {
  const { csv, lines } = populationsCsv();
  wholeOrNothing(
    (casePath) => ['api', casePath, 'populations.importCsv', JSON.stringify({ csv })],
    async (sandbox, casePath) => (await api<unknown[]>(sandbox, casePath, 'populations.list')).length,
    lines,
  );
});
