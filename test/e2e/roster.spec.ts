import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { expectEveryControlNamed } from './support/named-controls';
import { artifactPath } from './support/paths';
import { expect, test, type TestHost } from './host/test-host';

test.describe.configure({ timeout: 120_000 });

/** A job over a file of 200,000 rows: long on a slow runner, so waited on for longer than a click. */
const JOB_TIMEOUT = 60_000;

/**
 * Thirteen rows: Alice and Bob twice by e-mail (merged), Eve twice with the same name, date of
 * birth and ZIP but two e-mails (the review queue), Californians by ZIP, the French by +33 phone,
 * Zed with nothing to place them, Frank without a password (so not counted under California law),
 * and one row with too many fields (skipped, line 11).
 */
const ROSTER_CSV = [
  'email,full_name,dob,zip,phone,password',
  'alice@example.com,Alice Martin,1980-01-02,94105,,5f4dcc3b5aa765d61d8327deb882cf99',
  'bob@example.com,Bob Stone,1975-05-06,90210,,e99a18c428cb38d5f260853678922e03',
  'carol@example.com,Carol King,1990-03-04,95014,,25d55ad283aa400af464c76d713c07ad',
  'dan@example.com,Dan Brown,1985-07-08,10001,,d8578edf8458ce06fbc5bb76a58c5ca4',
  'marie@example.fr,Marie Curie,1967-11-07,,+33 6 12 34 56 78,96e79218965eb72c92a549dd5a330112',
  'jean@example.fr,Jean Valjean,1969-01-01,,+33 1 23 45 67 89,e10adc3949ba59abbe56e057f20f883e',
  'zed@example.com,Zed Nowhere,1970-01-01,,,827ccb0eea8a706c4c34a16891f84e7b',
  'ALICE@example.com,Alice Martin,1980-01-02,94105,,5f4dcc3b5aa765d61d8327deb882cf99',
  'eve.one@example.com,Eve Adams,1992-02-02,94110,,fcea920f7412b5da7be0cf42b8c93759',
  'broken@example.com,Too,Many,Fields,In,This,Row',
  'eve.two@example.com,Eve Adams,1992-02-02,94110,,fcea920f7412b5da7be0cf42b8c93759',
  'bob@example.com,Bob Stone,1975-05-06,90210,,e99a18c428cb38d5f260853678922e03',
  'frank@example.com,Frank Ocean,1988-10-28,94301,,',
].join('\n');

/**
 * A file long enough that Cancel lands while it is being read: 200,000 short rows were all read
 * before a click could land, so five times as many, each with a phone and a date of birth to normalise.
 */
