import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataElementInputSchema } from '../../shared/domain/data-elements';
import type { JobProgress } from '../../shared/domain/evidence';
import type { RosterStats } from '../../shared/domain/roster';
import type { CaseFile } from '../../main/casefile/case-file';
import { iterateAuditEntries } from '../../main/casefile/repos/audit-repo';
import { rosterIndexesComplete, stagingDatasetSeqs } from '../../main/casefile/repos/roster-repo';
import type { EventSink } from '../../main/ipc/host-deps';
import { openCase } from '../../main/services/case-service';
import { createRecord } from '../../main/services/collection-service';
import { updateFacts } from '../../main/services/facts-service';
import type { Job } from '../../main/services/jobs';
import { createLetter } from '../../main/services/letters/letters-service';
import { obligationsBoard } from '../../main/services/obligations/obligations-service';
import { setPopulation } from '../../main/services/population-service';
import { dataElementSpec } from '../../main/services/record-specs';
import {
  decideReviewPair,
  findPeople,
  purgeRoster,
  reviewQueue,
  rosterStats,
} from '../../main/services/roster/roster-service';
import { exportTo, keysIn } from '../helpers/bundles';
import { readBundle, fileOf, SNAPSHOT } from '../helpers/bundle-edit';
import { makeCase, makeEncryptedCase, TEST_PASSPHRASE, testContext } from '../helpers/cases';
import { withRawDb } from '../helpers/raw-db';
import {
  auditActionsOf,
  csvOf,
  importRoster,
  rosterJob,
  rosterMapping,
  stringsIn,
  writeDataset,
} from '../helpers/roster';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();

/** A fresh plaintext case and its context. */
function freshCase(): { dir: string; file: CaseFile; ctx: ReturnType<typeof testContext> } {
  const dir = tempDir();
  const ctx = testContext();
  return { dir, file: makeCase(dir, 'case.bdcase', ctx), ctx };
}

/** What must hold after an import that added nothing: the same counts, no staging, indexes whole. */
function expectNothingAdded(file: CaseFile, before: RosterStats): void {
  expect(rosterStats(file)).toEqual(before);
  expect(stagingDatasetSeqs(file.db)).toEqual([]);
  expect(rosterIndexesComplete(file.db)).toBe(true);
}

const USERS = rosterMapping({ account_id: 'accountId', email: 'email', full_name: 'fullName' });

