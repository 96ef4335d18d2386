import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { EVIDENCE_MIB, shareKeys, sharedBundle } from './support/fixtures';
import { fileAppears, timePoints } from './support/kill-points';
import { evidenceList } from './support/queries';
import { crashSuite, RANDOM_FRACTION, type Prepared } from './support/scenario';

interface BundleImport extends Prepared {
  target: string;
}

const HALF = (EVIDENCE_MIB * 1024 * 1024) / 2;

/** `bundle import -o NEW`: the new case is at its name whole (opens, verifies), or not there. */
describe('crash: bundle import as a new case', () => {
  crashSuite<BundleImport>({
    prepare: async (sandbox, shared) => {
      const { zip, evidence } = await sharedBundle(shared);
      shareKeys(shared, sandbox);
      const target = join(sandbox.dir, 'imported.bdcase');
      return {
        sandbox,
        target,
        args: ['bundle', 'import', zip, '-o', target],
        cases: [target],
        allowed: [/^imported\.bdcase$/],
        check: async (killed) => {
          if (!killed) expect(existsSync(target)).toBe(true);
          if (existsSync(target)) {
            const items = await evidenceList(sandbox, target);
            expect(items.map((item) => item.sha256)).toEqual([evidence.sha256]);
          }
        },
        rerun: () => ['bundle', 'import', zip, '-o', target, '--force'],
      };
    },
    points: {
      ...timePoints<BundleImport>(RANDOM_FRACTION),
      'when the temporary case appears beside the target': (p) =>
        fileAppears(p.sandbox.dir, /^\.imported\.bdcase\..*\.writing$/),
      'when the temporary case holds half the evidence': (p) =>
        fileAppears(p.sandbox.dir, /^\.imported\.bdcase\..*\.writing$/, HALF),
      'when the case appears at its name': (p) => fileAppears(p.sandbox.dir, /^imported\.bdcase$/),
    },
  });
});
