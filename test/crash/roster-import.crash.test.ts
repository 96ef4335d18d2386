/**
 * `breachdesk roster import` killed with SIGKILL (issue 19): rows stream into the case under a
 * staging dataset in batches of 25,000 (one committed transaction each), the key indexes are
 * dropped while they load and built in one transaction after, and a last transaction marks the
 * dataset ready and builds the people. A kill at any of those moments must leave a case that
 * opens through the normal path with nothing of the killed import in it: no staging dataset, no
 * records, every key index present, roster.import_abandoned in the audit log when a dataset had
 * been staged, and the recovery notice. The next import then completes.
 *
 * The moments are observed, never timed: the case file growing (a batch being written), the
 * rollback journal turning hot and cold again (a transaction committing), counted; and a journal
 * hot after every batch and the index build have committed (the last transaction). The CSV has
 * every e-mail twice, so the last transaction links half the records to a person and its commit
 * is long enough to be caught.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iterateAuditEntries } from '../../main/casefile/repos/audit-repo';
import { rosterIndexesComplete, stagingDatasetSeqs } from '../../main/casefile/repos/roster-repo';
import { describeOpenCase, openCase } from '../../main/services/case-service';
import { rosterStats } from '../../main/services/roster/roster-service';
import { testContext } from '../helpers/cases';
import { csvOf, rosterMapping } from '../helpers/roster';
import { useSharedTempDir, useTempDir } from '../helpers/temp-dir';
import { CRASH_PASSPHRASE, runCli, runCliOk, sandboxIn, startCli, type Sandbox } from './support/cli';
import { integrityCheck } from './support/oracle';
import { journalIsHot, pollUntil, sizeOf } from './support/poll';

const ROWS = 100_000;
/** The import service's batch: each is one committed transaction that grows the file. */
const BATCH_ROWS = 25_000;
const BATCHES = ROWS / BATCH_ROWS;
const NOTICE = 'A roster import that was interrupted was discarded; import that dataset again.';

const tempDir = useTempDir();
const sharedDir = useSharedTempDir();
let shared = '';
const outcomes: string[] = [];

/**
 * What the case file and its journal have done since the import started, polled on every turn
 * of the event loop: how many commits grew the file (batches of rows, then the index build).
 */
class CaseWatch {
  readonly #path: string;
  readonly #initialSize: number;
  #hot = false;
  #lastCommittedSize: number;
  growthCommits = 0;

  constructor(path: string) {
    this.#path = path;
    this.#initialSize = sizeOf(path);
    this.#lastCommittedSize = this.#initialSize;
  }

