import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { runCli, runCliOk } from './support/cli';
import { bigFile, caseFrom, caseWithEvidence, EVIDENCE_MIB, shareKeys } from './support/fixtures';
import { fileAppears, journalHot, timePoints } from './support/kill-points';
import { crashSuite, RANDOM_FRACTION, type Prepared } from './support/scenario';

interface BundleExport extends Prepared {
  casePath: string;
  zip: string;
}

const HALF = (EVIDENCE_MIB * 1024 * 1024) / 2;

/** `bundle export`: the zip is at its name complete (and verifies), or not there at all. */
describe('crash: bundle export', () => {
  crashSuite<BundleExport>({
    prepare: async (sandbox, shared) => {
      const evidence = bigFile(shared, 'evidence.bin', EVIDENCE_MIB);
      const casePath = await caseFrom(shared, 'case.bdcase', sandbox.dir, async (builder, path) => {
        await caseWithEvidence(builder, path, evidence.path);
        await runCliOk(builder, ['keys', 'create']);
      });
      shareKeys(shared, sandbox);
      const zip = join(sandbox.dir, 'bundle.zip');
      return {
        sandbox,
        casePath,
        zip,
        args: ['bundle', 'export', casePath, '-o', zip],
        cases: [casePath],
        allowed: [/^bundle\.zip$/],
        check: async (killed) => {
          if (!killed) expect(existsSync(zip)).toBe(true);
          if (existsSync(zip)) {
            const verified = await runCli(sandbox, ['bundle', 'verify', zip]);
            expect(verified.status, verified.stdout).toBe(0);
          }
        },
        rerun: () => ['bundle', 'export', casePath, '-o', zip, '--force'],
      };
    },
    points: {
      ...timePoints<BundleExport>(RANDOM_FRACTION),
      'when the case snapshot appears beside the target': (p) =>
        fileAppears(p.sandbox.dir, /\.snapshot\.bdcase$/),
      'when half the zip is written under its temporary name': (p) =>
        fileAppears(p.sandbox.dir, /^\.bundle\.zip\..*\.writing$/, HALF),
      'when the zip appears at its name (before the export is recorded)': (p) =>
        fileAppears(p.sandbox.dir, /^bundle\.zip$/),
      'when the case journal is hot (recording the export)': (p) => journalHot(p.casePath),
    },
  });
});