describe('roster import: readers', () => {
  it('reads CSV with quotes, doubled quotes, embedded line breaks, and detects ";" as the separator', async () => {
    const { dir, file, ctx } = freshCase();
    const path = writeDataset(
      dir,
      'users.csv',
      [
        'account_id;email;full_name',
        'a1;"ann@example.com";"Ann ""Nan"" Lee"',
        'a2;bob@example.com;"Bob',
        'Smith"',
        'a3;carl@example.com;"Doe; Carl"',
        '',
      ].join('\r\n'),
    );
    const result = await importRoster(file, ctx, path, USERS);
    expect(result.dataset.format).toBe('csv');
    expect(result.imported).toBe(3);
    expect(result.skipped).toEqual([]);
    expect(result.people).toBe(3);
    const [ann] = findPeople(file, 'email', 'ann@example.com');
    expect(ann?.records[0]?.values).toEqual({
      accountId: 'a1',
      email: 'ann@example.com',
      fullName: 'Ann "Nan" Lee',
    });
    const [bob] = findPeople(file, 'account', 'a2');
    expect(bob?.records[0]).toMatchObject({ line: 3, values: { fullName: 'Bob\r\nSmith' } });
    const [carl] = findPeople(file, 'email', 'carl@example.com');
    // The quoted line break moved Carl to line 5, and his name kept its separator.
    expect(carl?.records[0]).toMatchObject({ line: 5, values: { fullName: 'Doe; Carl' } });
    expect(rosterStats(file)).toMatchObject({ people: 3, records: 3 });
    file.close();
  });

  it('reads TSV by its extension', async () => {
    const { dir, file, ctx } = freshCase();
    const path = writeDataset(
      dir,
      'users.tsv',
      csvOf(
        ['account_id', 'email', 'full_name'],
        [
          ['t1', 'tia@example.com', 'Tia, Maria'],
          ['t2', 'tom@example.com', 'Tom Berg'],
        ],
        '\t',
      ),
    );
    const result = await importRoster(file, ctx, path, USERS);
    expect(result.imported).toBe(2);
    expect(findPeople(file, 'account', 't1')[0]?.records[0]?.values.fullName).toBe('Tia, Maria');
    file.close();
  });

  it('reads JSON Lines, printing numbers as text, and reports a line that is not an object by its number', async () => {
    const { dir, file, ctx } = freshCase();
    const path = writeDataset(
      dir,
      'users.jsonl',
      [
        '{"account_id": 42, "email": "jo@example.com", "full_name": "Jo Park"}',
        '',
        '[1, 2, 3]',
        '{"account_id": "k2", "email": "kim@example.com"}',
        '{"account_id": "k3", "email": ',
        '',
      ].join('\n'),
    );
    const result = await importRoster(file, ctx, path, USERS);
    expect(result.dataset.format).toBe('jsonl');
    expect(result.imported).toBe(2);
    expect(result.skipped).toEqual([
      { line: 3, message: 'The line is not a JSON object.' },
      { line: 5, message: 'The line is not a JSON object.' },
    ]);
    expect(result.dataset.skipped).toBe(2);
    expect(findPeople(file, 'account', '42')[0]?.records[0]).toMatchObject({
      line: 1,
      values: { accountId: '42', fullName: 'Jo Park' },
    });
    expect(findPeople(file, 'email', 'kim@example.com')[0]?.records[0]?.line).toBe(4);
    file.close();
  });

  it('reads a table of a SQLite file', async () => {
    const { dir, file, ctx } = freshCase();
    const path = join(dir, 'export.sqlite');
    const source = new BetterSqlite3(path);
    source.exec('CREATE TABLE audit_noise (x TEXT); CREATE TABLE users (uid INTEGER, mail TEXT, name TEXT)');
    const insert = source.prepare('INSERT INTO users VALUES (?, ?, ?)');
    insert.run(1001, 'sql.one@example.com', 'Sequel One');
    insert.run(1002, 'sql.two@example.com', null);
    source.close();
    const mapping = rosterMapping({ uid: 'accountId', mail: 'email', name: 'fullName' }, { table: 'users' });
    const result = await importRoster(file, ctx, path, mapping);
    expect(result.dataset.format).toBe('sqlite');
    expect(result.imported).toBe(2);
    expect(findPeople(file, 'account', '1001')[0]?.records[0]?.values).toEqual({
      accountId: '1001',
      email: 'sql.one@example.com',
      fullName: 'Sequel One',
    });
    expect(findPeople(file, 'email', 'sql.two@example.com')[0]?.records[0]?.values.fullName).toBeUndefined();
    file.close();
  });

  it('detects a windows-1252 CSV and a UTF-16LE file with a byte-order mark', async () => {
    const { dir, file, ctx } = freshCase();
    const text = csvOf(
      ['account_id', 'email', 'full_name'],
      [
        ['w1', 'renee@example.com', 'Renée Müller'],
        ['w2', 'nuno@example.com', 'Nuño Ångström'],
      ],
    );
    // Every character above is in Latin-1, where windows-1252 agrees with it byte for byte.
    const legacy = writeDataset(dir, 'legacy.csv', Buffer.from(text, 'latin1'));
    await importRoster(file, ctx, legacy, USERS);
    expect(findPeople(file, 'account', 'w1')[0]?.records[0]?.values.fullName).toBe('Renée Müller');
    expect(findPeople(file, 'account', 'w2')[0]?.records[0]?.values.fullName).toBe('Nuño Ångström');

    const wide = csvOf(['account_id', 'email', 'full_name'], [['u1', 'zoe@example.com', 'Zoë Ørsted-Çelik']]);
    const utf16 = writeDataset(
      dir,
      'wide.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(wide, 'utf16le')]),
    );
    const result = await importRoster(file, ctx, utf16, USERS);
    expect(result.imported).toBe(1);
    // The byte-order mark is not part of the first column's name, so "account_id" was found.
    expect(findPeople(file, 'account', 'u1')[0]?.records[0]?.values).toEqual({
      accountId: 'u1',
      email: 'zoe@example.com',
      fullName: 'Zoë Ørsted-Çelik',
    });
    file.close();
  });
});

