import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { runCliOk } from './support/cli';
import { bigFile, caseFrom, caseWithEvidence, EVIDENCE_MIB } from './support/fixtures';
import { fileAppears, journalHot, timePoints } from './support/kill-points';
import { api, evidenceList } from './support/queries';
import { crashSuite, RANDOM_FRACTION, type Prepared } from './support/scenario';

interface Output extends Prepared {
  casePath: string;
  target: string;
}

const HALF = (EVIDENCE_MIB * 1024 * 1024) / 2;

/** `evidence export`: the copy is at its name with the item's SHA-256, or not there. */
describe('crash: evidence export', () => {
  crashSuite<Output>({
    prepare: async (sandbox, shared) => {
      const evidence = bigFile(shared, 'evidence.bin', EVIDENCE_MIB);
      const casePath = await caseFrom(shared, 'case.bdcase', sandbox.dir, (builder, path) =>
        caseWithEvidence(builder, path, evidence.path),
      );
      const [item] = await evidenceList(sandbox, casePath);
      const target = join(sandbox.dir, 'copy.bin');
      const args = ['evidence', 'export', casePath, item?.id ?? '', '-o', target];
      return {
        sandbox,
        casePath,
        target,
        args,
        cases: [casePath],
        allowed: [/^copy\.bin$/],
        check: (killed) => {
          if (!killed) expect(existsSync(target)).toBe(true);
          if (existsSync(target)) {
            expect(createHash('sha256').update(readFileSync(target)).digest('hex')).toBe(evidence.sha256);
          }
          return Promise.resolve();
        },
        rerun: () => [...args, '--force'],
      };
    },
    points: {
      ...timePoints<Output>(RANDOM_FRACTION),
      'when half the copy is written under its temporary name': (p) =>
        fileAppears(p.sandbox.dir, /^\.copy\.bin\..*\.writing$/, HALF),
      'when the copy appears at its name (before custody records it)': (p) =>
        fileAppears(p.sandbox.dir, /^copy\.bin$/),
      'when the rollback journal is hot (recording custody)': (p) => journalHot(p.casePath),
    },
  });
});

/** `letter render`: the PDF is at its name whole, or not there. */
describe('crash: letter render', () => {
  crashSuite<Output>({
    prepare: async (sandbox, shared) => {
      const casePath = await caseFrom(shared, 'demo.bdcase', sandbox.dir, async (builder, path) => {
        await runCliOk(builder, ['demo', path]);
      });
      const [letter] = await api<{ id: string }[]>(sandbox, casePath, 'letters.list');
      const target = join(sandbox.dir, 'letter.pdf');
      const args = ['letter', 'render', casePath, letter?.id ?? '', '--format', 'pdf', '-o', target];
      return {
        sandbox,
        casePath,
        target,
        args,
        cases: [casePath],
        allowed: [/^letter\.pdf$/],
        check: (killed) => {
          if (!killed) expect(existsSync(target)).toBe(true);
          if (existsSync(target)) {
            const pdf = readFileSync(target, 'latin1');
            expect(pdf.startsWith('%PDF-')).toBe(true);
            expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
          }
          return Promise.resolve();
        },
        rerun: () => [...args, '--force'],
      };
    },
    points: {
      ...timePoints<Output>(RANDOM_FRACTION),
      'when the PDF appears under its temporary name': (p) =>
        fileAppears(p.sandbox.dir, /^\.letter\.pdf\..*\.writing$/),
      'when the PDF appears at its name (before the audit records it)': (p) =>
        fileAppears(p.sandbox.dir, /^letter\.pdf$/),
      'when the rollback journal is hot (recording the render)': (p) => journalHot(p.casePath),
    },
  });
});
