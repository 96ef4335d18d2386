import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectEveryControlNamed } from './support/named-controls';
import { artifactPath } from './support/paths';
import { expect, test, type TestHost } from './host/test-host';

const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

async function newCase(host: TestHost): Promise<string> {
  const path = join(host.dir, 'sonora.bdcase');
  await host.call('case.create', {
    path,
    title: 'Partner API exposure',
    organisation: 'Sonora Streaming AB',
    plaintext: true,
  });
  return path;
}

async function openEvidence(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Evidence' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Evidence' })).toBeVisible();
}

function accessLog(): string {
  const lines: string[] = [];
  for (let i = 0; i < 400; i += 1) {
    const second = String(i % 60).padStart(2, '0');
    lines.push(
      `2020-11-12T14:${String(Math.floor(i / 60)).padStart(2, '0')}:${second}Z GET /v2/partner/customers?page=${i} 200 client=beatline`,
    );
  }
  return `${lines.join('\n')}\n`;
}

test('attach files through the dialog, edit their metadata, record custody, export and verify', async ({
  page,
  host,
}) => {
  await newCase(host);
  const event = await host.call('events.create', {
    at: {
      utc: '2020-11-12T13:05:00.000Z',
      zone: 'Europe/Stockholm',
      precision: 'exact',
      approximate: false,
    },
    title: 'Engineer flags out-of-scope partner queries',
  });
  const logPath = join(host.dir, 'partner-sync-access.log');
  const csvPath = join(host.dir, 'affected-accounts.csv');
  const logText = accessLog();
  writeFileSync(logPath, logText);
  writeFileSync(csvPath, 'account,country\nA-1001,SE\nA-1002,DE\nA-1003,GB\n');

  await host.start();
  await openEvidence(page);
  const main = page.getByRole('main');
  await expect(main).toContainText('No evidence in this case yet');
  await page.screenshot({ path: artifactPath('evidence-empty.png') });

  // Add files…: the dialog's paths, then what is known about them, then Start.
  host.dialogs.answerEvidence([logPath, csvPath]);
  await page.getByRole('button', { name: 'Add files…' }).click();
  const intake = page.getByRole('dialog', { name: 'Add to the evidence locker' });
  await expect(intake.getByRole('list', { name: 'Paths to take in' })).toContainText(
    'partner-sync-access.log',
  );
  await expect(intake).toContainText('2 files or folders');
  await intake.getByRole('textbox', { name: 'Source' }).fill('partner-sync API gateway');
  await intake.getByRole('textbox', { name: 'Collected by' }).fill('Maja Lind, Ops');
  await intake.getByRole('textbox', { name: 'Tags' }).fill('logs, partner-sync');
  await expectEveryControlNamed(page);
  await page.screenshot({ path: artifactPath('evidence-intake.png') });
  await intake.getByRole('button', { name: 'Start intake' }).click();
  await expect(intake).toBeHidden();
  await expect(page.getByRole('status', { name: 'Intake result' })).toContainText('2 items added');
  expect(host.dialogs.evidenceRequests).toEqual([false]);

  // Listed with size and shortened hash.
  const list = page.getByRole('list', { name: 'Evidence items' });
  const rows = list.getByRole('listitem');
  await expect(rows).toHaveCount(2);
  const logRow = rows.filter({ hasText: 'partner-sync-access.log' });
  await expect(logRow).toContainText(`${(Buffer.byteLength(logText) / 1024).toFixed(1)} KiB`);
  await expect(logRow).toContainText(sha256(logText).slice(0, 5));
  await expect(rows.filter({ hasText: 'affected-accounts.csv' })).toContainText('CSV');

  // The detail: facts, full hash, metadata from the intake.
  await logRow.getByRole('button', { name: /^partner-sync-access\.log/ }).click();
  const detail = page.getByRole('region', { name: 'partner-sync-access.log', exact: true });
  await expect(detail).toContainText(logPath);
  await expect(detail).toContainText(sha256(logText));
  await expect(detail).toContainText(`${Buffer.byteLength(logText).toLocaleString('en-GB')} bytes`);
  const about = page.getByRole('region', { name: 'About this item' });
  await expect(about.getByRole('textbox', { name: 'Source' })).toHaveValue('partner-sync API gateway');
  await expect(about.getByRole('textbox', { name: 'Tags' })).toHaveValue('logs, partner-sync');

  // Edit: saved as typed; an event linked by finding it.
  await about.getByRole('textbox', { name: 'Description' }).fill('Gateway access log, 12 Nov 2020');
  const collected = about.getByRole('group', { name: 'Collected at' });
  await collected.getByRole('combobox', { name: 'Time zone' }).selectOption('Europe/Stockholm');
  await collected.getByRole('textbox', { name: 'Date and time' }).fill('2020-11-13 09:30');
  await collected.getByRole('textbox', { name: 'Date and time' }).press('Tab');
  await about.getByRole('searchbox', { name: 'Find an event to link' }).fill('out-of-scope');
  await about.getByRole('button', { name: `Link event ${event.title}` }).click();
  await expect(about.getByRole('list', { name: /Timeline events linked to/ })).toContainText(event.title);
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const saved = (await host.call('evidence.list', {})).find(
    (item) => item.name === 'partner-sync-access.log',
  );
  expect(saved?.description).toBe('Gateway access log, 12 Nov 2020');
  expect(saved?.eventIds).toEqual([event.id]);
  expect(saved?.collectedAt?.zone).toBe('Europe/Stockholm');

  // Custody: a person's entry, appended.
  const custodyForm = page.getByRole('form', { name: 'Record custody' });
  await custodyForm.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Transferred' });
  await custodyForm.getByRole('textbox', { name: 'Actor' }).fill('Erik Berg, external counsel');
  const when = custodyForm.getByRole('group', { name: 'When (empty for now)' });
  await when.getByRole('combobox', { name: 'Time zone' }).selectOption('Europe/Stockholm');
  await when.getByRole('textbox', { name: 'Date and time' }).fill('2020-11-14 10:00');
  await custodyForm.getByRole('textbox', { name: 'Note' }).fill('Encrypted USB stick, receipt signed');
  await custodyForm.getByRole('button', { name: 'Record entry' }).click();
  const custody = page.getByRole('list', { name: 'Chain of custody of partner-sync-access.log' });
  const transferred = custody.getByRole('listitem').filter({ hasText: 'Transferred' });
  await expect(transferred).toContainText('Erik Berg, external counsel');
  await expect(transferred).toContainText('2020-11-14 10:00:00 CET');
  await expect(transferred).toContainText('Encrypted USB stick, receipt signed');
  await expect(transferred).not.toContainText('recorded by Breachdesk');
  await expect(page.getByRole('button', { name: /Remove|Delete/ })).toHaveCount(0);

  // Export: the original bytes, checked by hash, recorded in custody.
  const exported = join(host.dir, 'exported-access.log');
  host.dialogs.answerExport(exported);
  await detail.getByRole('button', { name: 'Export…' }).click();
  const exportResult = page.getByRole('status', { name: 'Export result' });
  await expect(exportResult).toContainText('matches its SHA-256');
  await expect(exportResult).toContainText(exported);
  expect(sha256(readFileSync(exported))).toBe(sha256(logText));
  expect(host.dialogs.suggestedNames).toContain('partner-sync-access.log');
  const exportEntry = custody.getByRole('listitem').filter({ hasText: 'Exported' });
  await expect(exportEntry).toBeVisible();
  await expect(exportEntry).toContainText('recorded by Breachdesk');

  // Verify evidence: every item re-read; the result lands in custody too.
  await page.getByRole('button', { name: 'Verify evidence' }).click();
  await expect(page.getByRole('status', { name: 'Verification result' })).toContainText(
    'All 2 items verified',
  );
  await expect(custody.getByRole('listitem').filter({ hasText: 'Verified' })).toBeVisible();

  await expectEveryControlNamed(page);
  await page.setViewportSize({ width: 1280, height: 1900 });
  await page.screenshot({ path: artifactPath('evidence.png') });
  await page
    .getByRole('region', { name: 'Chain of custody' })
    .screenshot({ path: artifactPath('evidence-custody.png') });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The timeline shows the event's evidence and opens it.
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Timeline' })
    .click();
  await page.getByRole('option', { name: new RegExp(event.title) }).click();
  const linked = page.getByRole('list', { name: `Evidence for ${event.title}` });
  await expect(linked).toContainText('partner-sync-access.log');
  await linked.getByRole('button', { name: 'Open evidence partner-sync-access.log' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Evidence' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'partner-sync-access.log', exact: true })).toBeVisible();
  await expect(list.getByRole('button', { name: /^partner-sync-access\.log/ })).toHaveAttribute(
    'aria-current',
    'true',
  );

  // Reopen the case file: the edits come back from disk.
  await page.getByRole('button', { name: 'Close case' }).click();
  await page.getByRole('button', { name: 'Partner API exposure', exact: true }).click();
  await openEvidence(page);
  await page.getByRole('button', { name: /^partner-sync-access\.log/ }).click();
  const again = page.getByRole('region', { name: 'About this item' });
  await expect(again.getByRole('textbox', { name: 'Description' })).toHaveValue(
    'Gateway access log, 12 Nov 2020',
  );
  await expect(
    again.getByRole('group', { name: 'Collected at' }).getByRole('textbox', { name: 'Date and time' }),
  ).toHaveValue('2020-11-13 09:30');
  await expect(again.getByRole('list', { name: /Timeline events linked to/ })).toContainText(event.title);
  await expect(
    page.getByRole('list', { name: 'Chain of custody of partner-sync-access.log' }).getByRole('listitem'),
  ).toContainText(['Transferred']);
});

test('files dropped on the section are taken in after the intake dialog', async ({ page, host }) => {
  await newCase(host);
  const notePath = join(host.dir, 'ransom-note.txt');
  writeFileSync(notePath, 'Your files are encrypted.\n');
  await host.start();
  await openEvidence(page);

  await page.evaluate((path) => {
    (window as unknown as { __breachdeskDropPaths: Record<string, string> }).__breachdeskDropPaths = {
      'ransom-note.txt': path,
    };
  }, notePath);
  const target = page.locator('.ev-section');
  const transfer = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['Your files are encrypted.\n'], 'ransom-note.txt', { type: 'text/plain' }));
    return data;
  });
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await expect(page.getByText('Drop to add to the evidence locker')).toBeVisible();
  await target.dispatchEvent('drop', { dataTransfer: transfer });

  const intake = page.getByRole('dialog', { name: 'Add to the evidence locker' });
  await expect(intake.getByRole('list', { name: 'Paths to take in' })).toHaveText(notePath);
  await intake.getByRole('textbox', { name: 'Source' }).fill('Desktop of HR laptop 14');
  await intake.getByRole('button', { name: 'Start intake' }).click();
  await expect(page.getByRole('status', { name: 'Intake result' })).toContainText('1 item added');
  await expect(page.getByRole('list', { name: 'Evidence items' }).getByRole('listitem')).toHaveCount(1);
  const [item] = await host.call('evidence.list', {});
  expect(item?.name).toBe('ransom-note.txt');
  expect(item?.source).toBe('Desktop of HR laptop 14');
  expect(item?.sha256).toBe(sha256('Your files are encrypted.\n'));

  // A drop whose files have no path on disk says what to do instead.
  const pathless = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['x'], 'made-in-page.txt'));
    return data;
  });
  await target.dispatchEvent('drop', { dataTransfer: pathless });
  await expect(page.getByRole('alert')).toContainText('use Add files… or Add folder… instead');
});

