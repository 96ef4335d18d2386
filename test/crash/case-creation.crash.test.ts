import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { creationJournalHot, fileAppears, timePoints } from './support/kill-points';
import { evidenceList } from './support/queries';
import { crashSuite, RANDOM_FRACTION, type Prepared } from './support/scenario';

interface Creation extends Prepared {
  target: string;
}

/** `init`: the case is at its name whole, or not there; a half-made one is removed by the next init. */
describe('crash: init', () => {
  crashSuite<Creation>({
    prepare: (sandbox) => {
      const target = join(sandbox.dir, 'new.bdcase');
      const init = ['init', target, '--title', 'Crash test', '--org', 'Crash Test AB'];
      return Promise.resolve({
        sandbox,
        target,
        args: init,
        cases: [target],
        allowed: [/^new\.bdcase$/],
        check: (killed) => {
          if (!killed) expect(existsSync(target)).toBe(true);
          return Promise.resolve();
        },
        rerun: () => (existsSync(target) ? null : init),
      });
    },
    points: {
      ...timePoints<Creation>(RANDOM_FRACTION),
      'when the file being created appears': (p) => fileAppears(p.sandbox.dir, /\.creating$/),
      'when the file being created has a hot journal': (p) => creationJournalHot(p.sandbox.dir),
    },
  });
});

/** `demo`: the demo case is at its name complete (every evidence file in it), or not there. */
describe('crash: demo', () => {
  crashSuite<Creation>({
    prepare: (sandbox) => {
      const target = join(sandbox.dir, 'demo.bdcase');
      return Promise.resolve({
        sandbox,
        target,
        args: ['demo', target],
        cases: [target],
        allowed: [/^demo\.bdcase$/, /^demo evidence\/[^.]/],
        check: async (killed) => {
          if (!killed) expect(existsSync(target)).toBe(true);
          if (existsSync(target)) expect(await evidenceList(sandbox, target)).toHaveLength(8);
        },
        rerun: () => ['demo', target, '--overwrite'],
      });
    },
    points: {
      ...timePoints<Creation>(RANDOM_FRACTION),
      'when the case being built appears under its temporary name': (p) =>
        fileAppears(p.sandbox.dir, /^\.demo\.bdcase\..*\.writing$/),
      'when the case being created has a hot journal': (p) => creationJournalHot(p.sandbox.dir),
      'when the generated evidence files appear': (p) =>
        fileAppears(join(p.sandbox.dir, 'demo evidence'), /./),
      'when the case appears at its name': (p) => fileAppears(p.sandbox.dir, /^demo\.bdcase$/),
    },
  });
});
