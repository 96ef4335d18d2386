import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectEveryControlNamed } from './support/named-controls';
import { artifactPath } from './support/paths';
import { expect, test } from './host/test-host';

async function addElement(page: Page, label: string, description?: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Add a data element' });
  await form.getByRole('combobox', { name: 'Data element' }).selectOption({ label });
  if (description !== undefined) await form.getByRole('textbox', { name: 'Description' }).fill(description);
  await form.getByRole('button', { name: 'Add data element' }).click();
  await expect(page.getByRole('rowheader', { name: new RegExp(`^${description ?? label}`) })).toBeVisible();
}

const GOOD_CSV = [
  'jurisdiction,count',
  'US-CA,1240',
  'US-NY,610',
  'US-TX,300',
  'US-WA,120',
  'US-IL,45',
  'FR,41000',
  'DE,60000',
  'SE,22500',
  'EU,140000',
  'ZZ,84185',
].join('\n');

test('data elements from the vocabulary and custom ones; people by jurisdiction via the picker and CSV', async ({
  page,
  host,
}) => {
  await host.call('case.create', {
    path: join(host.dir, 'sonora.bdcase'),
    title: 'Partner API exposure',
    organisation: 'Sonora Streaming AB',
    plaintext: true,
  });
  await host.start();
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'People & data' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'People & data' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('No data elements yet');

  for (const label of ['Name', 'E-mail address', 'Gender', 'Date of birth', 'Password / credentials']) {
    await addElement(page, label);
  }
  await addElement(page, 'Other (describe)', 'Listening history');
  await page.getByRole('checkbox', { name: 'Password / credentials: encrypted' }).check();
  await page
    .getByRole('textbox', { name: 'Note on Password / credentials' })
    .fill('unsalted MD5, legacy login');
  await page.getByRole('textbox', { name: 'Note on Password / credentials' }).press('Tab');
  const saveState = page.getByRole('status', { name: 'Save state' });
  await expect(saveState).toHaveText('Saved');
  const elements = await host.call('dataElements.list', {});
  expect(elements.map((e) => e.customLabel ?? e.term)).toEqual([
    'name',
    'email',
    'password',
    'gender',
    'date_of_birth',
    'Listening history',
  ]);
  // Listed in the vocabulary's order, custom elements last.
  await expect(page.getByRole('table', { name: 'Data elements involved' }).getByRole('rowheader')).toHaveText(
    ['Name', 'E-mail address', 'Password / credentials', 'Gender', 'Date of birth', /^Listening history/],
  );
  expect(elements.find((e) => e.term === 'password')).toMatchObject({
    encrypted: true,
    note: 'unsalted MD5, legacy login',
  });

  // Removing asks first and names what goes.
  await page.getByRole('button', { name: 'Remove Gender' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove “Gender”?' });
  await expect(confirm).toContainText('“Gender” will no longer be listed');
  await confirm.getByRole('button', { name: 'Remove data element' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('rowheader', { name: 'Gender' })).toHaveCount(0);

  // The jurisdiction picker: type "cal", pick California (US).
  const picker = page.getByRole('combobox', { name: 'Jurisdiction' });
  await picker.fill('cal');
  await page.getByRole('option', { name: /California \(US\)/ }).click();
  await expect(picker).toHaveValue('California (US)');
  await page.getByRole('textbox', { name: 'People affected' }).fill('1240');
  await page.getByRole('button', { name: 'Add jurisdiction' }).click();
  const table = page.getByRole('table', { name: 'People affected by jurisdiction' });
  await expect(table.getByRole('textbox', { name: 'People affected in California (US)' })).toHaveValue(
    '1,240',
  );
  await expect(table.getByRole('row', { name: /^Total/ })).toContainText('1,240');
  expect(await host.call('populations.list', {})).toMatchObject([
    { jurisdiction: 'US-CA', count: 1240, exact: false },
  ]);

  // A CSV with bad lines imports nothing and lists every bad line.
  await page
    .getByRole('textbox', { name: 'Or paste CSV' })
    .fill('jurisdiction,count\nUS-NY,610\nXX-YY,5\nFR,lots');
  await page.getByRole('button', { name: 'Import pasted CSV' }).click();
  const problem = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
  await expect(problem).toContainText('2 lines have problems');
  const lines = problem.getByRole('list', { name: 'Problems in the CSV' }).getByRole('listitem');
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0)).toContainText('Line 3');
  await expect(lines.nth(1)).toContainText('Line 4');
  expect(await host.call('populations.list', {})).toHaveLength(1);

  // A good file imports every row; the total follows, and it is an estimate.
  await page.getByRole('button', { name: 'CSV file' }).setInputFiles({
    name: 'affected-by-jurisdiction.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(GOOD_CSV),
  });
  await expect(page.getByRole('status').filter({ hasText: 'Imported 10 rows' })).toBeVisible();
  await expect(table.getByRole('row', { name: /^Total/ })).toContainText('350,000');
  await expect(table.getByRole('row', { name: /^Total/ })).toContainText('Estimate');
  await expect(table.getByRole('textbox', { name: 'People affected in Germany' })).toHaveValue('60,000');

  // The picker works from the keyboard; a jurisdiction already listed gets its count replaced.
  await picker.fill('swe');
  await picker.press('ArrowDown');
  await picker.press('ArrowUp');
  await picker.press('Enter');
  await expect(picker).toHaveValue('Sweden');
  await expect(page.getByRole('main')).toContainText('Sweden is already listed with 22,500');
  await expect(page.getByRole('button', { name: 'Replace count' })).toBeVisible();

  // Counts are edited in place.
  const germany = table.getByRole('textbox', { name: 'People affected in Germany' });
  await germany.fill('60 500');
  await germany.press('Enter');
  await expect(germany).toHaveValue('60,500');
  await expect(table.getByRole('row', { name: /^Total/ })).toContainText('350,500');
  await expect(saveState).toHaveText('Saved');
  const populations = await host.call('populations.list', {});
  expect(populations.find((p) => p.jurisdiction === 'DE')?.count).toBe(60_500);

  await expectEveryControlNamed(page);
  await page.setViewportSize({ width: 1280, height: 1900 });
  await page.screenshot({ path: artifactPath('people.png') });
});
