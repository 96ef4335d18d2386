import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { withRawDb } from '../helpers/raw-db';
import { artifactPath } from './support/paths';
import { expect, test, type TestHost } from './host/test-host';

const MIB = 1024 * 1024;

async function caseWithFiles(host: TestHost, files: Record<string, Buffer | string>): Promise<string> {
  const path = join(host.dir, 'lost-laptop.bdcase');
  await host.call('case.create', {
    path,
    title: 'Lost laptop',
    organisation: 'Northwind Clinics',
    plaintext: true,
  });
  const paths = Object.entries(files).map(([name, content]) => {
    const file = join(host.dir, name);
    writeFileSync(file, content);
    return file;
  });
  await host.call('evidence.add', { jobId: crypto.randomUUID(), paths });
  return path;
}

async function openEvidence(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Evidence' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Evidence' })).toBeVisible();
}

test('a stored chunk altered behind Breachdesk’s back fails verification, named in red', async ({
  page,
  host,
}) => {
  const path = await caseWithFiles(host, {
    'laptop-inventory.csv': 'asset,owner\nLT-0042,dr.smith\n',
    'disk-image-excerpt.bin': randomBytes(3 * MIB),
  });
  host.session.close();
  withRawDb(path, (db) => {
    const row = db.prepare('SELECT blob_id, bytes FROM blob_chunks WHERE seq = 2 LIMIT 1').get() as {
      blob_id: number;
      bytes: Buffer;
    };
    row.bytes[100] = (row.bytes[100]! + 1) % 256;
    db.prepare('UPDATE blob_chunks SET bytes = ? WHERE blob_id = ? AND seq = 2').run(row.bytes, row.blob_id);
  });
  await host.call('case.open', { path });
  await host.start();
  await openEvidence(page);

  await page.getByRole('button', { name: 'Verify evidence' }).click();
  const result = page.getByRole('alert', { name: 'Verification result' });
  await expect(result).toContainText('1 item of 2 items failed verification');
  const failed = result.getByRole('list', { name: 'Items that failed verification' });
  await expect(failed.getByRole('listitem')).toHaveCount(1);
  await expect(failed).toContainText('disk-image-excerpt.bin');
  await expect(failed).not.toContainText('laptop-inventory.csv');
  await page.screenshot({ path: artifactPath('evidence-verify-failed.png') });
});

test('the list is filtered and walked with the keyboard; menu commands add and verify', async ({
  page,
  host,
}) => {
  await caseWithFiles(host, {
    'a-badge-log.txt': 'door 3 opened 02:14\n',
    'b-cctv-notes.txt': 'camera 2 offline\n',
    'c-email.eml': 'From: it@northwind.example\nSubject: laptop\n\nStolen from car.\n',
  });
  await host.start();
  await openEvidence(page);

  const list = page.getByRole('list', { name: 'Evidence items' });
  const first = list.getByRole('button', { name: /^a-badge-log\.txt/ });
  await first.click();
  await expect(first).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('ArrowDown');
  const second = list.getByRole('button', { name: /^b-cctv-notes\.txt/ });
  await expect(second).toHaveAttribute('aria-current', 'true');
  await expect(second).toBeFocused();
  await expect(page.getByRole('region', { name: 'b-cctv-notes.txt', exact: true })).toBeVisible();
  await page.keyboard.press('End');
  await expect(list.getByRole('button', { name: /^c-email\.eml/ })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(first).toBeFocused();

  const filter = page.getByRole('searchbox', { name: 'Filter evidence' });
  await filter.fill('cctv');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByText('1 of 3 items match')).toBeVisible();
  await filter.fill('nothing like this');
  await expect(page.getByText('No item matches')).toBeVisible();
  await filter.fill('');
  await expect(list.getByRole('listitem')).toHaveCount(3);

  // Menu → Verify evidence, from another section.
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Facts' })
    .click();
  await page.evaluate(() => window.__breachdeskEmit?.('menu.command', { command: 'verifyEvidence' }));
  await expect(page.getByRole('heading', { level: 2, name: 'Evidence' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Verification result' })).toContainText(
    'All 3 items verified',
  );

  // Menu → Add evidence: the file dialog, then the intake dialog.
  const more = join(host.dir, 'd-police-report.txt');
  writeFileSync(more, 'Report 2020/1187\n');
  host.dialogs.answerEvidence([more]);
  await page.evaluate(() => window.__breachdeskEmit?.('menu.command', { command: 'addEvidence' }));
  const intake = page.getByRole('dialog', { name: 'Add to the evidence locker' });
  await expect(intake).toContainText('d-police-report.txt');
  await intake.getByRole('button', { name: 'Start intake' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(4);

  // Adding the same file again (Ctrl+Shift+E this time) stores nothing new.
  host.dialogs.answerEvidence([more]);
  await page.keyboard.press('Control+Shift+E');
  await intake.getByRole('button', { name: 'Start intake' }).click();
  await expect(page.getByRole('status', { name: 'Intake result' })).toContainText(
    '1 file was already in the locker',
  );
  await expect(list.getByRole('listitem')).toHaveCount(4);
});
