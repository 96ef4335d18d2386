import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ROSTER_MAPPING_FORMAT,
  rosterMappingSchema,
  type RosterPerson,
  type RosterStats,
  type ReviewPair,
} from '../../shared/domain/roster';
import { fileOf, readBundle, SNAPSHOT } from '../helpers/bundle-edit';
import { withRawDb } from '../helpers/raw-db';
import { csvOf, rosterMapping } from '../helpers/roster';
import { runCliAs, type CliResult } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();

/** One installation per test: its own config folder (signing key for bundles). */
function installation(): { dir: string; cli: (args: string[]) => CliResult; casePath: string } {
  const dir = tempDir();
  const config = join(dir, 'config');
  mkdirSync(config);
  const cli = (args: string[]) => runCliAs(config, args);
  const casePath = join(dir, 'case.bdcase');
  expectExit(cli(['init', casePath, '--title', 'Roster', '--org', 'Sonora Streaming AB']), 0);
  return { dir, cli, casePath };
}

function expectExit(result: CliResult, status: number): CliResult {
  expect({ status: result.status, stderr: result.stderr }).toMatchObject({ status });
  return result;
}

/** Errors are one line on stderr, without a stack trace. */
function expectOneLineError(result: CliResult): void {
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

const HEADER = ['account_id', 'email', 'full_name', 'country', 'region', 'zip', 'phone', 'dob', 'password'];

/** Residency from each source, a merge by e-mail, a possible duplicate, and one bad row. */
const USERS_ROWS: string[][] = [
  ['u1', 'ann.lee@example.com', 'Ann Lee', 'US', 'CA', '', '', '1980-01-01', 'h1'],
  ['u2', 'bo.ray@example.com', 'Bo Ray', '', '', '10001', '', '1981-02-02', ''],
  ['u3', 'cy.dahl@example.com', 'Cy Dahl', '', '', '', '+33 1 23 45 67 89', '1982-03-03', 'h3'],
  ['u4', 'di.eng@example.com', 'Di Eng', '', '', '', '', '1983-04-04', ''],
  ['u5', 'eve.fox@example.com', 'Eve Fox', 'SE', '', '11122', '', '1990-05-05', ''],
  ['u6', 'eve.fox.2@example.com', 'Fox Eve', 'SE', '', '11122', '', '05.05.1990', ''],
  ['u7', 'ANN.LEE@example.com', 'Ann Lee', 'US', 'CA', '', '', '', ''],
];

function usersCsv(dir: string, bad = false): string {
  const path = join(dir, 'users.csv');
  const rows = bad ? [...USERS_ROWS, ['u8', 'short@example.com']] : USERS_ROWS;
  writeFileSync(path, csvOf(HEADER, rows));
  return path;
}

function usersMapping(dir: string): string {
  const path = join(dir, 'users-mapping.json');
  const mapping = rosterMapping(
    {
      account_id: 'accountId',
      email: 'email',
      full_name: 'fullName',
      country: 'country',
      region: 'region',
      zip: 'postalCode',
      phone: 'phone',
      dob: 'dateOfBirth',
    },
    { exposes: ['email', 'name'], exposesByColumn: { password: 'password' } },
  );
  writeFileSync(path, JSON.stringify(mapping, null, 2));
  return path;
}

function stats(cli: (args: string[]) => CliResult, casePath: string): RosterStats {
  return JSON.parse(expectExit(cli(['roster', 'stats', casePath, '--json']), 0).stdout) as RosterStats;
}

describe('breachdesk roster', () => {
  it('suggest-mapping prints a valid mapping for the file', { timeout: 60_000 }, () => {
    const { dir, cli, casePath } = installation();
    const data = usersCsv(dir);
    const result = expectExit(cli(['roster', 'suggest-mapping', casePath, data]), 0);
    const mapping = rosterMappingSchema.parse(JSON.parse(result.stdout));
    expect(mapping.format).toBe(ROSTER_MAPPING_FORMAT);
    expect(mapping.columns).toMatchObject({ email: 'email', account_id: 'accountId' });
    expect(mapping.delimiter).toBe(',');
    // The proposal imports as it is.
    const saved = join(dir, 'suggested.json');
    writeFileSync(saved, result.stdout);
    expectExit(cli(['roster', 'import', casePath, data, '--mapping', saved]), 0);
    expect(stats(cli, casePath).records).toBe(USERS_ROWS.length);
  });

  it('imports, counts, finds (masked unless --reveal), reviews, purges', { timeout: 60_000 }, () => {
    const { dir, cli, casePath } = installation();
    const data = usersCsv(dir, true);
    const report = join(dir, 'skipped.csv');
    const imported = expectExit(
      cli(['roster', 'import', casePath, data, '--mapping', usersMapping(dir), '--skipped-report', report]),
      0,
    );
    expect(imported.stdout).toMatch(/Skipped\s+1\b/);
    expect(imported.stdout).toContain('line 9: The row has 2 fields; the header has 9.');
    expect(readFileSync(report, 'utf8')).toBe('line,message\n9,"The row has 2 fields; the header has 9."\n');

    const counted = stats(cli, casePath);
    // u1 and u7 share an e-mail; u5 and u6 are only a possible duplicate.
    expect(counted).toMatchObject({
      people: 6,
      records: 7,
      reviewQueue: 1,
      byJurisdiction: { 'US-CA': 1, 'US-NY': 1, FR: 1, unknown: 1, SE: 2 },
      residencySource: { column: 3, postalCode: 1, phone: 1, unknown: 1 },
      byElements: { 'email+name+password': 2, 'email+name': 4 },
      purgedAt: null,
    });
    expect(counted.datasets.map((d) => [d.name, d.rows, d.skipped])).toEqual([['users.csv', 8, 1]]);

    const masked = expectExit(cli(['roster', 'find', casePath, '--email', 'Ann.Lee@Example.com']), 0).stdout;
    expect(masked).toContain('Residency: US-CA (from column)');
    expect(masked).toContain('a•••@e•••.com');
    expect(masked).not.toContain('ann.lee@example.com');
    expect(masked).not.toContain('Ann Lee');
    const revealed = expectExit(
      cli(['roster', 'find', casePath, '--email', 'ann.lee@example.com', '--reveal']),
      0,
    ).stdout;
    expect(revealed).toContain('ann.lee@example.com');
    expect(revealed).toContain('Ann Lee');
    const found = JSON.parse(
      expectExit(cli(['roster', 'find', casePath, '--account', 'u1', '--json']), 0).stdout,
    ) as RosterPerson[];
    expect(found).toHaveLength(1);
    expect(found[0]?.records).toHaveLength(2);
    expect(expectExit(cli(['roster', 'find', casePath, '--email', 'nobody@example.com']), 0).stdout).toBe(
      'No one in the roster has that value.\n',
    );

    const pairs = JSON.parse(
      expectExit(cli(['roster', 'review', casePath, '--json']), 0).stdout,
    ) as ReviewPair[];
    expect(pairs).toHaveLength(1);
    const listed = expectExit(cli(['roster', 'review', casePath]), 0).stdout;
    expect(listed).toContain(`Pair ${pairs[0]?.id}`);
    expect(listed).not.toContain('Eve Fox');
    const merged = expectExit(cli(['roster', 'review', casePath, '--merge', String(pairs[0]?.id)]), 0);
    expect(merged.stdout).toBe(`Pair ${pairs[0]?.id}: merged; 5 people.\n`);
    expect(stats(cli, casePath)).toMatchObject({ people: 5, reviewQueue: 0, byJurisdiction: { SE: 1 } });

    const refused = expectExit(cli(['roster', 'purge', casePath]), 1);
    expectOneLineError(refused);
    expect(refused.stderr).toContain('add --yes to confirm');
    expect(stats(cli, casePath).records).toBe(7);
    expectExit(cli(['roster', 'purge', casePath, '--yes']), 0);
    const purged = stats(cli, casePath);
    expect(purged).toMatchObject({ people: 5, records: 0 });
    expect(purged.purgedAt).not.toBeNull();
    expect(expectExit(cli(['roster', 'find', casePath, '--account', 'u1']), 0).stdout).toBe(
      'No one in the roster has that value.\n',
    );
  });

  it('--scope-of limits a dataset to the people its scope names', { timeout: 60_000 }, () => {
    const { dir, cli, casePath } = installation();
    expectExit(cli(['roster', 'import', casePath, usersCsv(dir), '--mapping', usersMapping(dir)]), 0);
    const log = join(dir, 'access.jsonl');
    writeFileSync(log, '{"user": "u1"}\n{"user": "u3"}\n{"user": "stranger"}\n');
    const logMapping = join(dir, 'access-mapping.json');
    writeFileSync(logMapping, JSON.stringify(rosterMapping({ user: 'accountId' })));
    const scoped = JSON.parse(
      expectExit(
        cli([
          'roster',
          'import',
          casePath,
          log,
          '--mapping',
          logMapping,
          '--scope-of',
          'users.csv',
          '--json',
        ]),
        0,
      ).stdout,
    ) as { people: number; outOfScope: number };
    expect(scoped).toMatchObject({ people: 2, outOfScope: 4 });
    expect(stats(cli, casePath)).toMatchObject({ people: 2, byJurisdiction: { 'US-CA': 1, FR: 1 } });
  });

  it('refuses a bad mapping file with exit 2 and one sentence', { timeout: 60_000 }, () => {
    const { dir, cli, casePath } = installation();
    const data = usersCsv(dir);
    const notJson = join(dir, 'not-json.json');
    writeFileSync(notJson, '{ "format": ');
    const unreadable = expectExit(cli(['roster', 'import', casePath, data, '--mapping', notJson]), 2);
    expectOneLineError(unreadable);
    expect(unreadable.stderr).toContain(`${JSON.stringify(notJson)} cannot be read as JSON.`);

    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ format: ROSTER_MAPPING_FORMAT, columns: { email: 'shoe size' } }));
    const invalid = expectExit(cli(['roster', 'import', casePath, data, '--mapping', wrong]), 2);
    expectOneLineError(invalid);
    expect(invalid.stderr).toContain(`${JSON.stringify(wrong)} is not a roster mapping (at columns.email)`);

    const missing = join(dir, 'missing-column.json');
    writeFileSync(missing, JSON.stringify(rosterMapping({ shoe_size: 'language' })));
    const absent = expectExit(cli(['roster', 'import', casePath, data, '--mapping', missing]), 2);
    expectOneLineError(absent);
    expect(absent.stderr).toContain('The mapping names a column the file does not have: "shoe_size".');
    expect(stats(cli, casePath)).toMatchObject({ people: 0, records: 0, datasets: [] });
  });

  it('bundle export carries the records only with --roster', { timeout: 60_000 }, async () => {
    const { dir, cli, casePath } = installation();
    expectExit(cli(['roster', 'import', casePath, usersCsv(dir), '--mapping', usersMapping(dir)]), 0);
    const rowsIn = async (bundle: string) => {
      const snapshot = join(tempDir(), 'snapshot.bdcase');
      writeFileSync(snapshot, fileOf(await readBundle(bundle), SNAPSHOT));
      return withRawDb(snapshot, (db) => ({
        groups: db.prepare('SELECT count(*) FROM roster_groups').pluck().get() as number,
        records: db.prepare('SELECT count(*) FROM roster_records').pluck().get() as number,
      }));
    };
    const without = join(dir, 'without.zip');
    expectExit(cli(['bundle', 'export', casePath, '-o', without]), 0);
    const counts = await rowsIn(without);
    expect(counts.groups).toBeGreaterThan(0);
    expect(counts.records).toBe(0);
    const withRoster = join(dir, 'with.zip');
    expectExit(cli(['bundle', 'export', casePath, '-o', withRoster, '--roster']), 0);
    expect(await rowsIn(withRoster)).toEqual({ groups: counts.groups, records: USERS_ROWS.length });
  });
});
