import { join } from 'node:path';
import { TZDate } from '@date-fns/tz';
import { artifactPath } from './support/paths';
import { expect, test } from './host/test-host';

test('the welcome screen offers a new case, opening one, and the demo case', async ({ page, host }) => {
  await host.start();

  await expect(page.getByRole('heading', { level: 1, name: 'Breachdesk' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New case…' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Open case…' })).toBeEnabled();
  const demo = page.getByRole('button', { name: 'Open demo case' });
  await expect(demo).toBeEnabled();
  await expect(demo).toHaveAccessibleDescription(/worked sample incident/);
  await expect(page.getByText('Case files you create or open appear here')).toBeVisible();
});

test('the recent list shows each case file with its path, time and whether it can be opened', async ({
  page,
  host,
}) => {
  const path = join(host.dir, 'Payroll export.bdcase');
  await host.call('case.create', {
    path,
    title: 'Payroll export sent to wrong supplier',
    organisation: 'Northwind Ltd',
    plaintext: true,
  });
  await host.call('case.close', {});
  // A day and two hours before the page's fixed "now", both in the page's zone (Europe/Paris).
  host.recent.remember(
    join(host.dir, 'moved away.bdcase'),
    'Lost laptop (Lyon office)',
    new Date(new TZDate(2020, 10, 15, 8, 30, 'Europe/Paris').getTime()),
  );
  await page.clock.setFixedTime(new TZDate(2020, 10, 16, 10, 30, 'Europe/Paris').getTime());

  await host.start();

  const list = page.getByRole('list', { name: 'Recent case files' });
  const available = list.getByRole('listitem').filter({ hasText: 'Payroll export sent to wrong supplier' });
  await expect(
    available.getByRole('button', { name: 'Payroll export sent to wrong supplier', exact: true }),
  ).toBeEnabled();
  await expect(available).toContainText(path);
  await expect(available).toContainText(/Last opened \d{4}-\d\d-\d\d \d\d:\d\d (CET|CEST|GMT[+−-]\d+)/);

  const missing = list.getByRole('listitem').filter({ hasText: 'Lost laptop (Lyon office)' });
  await expect(missing.getByText('Missing', { exact: true })).toBeVisible();
  await expect(missing).toContainText('Last opened 2020-11-15 08:30 CET · yesterday');
  await expect(missing.getByRole('button', { name: 'Lost laptop (Lyon office)', exact: true })).toHaveCount(
    0,
  );

  await page.screenshot({ path: artifactPath('welcome.png') });

  await missing.getByRole('button', { name: 'Forget Lost laptop (Lyon office)' }).click();
  await expect(missing).toHaveCount(0);
  expect(host.recent.list().map((entry) => entry.title)).toEqual(['Payroll export sent to wrong supplier']);
});