test('a cancelled intake adds nothing', async ({ page, host }) => {
  await newCase(host);
  const big = join(host.dir, 'disk-image.raw');
  // Two gibibytes that take no disk space: the intake still reads and hashes every byte.
  const handle = await open(big, 'w');
  await handle.truncate(2 * 1024 ** 3);
  await handle.close();
  await host.start();
  await openEvidence(page);

  host.dialogs.answerEvidence([big]);
  await page.getByRole('button', { name: 'Add files…' }).click();
  await page
    .getByRole('dialog', { name: 'Add to the evidence locker' })
    .getByRole('button', { name: 'Start intake' })
    .click();
  const bar = page.getByRole('progressbar');
  await expect(bar).toBeVisible();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Evidence job' })).toHaveText(
    /Intake cancelled; nothing was added\./,
  );
  await expect(bar).toBeHidden();
  expect(await host.call('evidence.list', {})).toEqual([]);
  await expect(page.getByRole('main')).toContainText('No evidence in this case yet');
});

test('the progress panel shows bytes, rate and time left while a large intake runs', async ({
  page,
  host,
}) => {
  await newCase(host);
  const big = join(host.dir, 'mailbox-export.bin');
  const handle = await open(big, 'w');
  await handle.truncate(3 * 1024 ** 3);
  await handle.close();
  await host.start();
  await openEvidence(page);

  host.dialogs.answerEvidence([big]);
  await page.getByRole('button', { name: 'Add files…' }).click();
  await page
    .getByRole('dialog', { name: 'Add to the evidence locker' })
    .getByRole('button', { name: 'Start intake' })
    .click();
  const panel = page.getByRole('region', { name: /Adding 1 path/ });
  await expect(panel).toContainText('of 3.0 GiB');
  await expect(panel).toContainText(/\d MiB\/s|GiB\/s/);
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', /^\d+$/);
  await expect(panel).toContainText('mailbox-export.bin');
  await expect(panel).toContainText(/(about .+|under a second) left/);
  await page.screenshot({ path: artifactPath('evidence-progress.png') });
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByText('Intake cancelled; nothing was added.')).toBeVisible();
});
