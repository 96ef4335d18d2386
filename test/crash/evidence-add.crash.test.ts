import { describe, expect } from 'vitest';
import { bigFile, caseFrom, EVIDENCE_MIB, initCase } from './support/fixtures';
import { grownBy, journalHot, timePoints } from './support/kill-points';
import { evidenceList } from './support/queries';
import { crashSuite, RANDOM_FRACTION, type Prepared } from './support/scenario';

interface EvidenceAdd extends Prepared {
  casePath: string;
  evidence: { path: string; sha256: string };
}

/** `evidence add` of one big file: the item is in the locker whole, or not at all. */
describe('crash: evidence add', () => {
  crashSuite<EvidenceAdd>({
    prepare: async (sandbox, shared) => {
      const evidence = bigFile(shared, 'evidence.bin', EVIDENCE_MIB);
      const casePath = await caseFrom(shared, 'case.bdcase', sandbox.dir, initCase);
      return {
        sandbox,
        casePath,
        evidence,
        args: ['evidence', 'add', casePath, evidence.path, '--source', 'crash tier'],
        cases: [casePath],
        allowed: [],
        check: async (killed) => {
          const items = await evidenceList(sandbox, casePath);
          expect(items.length).toBe(killed ? items.length : 1);
          expect(items.length).toBeLessThanOrEqual(1);
          for (const item of items) {
            expect(item.sha256).toBe(evidence.sha256);
            expect(item.size).toBe(EVIDENCE_MIB * 1024 * 1024);
          }
        },
      };
    },
    points: {
      ...timePoints<EvidenceAdd>(RANDOM_FRACTION),
      'once the case has grown by a third of the file': (p) =>
        grownBy(p.casePath, (EVIDENCE_MIB * 1024 * 1024) / 3),
      'when the rollback journal is hot': (p) => journalHot(p.casePath),
    },
  });
});