function bigCsv(rows: number): string {
  const lines = ['email,full_name,dob,zip,phone'];
  for (let i = 0; i < rows; i += 1) {
    const zip = `9${String(i % 10_000).padStart(4, '0')}`;
    lines.push(
      `person${i}@big.example,Person Number ${i},1980-01-${String((i % 28) + 1).padStart(2, '0')},${zip},+1 415 555 ${String(i % 10_000).padStart(4, '0')}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function openRoster(page: Page): Promise<Locator> {
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'People & data' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'People & data' })).toBeVisible();
  await page.getByRole('tab', { name: 'Roster' }).click();
  const roster = page.getByRole('region', { name: 'Roster of exposed people' });
  await expect(roster).toBeVisible();
  return roster;
}

async function newCase(host: TestHost): Promise<void> {
  await host.call('case.create', {
    path: join(host.dir, 'roster.bdcase'),
    title: 'Account database exposure',
    organisation: 'Sonora Streaming AB',
    plaintext: true,
  });
  // Discovered and known in 2026, so California's 2026 law reads the roster.
  const at = (utc: string) => ({ utc, zone: 'UTC', precision: 'exact' as const, approximate: false });
  await host.call('facts.update', {
    patch: {
      discoveredAt: at('2026-03-02T09:00:00.000Z'),
      awareAt: at('2026-03-04T15:00:00.000Z'),
      organisation: { role: 'controller', establishment: 'SE' },
    },
  });
}

test('import a roster: mapping, counts, residency, review, lookup, cancel, purge, and the board says where counts came from', async ({
  page,
  host,
}) => {
  await newCase(host);
  const datasetPath = join(host.dir, 'accounts-export.csv');
  writeFileSync(datasetPath, `${ROSTER_CSV}\n`);
  await host.start();

  // Empty: what the roster is, and the action that fills it.
  const roster = await openRoster(page);
  await expect(roster).toContainText('The roster holds the people whose data was exposed');

  // Import dataset…: the file dialog, then the mapping dialog with the file's first rows.
  host.dialogs.answerDataset(datasetPath);
  await roster.getByRole('button', { name: 'Import dataset…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import accounts-export.csv' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('columnheader', { name: 'email', exact: true })).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Roster field of column email' })).toHaveValue('email');
  await expect(dialog.getByRole('combobox', { name: 'Roster field of column zip' })).toHaveValue(
    'postalCode',
  );
  await expect(dialog.getByRole('combobox', { name: 'Exposed element of column password' })).toHaveValue(
    'password',
  );
  await expect(dialog.getByRole('textbox', { name: 'Dataset name' })).toHaveValue('accounts-export.csv');
  await expect(dialog.getByRole('radio', { name: 'Skip and list them' })).toBeChecked();
  await expectEveryControlNamed(page);
  expect(await axeViolations(page, 'mapping dialog')).toEqual([]);
  await page.screenshot({ path: artifactPath('roster-mapping.png') });

  // Save mapping… writes the mapping the dialog shows (columns and elements, never a value).
  const mappingPath = join(host.dir, 'accounts.mapping.json');
  host.dialogs.answerRosterSave(mappingPath);
  await dialog.getByRole('button', { name: 'Save mapping…' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Mapping saved' })).toBeVisible();
  const savedMapping = readFileSync(mappingPath, 'utf8');
  expect(JSON.parse(savedMapping)).toMatchObject({
    format: 'breachdesk.roster-mapping/1',
    columns: { email: 'email', zip: 'postalCode' },
  });
  expect(savedMapping).not.toContain('alice');

  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const result = dialog.getByRole('status', { name: 'Import result' });
  await expect(result).toContainText('Imported 12 rows from accounts-export.csv; skipped 1 row');
  const skipped = dialog.getByRole('list', { name: 'Rows skipped' });
  await expect(skipped.getByRole('listitem')).toHaveCount(1);
  await expect(skipped).toContainText('Line 11');

  const skippedPath = join(host.dir, 'skipped.csv');
  host.dialogs.answerRosterSave(skippedPath);
  await dialog.getByRole('button', { name: 'Save skipped rows…' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Saved to' })).toBeVisible();
  expect(existsSync(skippedPath)).toBe(true);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // Counts: 12 records, 10 people (Alice and Bob merged by e-mail; Eve twice, for review).
  const people = roster.locator('dl[aria-label="Roster counts"] > div').filter({ hasText: /^People/ });
  const records = roster.locator('dl[aria-label="Roster counts"] > div').filter({ hasText: /^Records/ });
  await expect(people).toHaveText(/^People\s*10$/);
  await expect(records).toHaveText(/^Records\s*12$/);
  await expect(roster.getByRole('rowheader', { name: /accounts-export\.csv/ })).toBeVisible();

  // Residency: California by ZIP, France by +33, and the one nobody could place, never dropped.
  const bars = roster.getByRole('list', { name: 'People by residency' });
  await expect(bars.getByRole('listitem').filter({ hasText: 'California (US-CA)' })).toContainText('6');
  await expect(bars.getByRole('listitem').filter({ hasText: 'France (FR)' })).toContainText('2');
  await expect(bars.getByRole('listitem').filter({ hasText: 'Residency unknown' })).toContainText('1');
  await expect(bars.getByRole('listitem').last()).toContainText('Residency unknown');
  await expect(roster).toContainText(
    'Name + E-mail address + Password / credentials + Date of birth + Postal address',
  );
  await page.screenshot({ path: artifactPath('roster-counts.png') });

  // The review queue: Eve's two records side by side, masked until shown; merging counts one person.
  const pair = roster.getByRole('listitem', { name: 'Pair 1' });
  await expect(pair).toContainText('e•••@e•••.com');
  await expect(pair).not.toContainText('eve.one@example.com');
  await pair.getByRole('button', { name: 'Show values of pair 1' }).click();
  await expect(pair).toContainText('eve.one@example.com');
  await expect(pair).toContainText('eve.two@example.com');
  await pair.getByRole('button', { name: 'Merge pair 1' }).click();
  await expect(people).toHaveText(/^People\s*9$/);
  await expect(roster).toContainText('No records wait for a decision.');

  // Lookup by e-mail: Alice, affected, in California from her ZIP, two records masked until shown.
  const lookup = roster.getByRole('form', { name: 'Look up a person' });
  await lookup.getByRole('combobox', { name: 'Look up by' }).selectOption({ label: 'E-mail' });
  await lookup.getByRole('textbox', { name: 'Exact value' }).fill('alice@example.com');
  await lookup.getByRole('button', { name: 'Look up' }).click();
  const person = roster
    .getByRole('list', { name: 'People found' })
    .getByRole('listitem', { name: 'Person 1' });
  await expect(person).toContainText('Affected');
  await expect(person).toContainText('California (US-CA)');
  await expect(person).toContainText('from postal code');
  await expect(person).toContainText('2 records');
  await expect(person).toContainText('a•••@e•••.com');
  await expect(person).not.toContainText('alice@example.com');
  await person.getByRole('button', { name: 'Show values of person 1' }).click();
  await expect(person.getByRole('button', { name: 'Show values of person 1' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(person).toContainText('alice@example.com');
  await expectEveryControlNamed(page);
  expect(await axeViolations(page, 'roster with a review pair and a lookup')).toEqual([]);

  // Cancel a long import: nothing is added.
  const bigPath = join(host.dir, 'big-export.csv');
  writeFileSync(bigPath, bigCsv(1_000_000));
  host.dialogs.answerDataset(bigPath);
  await roster.getByRole('button', { name: 'Import dataset…' }).click();
  const bigDialog = page.getByRole('dialog', { name: 'Import big-export.csv' });
  await bigDialog.getByRole('button', { name: 'Import', exact: true }).click();
  const progress = bigDialog.getByRole('region', { name: 'Import progress' });
  await expect(progress.getByRole('definition').first()).toHaveText(/^\d[\d,]*$/, { timeout: JOB_TIMEOUT });
  await page.screenshot({ path: artifactPath('roster-import-progress.png') });
  await progress.getByRole('button', { name: 'Cancel import' }).click();
  await expect(bigDialog.getByRole('status').filter({ hasText: 'Import cancelled' })).toBeVisible({
    timeout: JOB_TIMEOUT,
  });
  await bigDialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(bigDialog).toBeHidden();
  const afterCancel = await host.call('roster.stats', {});
  expect(afterCancel.datasets).toHaveLength(1);
  expect(afterCancel.people).toBe(9);
  expect(afterCancel.records).toBe(12);
  await expect(people).toHaveText(/^People\s*9$/);

  // Purge: the records go, the counts stay.
  await roster.getByRole('button', { name: 'Purge records…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Purge the roster records?' });
  await expect(confirm).toContainText('The counts of people by residency and by exposed data are kept');
  await confirm.getByRole('button', { name: 'Purge records' }).click();
  await expect(confirm).toBeHidden();
  await expect(roster.getByRole('note')).toContainText(/Records purged on .+; counts kept\./);
  await expect(people).toHaveText(/^People\s*9$/);
  await expect(records).toHaveText(/^Records\s*0$/);
  await expect(bars.getByRole('listitem').filter({ hasText: 'Residency unknown' })).toContainText('1');

  // The board says where California's count came from: the roster, and who in it does not count.
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Obligations' })
    .click();
  const board = page.getByRole('list', { name: 'Obligations, soonest deadline first' });
  const california = board.getByRole('listitem', { name: /California residents/ }).first();
  await california.getByRole('button', { name: /California residents/ }).click();
  await expect(california.getByRole('region', { name: /^Details of / })).toContainText(
    '4 from the roster (1 in the roster whose data does not count)',
  );
  await page.screenshot({ path: artifactPath('roster-obligation-provenance.png') });
});

test('the mapping dialog reads the file again with the separator a person corrects', async ({
  page,
  host,
}) => {
  await newCase(host);
  const datasetPath = join(host.dir, 'semicolons.csv');
  writeFileSync(datasetPath, 'email;zip\nalice@example.com;94105\nbob@example.com;10001\n');
  await host.start();
  const roster = await openRoster(page);

  host.dialogs.answerDataset(datasetPath);
  await roster.getByRole('button', { name: 'Import dataset…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import semicolons.csv' });
  // Detected: two columns, separated by semicolons.
  await expect(dialog.getByRole('combobox', { name: 'Separator' })).toHaveValue(';');
  await expect(dialog.getByRole('columnheader', { name: 'zip', exact: true })).toBeVisible();

  // Read as commas: one column holding the whole line; then back.
  await dialog.getByRole('combobox', { name: 'Separator' }).selectOption('Comma');
  await expect(dialog.getByRole('columnheader', { name: 'email;zip', exact: true })).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Separator' }).selectOption('Semicolon');
  await expect(dialog.getByRole('columnheader', { name: 'zip', exact: true })).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Roster field of column email' })).toHaveValue('email');
  await expect(dialog.getByRole('combobox', { name: 'Text encoding' })).toHaveValue('utf-8');
  expect(await axeViolations(page, 'mapping dialog read as')).toEqual([]);
});
