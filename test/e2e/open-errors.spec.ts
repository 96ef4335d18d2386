import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { holdLockInAnotherProcess } from '../helpers/lock-holder';
import { expect, test } from './host/test-host';

test('opening a file that is not a case file says so in one sentence and leaves the file untouched', async ({
  page,
  host,
}) => {
  const notes = join(host.dir, 'notes.txt');
  writeFileSync(notes, 'Call the DPO about the payroll export.\n');
  const bytes = readFileSync(notes);
  host.dialogs.answerOpen(notes);
  await host.start();

  await page.getByRole('button', { name: 'Open case…' }).click();

  const alert = page.getByRole('alert');
  await expect(alert.getByText(/^".*notes\.txt" is not a Breachdesk case file[^.]*\.$/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Breachdesk' })).toBeVisible();
  expect(readFileSync(notes).equals(bytes)).toBe(true);
  expect(host.session.current).toBeNull();
});

test('cancelling the open dialog changes nothing and shows no error', async ({ page, host }) => {
  host.dialogs.answerOpen(null);
  await host.start();
  await page.getByRole('button', { name: 'Open case…' }).click();
  await expect.poll(() => host.dialogs.unanswered).toBe(0);
  await expect(page.getByRole('button', { name: 'Open case…' })).toBeEnabled();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Breachdesk' })).toBeVisible();
  expect(host.session.current).toBeNull();
});

test('a case file open in another process is marked "Open elsewhere" and refused with a clear sentence', async ({
  page,
  host,
}) => {
  const path = join(host.dir, 'locked.bdcase');
  await host.call('case.create', {
    path,
    title: 'Ransomware at the depot',
    organisation: 'Fabrikam',
    plaintext: true,
  });
  await host.call('case.close', {});
  const holder = await holdLockInAnotherProcess(path);
  try {
    host.dialogs.answerOpen(path);
    await host.start();

    const entry = page.getByRole('list', { name: 'Recent case files' }).getByRole('listitem');
    await expect(entry).toContainText('Ransomware at the depot');
    await expect(entry.getByText('Open elsewhere', { exact: true })).toBeVisible();
    await expect(entry.getByRole('button', { name: 'Ransomware at the depot', exact: true })).toHaveCount(0);

    await page.getByRole('button', { name: 'Open case…' }).click();
    await expect(page.getByRole('alert')).toContainText('is open elsewhere');
    expect(host.session.current).toBeNull();
  } finally {
    await holder.release();
  }

  await page.getByRole('button', { name: 'Check again' }).click();
  const entry = page.getByRole('list', { name: 'Recent case files' }).getByRole('listitem');
  await entry.getByRole('button', { name: 'Ransomware at the depot', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ransomware at the depot' })).toBeVisible();
});
