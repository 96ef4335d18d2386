import { join } from 'node:path';
import { artifactPath } from './support/paths';
import { expect, test } from './host/test-host';

const PASSPHRASE = 'payroll misdirected to the wrong supplier';

test('create a case, edit it, close it, reopen it from the recent list, and read its audit log', async ({
  page,
  host,
}) => {
  const path = join(host.dir, 'payroll.bdcase');
  host.dialogs.answerNewCase(path);
  await host.start();

  await page.getByRole('button', { name: 'New case…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Payroll export misdirected');
  await dialog.getByRole('textbox', { name: 'Organisation' }).fill('Northwind Ltd');
  await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await dialog.getByLabel('Repeat passphrase').fill(PASSPHRASE);
  await dialog.getByLabel('Remember on this computer').check();
  await dialog.getByRole('button', { name: 'Create…' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Case sections' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Payroll export misdirected' })).toBeVisible();
  expect(host.dialogs.suggestedNames).toEqual(['Payroll export misdirected.bdcase']);
  const saveState = page.getByRole('status', { name: 'Save state' });
  await expect(saveState).toHaveText('Saved');

  const title = page.getByRole('textbox', { name: 'Title' });
  await title.fill('Payroll export sent to the wrong supplier');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Payroll export sent to the wrong supplier' }),
  ).toBeVisible();
  await expect(saveState).toHaveText('Saved');
  await page.getByRole('combobox', { name: /^Response stage/ }).selectOption({ label: 'Notifying' });
  await expect(page.getByRole('banner')).toContainText('Notifying');
  await expect(saveState).toHaveText('Saved');
  expect((await host.call('case.current', {}))?.record).toMatchObject({
    title: 'Payroll export sent to the wrong supplier',
    status: 'notifying',
  });
  await page.screenshot({ path: artifactPath('workspace-overview.png') });

  await page.getByRole('button', { name: 'Close case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Breachdesk' })).toBeVisible();
  expect(host.session.current).toBeNull();
  const recent = page.getByRole('list', { name: 'Recent case files' });
  await recent
    .getByRole('button', { name: 'Payroll export sent to the wrong supplier', exact: true })
    .click();

  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(
    'Payroll export sent to the wrong supplier',
  );
  await expect(page.getByRole('combobox', { name: /^Response stage/ })).toHaveValue('notifying');

  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Audit log' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Audit log' })).toBeVisible();
  const verification = page.getByRole('status', { name: 'Audit verification' });
  await expect(verification).toContainText('Audit chain verified: 3 entries');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(4);
  // Rows read as sentences; the raw action is under the payload, for investigators.
  await expect(rows.nth(1)).toContainText('Case record changed: Payroll export sent to the wrong supplier');
  await expect(rows.nth(3)).toContainText('Case created: ');
  await expect(rows.nth(3)).toContainText('e2e tester');

  await page.getByRole('button', { name: 'Show payload of entry 2' }).click();
  await expect(page.getByRole('table')).toContainText('"to": "Payroll export sent to the wrong supplier"');
  await expect(page.getByRole('table')).toContainText('case.updated');
  await page.screenshot({ path: artifactPath('workspace-audit.png') });
});
