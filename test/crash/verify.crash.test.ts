import { describe, expect } from 'vitest';
import { bigFile, caseFrom, caseWithEvidence, EVIDENCE_MIB } from './support/fixtures';
import { journalHot, timePoints } from './support/kill-points';
import { evidenceList } from './support/queries';
import { crashSuite, RANDOM_FRACTION, type Prepared } from './support/scenario';

interface Verify extends Prepared {
  casePath: string;
}

/** `verify`: it re-reads every item and records the result in custody; a kill loses only that record. */
describe('crash: verify', () => {
  crashSuite<Verify>({
    prepare: async (sandbox, shared) => {
      const evidence = bigFile(shared, 'evidence.bin', EVIDENCE_MIB);
      const casePath = await caseFrom(shared, 'case.bdcase', sandbox.dir, (builder, path) =>
        caseWithEvidence(builder, path, evidence.path),
      );
      return {
        sandbox,
        casePath,
        args: ['verify', casePath],
        cases: [casePath],
        allowed: [],
        check: async () => {
          const items = await evidenceList(sandbox, casePath);
          expect(items.map((item) => item.sha256)).toEqual([evidence.sha256]);
        },
      };
    },
    points: {
      ...timePoints<Verify>(RANDOM_FRACTION),
      'when the rollback journal is hot (recording custody)': (p) => journalHot(p.casePath),
    },
  });
});
