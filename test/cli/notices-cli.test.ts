import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NoticePlan, NoticeRun, NoticeStatusView } from '../../shared/domain/notices';
import { csvOf, rosterMapping } from '../helpers/roster';
import { runCliAs, type CliResult } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();

function expectExit(result: CliResult, status: number): CliResult {
  expect({ status: result.status, stderr: result.stderr }).toMatchObject({ status });
  return result;
}

/** A case with four Californians whose passwords were exposed, and one letter answering their notice. */
function prepared(): { dir: string; cli: (args: string[]) => CliResult; casePath: string; letterId: string } {
  const dir = tempDir();
  const config = join(dir, 'config');
  mkdirSync(config);
  const cli = (args: string[]) => runCliAs(config, args);
  const casePath = join(dir, 'case.bdcase');
  expectExit(cli(['init', casePath, '--title', 'Notices', '--org', 'Sonora Streaming AB']), 0);
  const at = { utc: '2026-03-02T09:00:00.000Z', zone: 'UTC', precision: 'exact', approximate: false };
  expectExit(
    cli([
      'api',
      casePath,
      'facts.update',
      JSON.stringify({
        patch: {
          discoveredAt: at,
          awareAt: at,
          summary: 'A partner could read account data.',
          organisation: { role: 'controller', establishment: 'US', contactEmail: 'privacy@sonora.example' },
        },
      }),
    ]),
    0,
  );
  const people = join(dir, 'people.csv');
  writeFileSync(
    people,
    csvOf(
      ['account_id', 'email', 'full_name', 'street', 'city', 'region', 'zip', 'country', 'password'],
      [
        ['a1', 'ann.avery@example.com', 'Ann Avery', '1 Main St', 'Fresno', 'CA', '93650', 'US', 'h1'],
        ['a2', 'bob.baker@example.com', 'Bob Baker', '', '', 'CA', '', 'US', 'h2'],
        ['a3', '', 'Cy Coleman', '3 Oak Ave', 'Davis', 'CA', '95616', 'US', 'h3'],
        ['a4', '', 'Di Dunn', '', '', 'CA', '', 'US', 'h4'],
      ],
    ),
  );
  const mapping = join(dir, 'mapping.json');
  writeFileSync(
    mapping,
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
  expectExit(cli(['roster', 'import', casePath, people, '--mapping', mapping]), 0);
  const drafted = JSON.parse(
    expectExit(cli(['letter', 'draft', casePath, '--obligation', 'us-ca-individuals-2026', '--json']), 0)
      .stdout,
  ) as { letter: { id: string } };
  return { dir, cli, casePath, letterId: drafted.letter.id };
}

describe('breachdesk letter approve and notices', () => {
  it('plans, refuses without an approved letter, writes a run with its manifest, tracks and reports status', () => {
    const { dir, cli, casePath, letterId } = prepared();
    const before = JSON.parse(
      expectExit(cli(['notices', 'plan', casePath, '--json']), 0).stdout,
    ) as NoticePlan;
    expect(before.withoutLetter).toEqual([
      expect.objectContaining({ ruleId: 'us-ca-individuals-2026', people: 4 }),
    ]);
    const refused = expectExit(cli(['notices', 'generate', casePath, '--out', join(dir, 'none')]), 2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'none'))).toBe(false);

    // The draft's checks fail on this sparse case: approval needs a reason, as in the app.
    const failed = expectExit(cli(['letter', 'approve', casePath, letterId]), 2);
    expect(failed.stderr).toMatch(/checks? fail/);
    expect(
      expectExit(cli(['letter', 'approve', casePath, letterId, '--override', 'Test wording agreed.']), 0)
        .stdout,
    ).toMatch(/^Approved /);

    const plan = JSON.parse(expectExit(cli(['notices', 'plan', casePath, '--json']), 0).stdout) as NoticePlan;
    expect(plan.byChannel).toEqual({ email: 2, post: 1, unreachable: 1 });
    expect(plan.byTemplate).toEqual({ 'ca-individual-notice': 3 });
    expect(plan.byJurisdiction['US-CA']).toMatchObject({ people: 4 });
    expect(expectExit(cli(['notices', 'plan', casePath]), 0).stdout).toMatch(
      /e-mail 2 · post 1 · unreachable 1/,
    );

    const out = join(dir, 'run');
    const run = JSON.parse(
      expectExit(cli(['notices', 'generate', casePath, '--out', out, '--json']), 0).stdout,
    ) as NoticeRun;
    expect(run.notices).toBe(4);
    const manifest = readFileSync(join(out, 'manifest.csv'), 'utf8').trim().split('\r\n');
    expect(manifest[0]).toBe('personId,address,file,sha256');
    expect(manifest.filter((l) => l.endsWith('.eml') || /\.eml,/.test(l))).toHaveLength(2);
    expect(readdirSync(join(out, 'print'))).toEqual(['letters-0001.pdf', 'mailhouse-manifest.csv']);

    const bounces = join(dir, 'bounces.csv');
    writeFileSync(bounces, csvOf(['email', 'status'], [['ann.avery@example.com', 'hard bounce']]));
    expect(expectExit(cli(['notices', 'track', casePath, bounces]), 0).stdout).toMatch(/Matched\s+1/);
    const status = JSON.parse(
      expectExit(cli(['notices', 'status', casePath, '--json']), 0).stdout,
    ) as NoticeStatusView;
    expect(status.byStatus).toMatchObject({ pending: 2, bounced: 1, unreachable: 1 });
    expect(status.runs).toHaveLength(1);
    expect(status.substitute[0]).toMatchObject({
      ruleId: 'us-ca-individuals-2026',
      unreached: 2,
      available: 'yes',
    });

    // A bad option is a usage error on one line.
    const bad = expectExit(
      cli(['notices', 'generate', casePath, '--out', join(dir, 'x'), '--format', 'fax']),
      1,
    );
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('stops a run when activation codes run out, before anything is written', () => {
    const { dir, cli, casePath, letterId } = prepared();
    expectExit(cli(['letter', 'approve', casePath, letterId, '--override', 'Agreed.']), 0);
    expectExit(
      cli(['notices', 'settings', casePath, '--offer', 'Credit monitoring', '--enrol-by', '2026-09-30']),
      0,
    );
    const codes = join(dir, 'codes.csv');
    writeFileSync(codes, csvOf(['code', 'expires'], [['ZX-1', '2027-01-01']]));
    expect(expectExit(cli(['notices', 'codes', casePath, codes]), 0).stdout).toMatch(/Imported 1 codes/);
    const out = join(dir, 'run');
    const refused = expectExit(cli(['notices', 'generate', casePath, '--out', out]), 2);
    expect(refused.stderr).toMatch(
      /does not merge the activation code|more activation codes? (is|are) needed/,
    );
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(join(dir, 'codes.csv'), 'utf8')).toContain('ZX-1');
  });
});