  /** Takes one look; returns whether the journal is hot now. */
  look(): { hot: boolean; size: number; grownSinceCommit: boolean; grown: boolean } {
    const hot = journalIsHot(this.#path);
    const size = sizeOf(this.#path);
    if (this.#hot && !hot) {
      if (size > this.#lastCommittedSize) this.growthCommits += 1;
      this.#lastCommittedSize = size;
    }
    this.#hot = hot;
    return {
      hot,
      size,
      grownSinceCommit: size > this.#lastCommittedSize,
      grown: size > this.#initialSize,
    };
  }
}

type Point = (watch: CaseWatch) => boolean;

const POINTS: Record<string, { point: Point; alwaysMidRun: boolean; staged: (n: number) => boolean }> = {
  // The staging dataset is committed before any row; the first batch is being written.
  'as the first batch of rows is written': {
    point: (w) => w.look().grown,
    alwaysMidRun: true,
    staged: (n) => n === 0 || n === BATCH_ROWS,
  },
  'between batches, after two were committed': {
    point: (w) => {
      const seen = w.look();
      return w.growthCommits >= 2 && w.growthCommits < BATCHES && !seen.hot;
    },
    alwaysMidRun: true,
    staged: (n) => n >= 2 * BATCH_ROWS && n < ROWS && n % BATCH_ROWS === 0,
  },
  // Every batch is committed; the next growth of the file is the key indexes being built.
  'while the key indexes are built': {
    point: (w) => {
      const seen = w.look();
      return w.growthCommits === BATCHES && seen.grownSinceCommit;
    },
    alwaysMidRun: true,
    staged: (n) => n === ROWS,
  },
  // The indexes are committed; the last transaction is reading every record to build people.
  'while the people are built, before the last commit': {
    point: (w) => {
      const seen = w.look();
      return w.growthCommits === BATCHES + 1 && !seen.hot;
    },
    alwaysMidRun: true,
    staged: (n) => n === ROWS,
  },
  // The last transaction commits (a kill may land after it: the import is then whole).
  'as the last transaction commits': {
    point: (w) => {
      const seen = w.look();
      return w.growthCommits === BATCHES + 1 && seen.hot;
    },
    alwaysMidRun: false,
    staged: (n) => n === ROWS,
  },
};

function importArgs(casePath: string): string[] {
  return [
    'roster',
    'import',
    casePath,
    join(shared, 'people.csv'),
    '--mapping',
    join(shared, 'mapping.json'),
  ];
}

function openForCheck(casePath: string) {
  return openCase(casePath, testContext('crash checker'), Buffer.from(CRASH_PASSPHRASE, 'utf8'));
}

beforeAll(async () => {
  shared = sharedDir();
  const rows: string[][] = [];
  for (let i = 0; i < ROWS; i++)
    rows.push([`a${i}`, `user${i % (ROWS / 2)}@example.com`, `Person ${i}`, 'US', 'CA']);
  writeFileSync(
    join(shared, 'people.csv'),
    csvOf(['account_id', 'email', 'full_name', 'country', 'region'], rows),
  );
  writeFileSync(
    join(shared, 'mapping.json'),
    JSON.stringify(
      rosterMapping(
        {
          account_id: 'accountId',
          email: 'email',
          full_name: 'fullName',
          country: 'country',
          region: 'region',
        },
        { exposes: ['email'] },
      ),
    ),
  );
  const builder = sandboxIn(join(shared, 'builder'));
  await runCliOk(builder, [
    'init',
    join(shared, 'case.bdcase'),
    '--title',
    'Roster crash',
    '--org',
    'Sonora',
  ]);
}, 120_000);

afterAll(() => {
  process.stdout.write(`crash roster import\n  ${outcomes.join('\n  ')}\n`);
});

function caseIn(sandbox: Sandbox): string {
  const casePath = join(sandbox.dir, 'case.bdcase');
  copyFileSync(join(shared, 'case.bdcase'), casePath);
  return casePath;
}

describe('crash: roster import', () => {
  for (const [name, { point, alwaysMidRun, staged }] of Object.entries(POINTS)) {
    it(`killed ${name}`, { timeout: 60_000 }, async () => {
      const sandbox = sandboxIn(tempDir());
      const casePath = caseIn(sandbox);
      const watch = new CaseWatch(casePath);
      const run = startCli(sandbox, importArgs(casePath));
      if (await pollUntil(() => point(watch), run.ended)) run.child.kill('SIGKILL');
      const outcome = await run.outcome;
      const killed = outcome.signal === 'SIGKILL';
      outcomes.push(`${name}: ${killed ? 'killed mid-run' : 'completed first'}`);
      if (alwaysMidRun) expect(killed, `the run ended first: ${outcome.stderr}`).toBe(true);
      else if (!killed) expect(outcome.status, outcome.stderr).toBe(0);

      // SQLite alone finds the file as the kill left it sound.
      expect(integrityCheck(casePath, tempDir())).toBe('ok');

      // The next open, through the normal path, discards the import or finds it whole.
      const file = openForCheck(casePath);
      try {
        const stats = rosterStats(file);
        expect(stagingDatasetSeqs(file.db)).toEqual([]);
        expect(rosterIndexesComplete(file.db)).toBe(true);
        const abandoned = [...iterateAuditEntries(file.db)].filter(
          (e) => e.action === 'roster.import_abandoned',
        );
        const notices = describeOpenCase(file).notices;
        if (stats.records === 0) {
          expect(stats).toMatchObject({ people: 0, datasets: [], groups: [] });
          expect(file.db.prepare('SELECT count(*) FROM roster_records').pluck().get()).toBe(0);
          expect(abandoned).toHaveLength(1);
          const payload = abandoned[0]?.payload as { datasetsDiscarded: number; recordsDiscarded: number };
          expect(payload.datasetsDiscarded).toBe(1);
          expect(staged(payload.recordsDiscarded), `${payload.recordsDiscarded} records were staged`).toBe(
            true,
          );
          expect(notices).toContain(NOTICE);
        } else {
          // The kill came after the last commit: the import is whole, nothing was discarded.
          expect(killed && !alwaysMidRun).toBe(true);
          expect(stats).toMatchObject({ records: ROWS, people: ROWS / 2 });
          expect(abandoned).toEqual([]);
          expect(notices).not.toContain(NOTICE);
        }
      } finally {
        file.close();
      }

      // The recovery has run: verify passes, no journal is left, and a fresh import completes.
      const verified = await runCli(sandbox, ['verify', casePath, '--json']);
      expect(verified.status, verified.stderr + verified.stdout).toBe(0);
      await runCliOk(sandbox, importArgs(casePath));
      const after = openForCheck(casePath);
      try {
        const stats = rosterStats(after);
        expect(stats.people).toBe(ROWS / 2);
        expect(stats.records).toBe(stats.datasets.length * ROWS);
        expect(rosterIndexesComplete(after.db)).toBe(true);
        expect(describeOpenCase(after).notices).toEqual([]);
      } finally {
        after.close();
      }
    });
  }
});
