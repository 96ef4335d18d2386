/**
 * `breachdesk notices generate` killed with SIGKILL (issue 20): a run is recorded first (state
 * 'writing', with the temporary folder it writes into beside the target), its notices and the
 * activation codes it gives are staged in batches, its files are written into that folder, it is
 * recorded as written ('placing'), the folder is renamed into place, and it is marked done. A kill
 * at any moment must leave a case that opens through the normal path with nothing half-done: no
 * run still writing, none of its notices (the codes it gave are freed by the same step, tested in
 * test/db/notices.test.ts), no temporary folder, no partial
 * output at the target, notices.run_abandoned in the audit log and the recovery notice; the next
 * run then completes with every person in it.
 *
 * The moments are observed, never timed: the temporary folder appearing (the run is recorded and
 * its notices are being staged), e-mail files in it, a PDF batch in it.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iterateAuditEntries } from '../../main/casefile/repos/audit-repo';
import { describeOpenCase, openCase } from '../../main/services/case-service';
import { noticeStatus } from '../../main/services/notices/status-service';
import { testContext } from '../helpers/cases';
import { csvOf, rosterMapping } from '../helpers/roster';
import { useSharedTempDir, useTempDir } from '../helpers/temp-dir';
import { CRASH_PASSPHRASE, runCli, runCliOk, sandboxIn, startCli, type Sandbox } from './support/cli';
import { integrityCheck } from './support/oracle';
import { pollUntil } from './support/poll';

/** People reached by e-mail, and by post (two PDF batches of 500). */
const BY_EMAIL = 6_000;
const BY_POST = 700;
const PEOPLE = BY_EMAIL + BY_POST;
const NOTICE =
  'A notification run that was interrupted was discarded with its unfinished files; write it again.';
const PARTIAL = /\.breachdesk-partial-/;

const tempDir = useTempDir();
const sharedDir = useSharedTempDir();
let shared = '';
const outcomes: string[] = [];

function partialIn(dir: string): string | null {
  const name = readdirSync(dir).find((n) => PARTIAL.test(n));
  return name === undefined ? null : join(dir, name);
}

function countUnder(dir: string, pattern: RegExp): number {
  try {
    return (readdirSync(dir, { recursive: true }) as string[]).filter((n) => pattern.test(n)).length;
  } catch {
    return 0;
  }
}

const POINTS: Record<string, { point: (dir: string) => boolean; alwaysMidRun: boolean }> = {
  // The run is recorded and its temporary folder made; notices and codes are being staged.
  'as the notices are staged, before any file': {
    point: (dir) => {
      const temp = partialIn(dir);
      return temp !== null && countUnder(temp, /\.eml$/) === 0;
    },
    alwaysMidRun: true,
  },
  'while the e-mails are written': {
    point: (dir) => {
      const temp = partialIn(dir);
      return temp !== null && countUnder(temp, /\.eml$/) >= 200;
    },
    alwaysMidRun: true,
  },
  'while the print batches are written': {
    point: (dir) => {
      const temp = partialIn(dir);
      return temp !== null && countUnder(temp, /letters-\d+\.pdf$/) >= 1;
    },
    alwaysMidRun: true,
  },
};

function openForCheck(casePath: string) {
  return openCase(casePath, testContext('crash checker'), Buffer.from(CRASH_PASSPHRASE, 'utf8'));
}