describe('roster import: bad rows, refusals, cancel', () => {
  const badCsv = csvOf(
    ['account_id', 'email', 'full_name'],
    [
      ['b1', 'b1@example.com', 'One'],
      ['b2', 'b2@example.com'],
      ['b3', 'b3@example.com', 'Three'],
      ['b4', 'b4@example.com', 'Four', 'extra'],
    ],
  );

  it('skips rows that cannot be read and lists them by line', async () => {
    const { dir, file, ctx } = freshCase();
    const path = writeDataset(dir, 'bad.csv', badCsv);
    const result = await importRoster(file, ctx, path, USERS, { onBadRow: 'skip' });
    expect(result.skipped).toEqual([
      { line: 3, message: 'The row has 2 fields; the header has 3.' },
      { line: 5, message: 'The row has 4 fields; the header has 3.' },
    ]);
    expect(result.dataset.skipped).toBe(2);
    expect(result.dataset.rows).toBe(4);
    expect(result.imported).toBe(2);
    expect(rosterStats(file)).toMatchObject({ people: 2, records: 2 });
    file.close();
  });

  it('stops at the first bad row when asked, adding nothing', async () => {
    const { dir, file, ctx } = freshCase();
    const before = rosterStats(file);
    const path = writeDataset(dir, 'bad.csv', badCsv);
    const refused = importRoster(file, ctx, path, USERS, { onBadRow: 'stop' });
    await expect(refused).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(refused).rejects.toThrow(
      /^Line 3: The row has 2 fields; the header has 3\. The import stopped; nothing was added to the roster\.$/,
    );
    expectNothingAdded(file, before);
    expect(auditActionsOf(file)).toContain('roster.import_failed');
    expect(auditActionsOf(file)).not.toContain('roster.imported');
    file.close();
  });

  it('refuses a mapping that names a column the file lacks, naming the column', async () => {
    const { dir, file, ctx } = freshCase();
    const before = rosterStats(file);
    const path = writeDataset(dir, 'users.csv', csvOf(['account_id', 'email'], [['m1', 'm1@example.com']]));
    const mapping = rosterMapping({ account_id: 'accountId', shoe_size: 'language' });
    await expect(importRoster(file, ctx, path, mapping)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'The mapping names a column the file does not have: "shoe_size".',
    });
    expectNothingAdded(file, before);
    file.close();
  });

  it('refuses an empty file and a file with only a header', async () => {
    const { dir, file, ctx } = freshCase();
    const before = rosterStats(file);
    for (const [name, content] of [
      ['empty.csv', ''],
      ['header.csv', 'account_id,email,full_name\n'],
    ] as const) {
      const path = writeDataset(dir, name, content);
      await expect(importRoster(file, ctx, path, USERS), name).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: 'The file has no rows that could be read; nothing was added to the roster.',
      });
      expectNothingAdded(file, before);
    }
    file.close();
  });

  it('cancels mid-import on a large file: nothing added, the key indexes are back', async () => {
    const { dir, file, ctx } = freshCase();
    const rows: string[][] = [];
    for (let i = 0; i < 100_000; i++) rows.push([`c${i}`, `person${i}@example.com`, `Person ${i}`]);
    const path = writeDataset(dir, 'big.csv', csvOf(['account_id', 'email', 'full_name'], rows));
    const progress: JobProgress[] = [];
    let job: Job | null = null;
    const events: EventSink = {
      emit: (event, payload) => {
        if (event !== 'job.progress') return;
        const update = payload as JobProgress;
        progress.push(update);
        // Cancel once rows are arriving: the first progress that counts some.
        if (update.doneItems > 0) job?.cancel();
      },
    };
    job = rosterJob(events);
    await expect(importRoster(file, ctx, path, USERS, {}, job)).rejects.toMatchObject({
      code: 'CANCELLED',
      message: 'Import cancelled; nothing was added to the roster.',
    });
    expect(progress.some((p) => p.doneItems > 0 && p.doneItems < 100_000)).toBe(true);
    expect(rosterStats(file)).toMatchObject({ people: 0, records: 0, datasets: [] });
    expect(file.db.prepare('SELECT count(*) FROM roster_records').pluck().get()).toBe(0);
    expect(stagingDatasetSeqs(file.db)).toEqual([]);
    expect(rosterIndexesComplete(file.db)).toBe(true);
    expect(auditActionsOf(file)).toContain('roster.import_cancelled');
    file.close();
  });
});

