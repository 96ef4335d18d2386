import { describe, expect } from 'vitest';
import { caseFrom, EVIDENCE_MIB, initCase, shareKeys, sharedBundle } from './support/fixtures';
import { fileAppears, grownBy, journalHot, timePoints } from './support/kill-points';
import { eventTotal, evidenceList } from './support/queries';
import { crashSuite, RANDOM_FRACTION, type Prepared } from './support/scenario';

interface BundleMerge extends Prepared {
  casePath: string;
}

/** `bundle import --into`: the colleague's records and evidence land together, or none of them. */
describe('crash: bundle merge into a case', () => {
  crashSuite<BundleMerge>({
    prepare: async (sandbox, shared) => {
      const { zip, evidence } = await sharedBundle(shared);
      shareKeys(shared, sandbox);
      const casePath = await caseFrom(shared, 'ours.bdcase', sandbox.dir, initCase);
      return {
        sandbox,
        casePath,
        args: ['bundle', 'import', zip, '--into', casePath],
        cases: [casePath],
        allowed: [],
        check: async (killed) => {
          const items = await evidenceList(sandbox, casePath);
          const eventCount = await eventTotal(sandbox, casePath);
          expect(items.map((item) => item.sha256)).toEqual(
            killed ? items.map(() => evidence.sha256) : [evidence.sha256],
          );
          // One transaction: the event and the item are both there, or neither.
          expect(eventCount).toBe(items.length);
        },
        // The next merge removes the snapshot a killed one left in the temporary folder.
        rerun: () => ['bundle', 'import', zip, '--into', casePath],
      };
    },
    points: {
      ...timePoints<BundleMerge>(RANDOM_FRACTION),
      'when the bundle snapshot appears in the temporary folder': (p) =>
        fileAppears(p.sandbox.tmp, /^breachdesk-merge\./),
      'once the case has grown by a third of the evidence': (p) =>
        grownBy(p.casePath, (EVIDENCE_MIB * 1024 * 1024) / 3),
      'when the rollback journal is hot': (p) => journalHot(p.casePath),
    },
  });
});