beforeAll(async () => {
  shared = sharedDir();
  const rows: string[][] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const byPost = i >= BY_EMAIL;
    rows.push([
      `a${i}`,
      byPost ? '' : `user${i}@example.com`,
      `Person Number${i}`,
      byPost ? `${i} Main St` : '',
      byPost ? 'Fresno' : '',
      'CA',
      byPost ? '93650' : '',
      'US',
      `h${i}`,
    ]);
  }
  writeFileSync(
    join(shared, 'people.csv'),
    csvOf(
      ['account_id', 'email', 'full_name', 'street', 'city', 'region', 'zip', 'country', 'password'],
      rows,
    ),
  );
  writeFileSync(
    join(shared, 'mapping.json'),
    JSON.stringify(
      rosterMapping(
        {
          account_id: 'accountId',
          email: 'email',
          full_name: 'fullName',
          street: 'street',
          city: 'city',
          region: 'region',
          zip: 'postalCode',
          country: 'country',
        },
        { exposes: ['email', 'name'], exposesByColumn: { password: 'password' } },
      ),
    ),
  );
  const builder = sandboxIn(join(shared, 'builder'));
  const casePath = join(shared, 'case.bdcase');
  await runCliOk(builder, ['init', casePath, '--title', 'Notices crash', '--org', 'Sonora']);
  const at = { utc: '2026-03-02T09:00:00.000Z', zone: 'UTC', precision: 'exact', approximate: false };
  await runCliOk(builder, [
    'api',
    casePath,
    'facts.update',
    JSON.stringify({
      patch: {
        discoveredAt: at,
        awareAt: at,
        organisation: { role: 'controller', establishment: 'US', contactEmail: 'privacy@sonora.example' },
      },
    }),
  ]);
  await runCliOk(builder, [
    'roster',
    'import',
    casePath,
    join(shared, 'people.csv'),
    '--mapping',
    join(shared, 'mapping.json'),
  ]);
  const drafted = await runCliOk(builder, [
    'letter',
    'draft',
    casePath,
    '--obligation',
    'us-ca-individuals-2026',
    '--json',
  ]);
  const letterId = (JSON.parse(drafted.stdout) as { letter: { id: string } }).letter.id;
  await runCliOk(builder, ['letter', 'approve', casePath, letterId, '--override', 'Crash tier wording.']);
}, 240_000);

afterAll(() => {
  process.stdout.write(`crash notices generate\n  ${outcomes.join('\n  ')}\n`);
});

function caseIn(sandbox: Sandbox): string {
  const casePath = join(sandbox.dir, 'case.bdcase');
  copyFileSync(join(shared, 'case.bdcase'), casePath);
  return casePath;
}

describe('crash: notices generate', () => {
  for (const [name, { point, alwaysMidRun }] of Object.entries(POINTS)) {
    it(`killed ${name}`, { timeout: 180_000 }, async () => {
      const sandbox = sandboxIn(tempDir());
      const casePath = caseIn(sandbox);
      const out = join(sandbox.dir, 'notices');
      const run = startCli(sandbox, ['notices', 'generate', casePath, '--out', out]);
      if (await pollUntil(() => point(sandbox.dir), run.ended)) run.child.kill('SIGKILL');
      const outcome = await run.outcome;
      const killed = outcome.signal === 'SIGKILL';
      outcomes.push(`${name}: ${killed ? 'killed mid-run' : 'completed first'}`);
      if (alwaysMidRun) expect(killed, `the run ended first: ${outcome.stderr}`).toBe(true);

      // Nothing partial at the target: the kill left only the temporary folder beside it.
      expect(existsSync(out)).toBe(false);
      expect(integrityCheck(casePath, tempDir())).toBe('ok');

      const file = openForCheck(casePath);
      try {
        expect(partialIn(sandbox.dir), 'the temporary folder is removed on open').toBeNull();
        expect(file.db.prepare("SELECT count(*) FROM notice_runs WHERE state != 'done'").pluck().get()).toBe(
          0,
        );
        expect(file.db.prepare('SELECT count(*) FROM notices').pluck().get()).toBe(0);
        const abandoned = [...iterateAuditEntries(file.db)].filter(
          (e) => e.action === 'notices.run_abandoned',
        );
        expect(abandoned).toHaveLength(1);
        expect(describeOpenCase(file).notices).toContain(NOTICE);
        expect(noticeStatus(file, '2026-03-10').byStatus).toMatchObject({ to_do: PEOPLE, pending: 0 });
      } finally {
        file.close();
      }

      // The recovery has run: verify passes, and the next run writes every person's notice.
      const verified = await runCli(sandbox, ['verify', casePath, '--json']);
      expect(verified.status, verified.stderr + verified.stdout).toBe(0);
      await runCliOk(sandbox, ['notices', 'generate', casePath, '--out', out]);
      const manifest = readFileSync(join(out, 'manifest.csv'), 'utf8').trim().split('\r\n');
      expect(manifest).toHaveLength(PEOPLE + 1);
      expect(countUnder(out, /\.eml$/)).toBe(BY_EMAIL);
      expect(readdirSync(join(out, 'print')).filter((n) => n.endsWith('.pdf'))).toHaveLength(2);
      expect(partialIn(sandbox.dir)).toBeNull();
    });
  }
});