describe('roster import: people', () => {
  it('merges by account id, e-mail (any case) and phone (any format, same E.164)', async () => {
    const { dir, file, ctx } = freshCase();
    const mapping = rosterMapping({
      account_id: 'accountId',
      email: 'email',
      phone: 'phone',
      country: 'country',
    });
    const header = ['account_id', 'email', 'phone', 'country'];
    const users = writeDataset(
      dir,
      'users.csv',
      csvOf(header, [
        ['u1', 'ann@example.com', '', 'US'],
        ['u2', 'bob@example.com', '+1 415 555 0100', 'US'],
        ['u3', 'carl@example.com', '', 'US'],
      ]),
    );
    const crm = writeDataset(
      dir,
      'crm.csv',
      csvOf(header, [
        ['u1', '', '', 'US'],
        ['', 'CARL@Example.COM', '', 'US'],
        ['', '', '(415) 555-0100', 'US'],
        ['', 'dana@example.com', '', 'US'],
      ]),
    );
    expect((await importRoster(file, ctx, users, mapping)).people).toBe(3);
    const second = await importRoster(file, ctx, crm, mapping);
    expect(second.people).toBe(4);
    expect(rosterStats(file)).toMatchObject({ people: 4, records: 7 });
    expect(findPeople(file, 'account', 'u1')[0]?.records.map((r) => r.dataset)).toEqual([
      'users.csv',
      'crm.csv',
    ]);
    expect(findPeople(file, 'email', 'Carl@example.com')[0]?.records).toHaveLength(2);
    const bob = findPeople(file, 'phone', '+14155550100');
    expect(bob).toHaveLength(1);
    expect(bob[0]?.records.map((r) => r.values.phone)).toEqual(['+1 415 555 0100', '(415) 555-0100']);
    file.close();
  });

  it('suggests same name, birth date and postal code for review; merge and keep-apart decisions last', async () => {
    const { dir, file, ctx } = freshCase();
    const mapping = rosterMapping({
      email: 'email',
      full_name: 'fullName',
      dob: 'dateOfBirth',
      zip: 'postalCode',
    });
    const header = ['email', 'full_name', 'dob', 'zip'];
    const path = writeDataset(
      dir,
      'people.csv',
      csvOf(header, [
        ['eve.a@example.com', 'Eve Adams', '1990-01-02', '94105'],
        ['eve.b@example.com', 'ADAMS Eve', '01/02/1990', '94105'],
        ['frank.a@example.com', 'Frank Ocean', '1985-05-05', '10001'],
        ['frank.b@example.com', 'Frank Ocean', '05.05.1985', '10001'],
      ]),
    );
    await importRoster(file, ctx, path, mapping);
    expect(rosterStats(file)).toMatchObject({ people: 4, reviewQueue: 2 });
    const pairs = reviewQueue(file);
    const eve = pairs.find((p) => p.first.values.email === 'eve.a@example.com');
    const frank = pairs.find((p) => p.first.values.email === 'frank.a@example.com');
    expect(eve?.second.values.email).toBe('eve.b@example.com');
    expect(frank?.second.values.email).toBe('frank.b@example.com');

    const merged = decideReviewPair(file, ctx, eve!.id, 'merge');
    expect(merged).toMatchObject({ people: 3, reviewQueue: 1 });
    expect(findPeople(file, 'email', 'eve.b@example.com')[0]?.records).toHaveLength(2);
    const apart = decideReviewPair(file, ctx, frank!.id, 'apart');
    expect(apart).toMatchObject({ people: 3, reviewQueue: 0 });
    expect(() => decideReviewPair(file, ctx, frank!.id, 'merge')).toThrow(/already been decided/);

    // Another import builds the people again: the decisions stand, the pair is not asked again.
    const more = writeDataset(
      dir,
      'more.csv',
      csvOf(header, [['gus@example.com', 'Gus Grant', '1970-07-07', '60601']]),
    );
    await importRoster(file, ctx, more, mapping);
    expect(rosterStats(file)).toMatchObject({ people: 4, reviewQueue: 0 });
    expect(reviewQueue(file)).toEqual([]);
    expect(auditActionsOf(file)).toEqual(
      expect.arrayContaining(['roster.review_merged', 'roster.review_kept_apart']),
    );
    file.close();
  });

  it('counts only the people of a directory whose account appears in its scope (an access log)', async () => {
    const { dir, file, ctx } = freshCase();
    const directory = writeDataset(
      dir,
      'directory.csv',
      csvOf(
        ['account_id', 'email', 'country'],
        [
          ['d1', 'd1@example.com', 'SE'],
          ['d2', 'd2@example.com', 'SE'],
          ['d3', 'd3@example.com', 'FR'],
          ['d4', 'd4@example.com', 'DE'],
        ],
      ),
    );
    await importRoster(
      file,
      ctx,
      directory,
      rosterMapping({ account_id: 'accountId', email: 'email', country: 'country' }, { exposes: ['email'] }),
    );
    expect(rosterStats(file).people).toBe(4);
    const log = writeDataset(
      dir,
      'access.jsonl',
      ['{"user": "d1", "at": "x"}', '{"user": "d3"}', '{"user": "d1"}', '{"user": "nobody"}', ''].join('\n'),
    );
    const scoped = await importRoster(file, ctx, log, rosterMapping({ user: 'accountId' }), {
      scopeOf: 'directory.csv',
    });
    expect(scoped).toMatchObject({ people: 2, outOfScope: 2 });
    const stats = rosterStats(file);
    expect(stats).toMatchObject({ people: 2, byJurisdiction: { SE: 1, FR: 1 } });
    expect(stats.datasets.find((d) => d.name === 'access.jsonl')?.scopeOf).toBe(
      stats.datasets.find((d) => d.name === 'directory.csv')?.id,
    );
    expect(findPeople(file, 'account', 'd2')[0]).toMatchObject({ affected: false });
    expect(findPeople(file, 'account', 'd3')[0]).toMatchObject({ affected: true });
    // A scope is not a dataset of people, and a scope of a scope is refused.
    await expect(
      importRoster(file, ctx, log, rosterMapping({ user: 'accountId' }), { scopeOf: 'access.jsonl' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      importRoster(file, ctx, log, rosterMapping({ user: 'accountId' }), { scopeOf: 'no such dataset' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    file.close();
  });

  it('counts where residency came from: column, postal code, phone, unknown', async () => {
    const { dir, file, ctx } = freshCase();
    const path = writeDataset(
      dir,
      'residents.csv',
      csvOf(
        ['account_id', 'country', 'region', 'zip', 'phone'],
        [
          ['r1', 'US', 'CA', '', ''],
          ['r2', '', '', '10001', ''],
          ['r3', '', '', '', '+33 1 23 45 67 89'],
          ['r4', '', '', '', ''],
        ],
      ),
    );
    const mapping = rosterMapping({
      account_id: 'accountId',
      country: 'country',
      region: 'region',
      zip: 'postalCode',
      phone: 'phone',
    });
    await importRoster(file, ctx, path, mapping);
    const stats = rosterStats(file);
    expect(stats.residencySource).toEqual({ column: 1, postalCode: 1, phone: 1, unknown: 1 });
    expect(stats.byJurisdiction).toEqual({ 'US-CA': 1, 'US-NY': 1, FR: 1, unknown: 1 });
    file.close();
  });

  it("counts exposed elements from the dataset and from each row's non-empty columns", async () => {
    const { dir, file, ctx } = freshCase();
    const path = writeDataset(
      dir,
      'leak.csv',
      csvOf(
        ['account_id', 'password_hash', 'ssn'],
        [
          ['e1', 'x1', '123-45-6789'],
          ['e2', 'x2', ''],
          ['e3', '', ''],
          ['e4', '  ', ''],
        ],
      ),
    );
    const mapping = rosterMapping(
      { account_id: 'accountId' },
      { exposes: ['email'], exposesByColumn: { password_hash: 'password', ssn: 'ssn' } },
    );
    await importRoster(file, ctx, path, mapping);
    expect(rosterStats(file).byElements).toEqual({ 'email+password+ssn': 1, 'email+password': 1, email: 2 });
    expect(findPeople(file, 'account', 'e2')[0]?.elements).toEqual(['email', 'password']);
    file.close();
  });
});

describe('roster counts drive the obligations', () => {
  it("counts in California's resident notice only those whose password was exposed; a hand-entered row overrides", async () => {
    const { dir, file, ctx } = freshCase();
    const at = {
      utc: '2026-03-02T09:00:00.000Z',
      zone: 'UTC',
      precision: 'exact',
      approximate: false,
    } as const;
    updateFacts(
      file,
      { discoveredAt: at, awareAt: at, organisation: { role: 'controller', establishment: 'US' } },
      ctx,
    );
    const rows: string[][] = [];
    for (let i = 0; i < 5; i++)
      rows.push([`ca${i}`, `ca${i}@example.com`, 'US', 'CA', i < 3 ? `hash${i}` : '']);
    const path = writeDataset(
      dir,
      'ca.csv',
      csvOf(['account_id', 'email', 'country', 'region', 'password'], rows),
    );
    await importRoster(
      file,
      ctx,
      path,
      rosterMapping(
        { account_id: 'accountId', email: 'email', country: 'country', region: 'region' },
        { exposes: ['email'], exposesByColumn: { password: 'password' } },
      ),
    );
    const notice = () =>
      obligationsBoard(file, '2026-03-02', '2026-03-10').rows.find(
        (r) => r.ruleId === 'us-ca-individuals-2026',
      )?.obligation;
    expect(notice()).toMatchObject({
      residents: 3,
      population: { handEntered: 0, fromRoster: 3, rosterNotCounted: 2 },
    });
    // The notice's letter names the people California's law counts, not all five in the roster.
    const letter = createLetter(
      file,
      ctx,
      { recipient: { name: '', address: '' }, obligationRuleId: 'us-ca-individuals-2026' },
      '2026-03-10',
    );
    expect(letter.values['breach.peopleInJurisdiction']).toBe('3');
    // A hand-entered count needs the case's own data elements to meet the law's definition.
    for (const term of ['name', 'ssn'] as const) {
      createRecord(file, ctx, dataElementSpec, dataElementInputSchema.parse({ term }));
    }
    setPopulation(file, { jurisdiction: 'US-CA', count: 42, exact: true }, ctx);
    expect(notice()).toMatchObject({
      residents: 42,
      population: { handEntered: 42, fromRoster: 0, rosterNotCounted: 0 },
    });
    file.close();
  });
});

describe('roster privacy and purge', () => {
  it('keeps every personal value out of the audit log through import, find, decide and purge', async () => {
    const { dir, file, ctx } = freshCase();
    const people = [
      [
        'acct-zq81x',
        'zelda.quixote@mailbox.example',
        'Zelda Quixote',
        '+1 212 555 0147',
        '1979-03-14',
        '10001',
      ],
      [
        'acct-wv27k',
        'wilbur.vantongeren@mailbox.example',
        'Wilbur Vantongeren',
        '+44 20 7946 0958',
        '1962-11-30',
        'SW1A 1AA',
      ],
      ['acct-hy55p', 'hyacinth.a@mailbox.example', 'Hyacinth Ysolde', '', '1991-08-08', '94105'],
      ['acct-hy56q', 'hyacinth.b@mailbox.example', 'Hyacinth Ysolde', '', '1991-08-08', '94105'],
    ];
    const path = writeDataset(
      dir,
      'people.csv',
      csvOf(['account_id', 'email', 'full_name', 'phone', 'dob', 'zip'], people),
    );
    const mapping = rosterMapping(
      {
        account_id: 'accountId',
        email: 'email',
        full_name: 'fullName',
        phone: 'phone',
        dob: 'dateOfBirth',
        zip: 'postalCode',
      },
      { exposes: ['email', 'name'] },
    );
    await importRoster(file, ctx, path, mapping);
    expect(findPeople(file, 'email', 'zelda.quixote@mailbox.example')).toHaveLength(1);
    expect(findPeople(file, 'phone', '+442079460958')).toHaveLength(1);
    const [pair] = reviewQueue(file);
    decideReviewPair(file, ctx, pair!.id, 'apart');
    purgeRoster(file, ctx);

    const secrets = [
      ...people.flat().filter((v) => v !== ''),
      '+12125550147',
      '+442079460958',
      'zelda quixote',
      'hyacinth ysolde',
      'Zelda',
      'Quixote',
      'Vantongeren',
    ].map((s) => s.toLowerCase());
    const entries = [...iterateAuditEntries(file.db)];
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['roster.imported', 'roster.review_kept_apart', 'roster.purged']),
    );
    for (const entry of entries) {
      for (const text of [entry.action, entry.target, ...stringsIn(entry.payload)]) {
        const lower = text.toLowerCase();
        for (const secret of secrets)
          expect(lower, `${entry.action} holds a personal value`).not.toContain(secret);
      }
    }
    file.close();
  });

  it('purges the records, keeps the counts, and refuses a second purge', async () => {
    const { dir, file, ctx } = freshCase();
    const path = writeDataset(
      dir,
      'users.csv',
      csvOf(
        ['account_id', 'email', 'country'],
        [
          ['p1', 'p1@example.com', 'SE'],
          ['p2', 'p2@example.com', 'FR'],
        ],
      ),
    );
    await importRoster(
      file,
      ctx,
      path,
      rosterMapping({ account_id: 'accountId', email: 'email', country: 'country' }, { exposes: ['email'] }),
    );
    const before = rosterStats(file);
    const purged = purgeRoster(file, ctx);
    expect(purged.records).toBe(0);
    expect(purged.purgedAt).not.toBeNull();
    expect(purged).toMatchObject({
      people: 2,
      byJurisdiction: before.byJurisdiction,
      byElements: before.byElements,
      residencySource: before.residencySource,
      groups: before.groups,
    });
    expect(purged.datasets.map((d) => d.name)).toEqual(['users.csv']);
    expect(file.db.prepare('SELECT count(*) FROM roster_records').pluck().get()).toBe(0);
    expect(findPeople(file, 'email', 'p1@example.com')).toEqual([]);
    expect(() => purgeRoster(file, ctx)).toThrow(/already been purged/);
    file.close();
  });
});

describe('roster in an encrypted case and in bundles', () => {
  it('imports into an encrypted case, kept after reopening', async () => {
    const dir = tempDir();
    const ctx = testContext();
    const file = makeEncryptedCase(dir, 'secret.bdcase', ctx);
    const path = writeDataset(
      dir,
      'users.csv',
      csvOf(['account_id', 'email', 'full_name'], [['s1', 's1@example.com', 'Sam One']]),
    );
    expect((await importRoster(file, ctx, path, USERS)).people).toBe(1);
    file.close();
    const reopened = openCase(join(dir, 'secret.bdcase'), ctx, Buffer.from(TEST_PASSPHRASE, 'utf8'));
    expect(rosterStats(reopened)).toMatchObject({ people: 1, records: 1 });
    expect(findPeople(reopened, 'account', 's1')[0]?.records[0]?.values.fullName).toBe('Sam One');
    reopened.close();
  });

  it("exports the roster's counts always and its records only with includeRoster", async () => {
    const { dir, file, ctx } = freshCase();
    const path = writeDataset(
      dir,
      'users.csv',
      csvOf(
        ['account_id', 'email', 'full_name'],
        [
          ['x1', 'x1@example.com', 'Xi One'],
          ['x2', 'x2@example.com', 'Xu Two'],
        ],
      ),
    );
    await importRoster(file, ctx, path, USERS);
    const keys = keysIn(dir);
    const rowsIn = async (bundle: string) => {
      const snapshot = join(tempDir(), 'snapshot.bdcase');
      writeFileSync(snapshot, fileOf(await readBundle(bundle), SNAPSHOT));
      return withRawDb(snapshot, (db) => ({
        groups: db.prepare('SELECT count(*) FROM roster_groups').pluck().get() as number,
        records: db.prepare('SELECT count(*) FROM roster_records').pluck().get() as number,
        datasets: db.prepare('SELECT count(*) FROM roster_datasets').pluck().get() as number,
      }));
    };
    const without = await exportTo(file, ctx, keys, join(dir, 'without.zip'));
    const counts = await rowsIn(without.path);
    expect(counts.groups).toBeGreaterThan(0);
    expect(counts.records).toBe(0);
    const withRoster = await exportTo(file, ctx, keys, join(dir, 'with.zip'), { includeRoster: true });
    expect(await rowsIn(withRoster.path)).toMatchObject({ groups: counts.groups, records: 2 });
    file.close();
  });
});
