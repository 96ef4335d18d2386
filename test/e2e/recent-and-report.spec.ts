import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TZDate } from '@date-fns/tz';
import type { Page } from '@playwright/test';
import { makeEncryptedCase } from '../helpers/cases';
import { artifactPath } from './support/paths';
import { axeViolations } from './support/axe';
import { expect, test, type TestHost } from './host/test-host';

/** The demo case's zone (main/demo/scenario.ts). */
const CASE_ZONE = 'Europe/Stockholm';

function fingerprint(path: string): { sha256: string; mtimeMs: number } {
  return {
    sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
    mtimeMs: statSync(path).mtimeMs,
  };
}

function recentItem(page: Page, title: string) {
  return page
    .getByRole('list', { name: 'Recent case files' })
    .getByRole('listitem')
    .filter({ hasText: title });
}

async function closedDemo(host: TestHost): Promise<string> {
  const path = join(host.dir, 'sonora.bdcase');
  await host.call('demo.create', { path });
  await host.call('case.close', {});
  return path;
}

test('the welcome screen shows each recent case’s nearest deadline, read without touching the file; an encrypted one is locked', async ({
  page,
  host,
}) => {
  // 41 hours and a minute before the Art. 33 deadline (2020-11-19 09:30 in the case's zone).
  await page.clock.install({ time: new TZDate(2020, 10, 17, 16, 29, CASE_ZONE).getTime() });
  const demoPath = await closedDemo(host);
  const sealed = makeEncryptedCase(host.dir, 'sealed.bdcase');
  const sealedPath = sealed.path;
  sealed.close();
  host.recent.remember(sealedPath, 'Sealed incident', new Date());
  const before = [fingerprint(demoPath), fingerprint(sealedPath)];

  await host.start();
  const demo = recentItem(page, 'Partner API exposure');
  await expect(demo).toContainText('Art. 33 due in 41 h');
  await expect(demo).toContainText(/0 of \d+ sent/);
  await expect(demo).not.toContainText('overdue');
  const locked = recentItem(page, 'Sealed incident');
  await expect(locked).toContainText('Locked');
  await expect(locked).not.toContainText(/due in|overdue|sent/);

  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: artifactPath(`welcome-recent-${width}.png`) });
  }
  expect(await axeViolations(page)).toEqual([]);

  // Years later (the real clock of a user who kept the demo), the demo still reads as of its own
  // day 2, as it does once opened, and says so.
  const later = new TZDate(2026, 0, 15, 12, 0, CASE_ZONE).getTime();
  await page.clock.fastForward(later - new TZDate(2020, 10, 17, 16, 29, CASE_ZONE).getTime());
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(demo).toContainText('Art. 33 due in 41 h');
  await expect(demo).toContainText('demo, as of 2020-11-17');

  // Reading them changed nothing: same bytes, same modification time, no journal.
  expect([fingerprint(demoPath), fingerprint(sealedPath)]).toEqual(before);
  expect(existsSync(`${demoPath}-journal`)).toBe(false);
  expect(existsSync(`${sealedPath}-journal`)).toBe(false);
});

test('the status report button saves the report as PDF or HTML, and says so; a failed save is said too', async ({
  page,
  host,
}) => {
  await page.clock.install({ time: new TZDate(2020, 10, 17, 16, 29, CASE_ZONE).getTime() });
  await host.call('demo.create', { path: join(host.dir, 'sonora.bdcase') });
  await host.start();
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Obligations' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Obligations' })).toBeVisible();

  const pdfPath = join(host.dir, 'where-we-stand.pdf');
  host.dialogs.answerExport(pdfPath);
  await page.getByRole('button', { name: 'Status report (PDF)…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Status report (PDF) saved to' })).toContainText(
    pdfPath,
  );
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  expect(host.dialogs.suggestedNames.at(-1)).toMatch(
    /^partner-api-exposure.*-status-\d{4}-\d{2}-\d{2}\.pdf$/,
  );

  const htmlPath = join(host.dir, 'where-we-stand.html');
  host.dialogs.answerExport(htmlPath);
  await page.getByRole('button', { name: 'Status report as HTML…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Status report (HTML) saved to' })).toBeVisible();
  // The page it wrote, opened in a browser tab of its own: the four parts, nothing fetched, no scripts.
  const viewer = await page.context().newPage();
  const requests: string[] = [];
  viewer.on('request', (request) => requests.push(request.url()));
  await viewer.goto(pathToFileURL(htmlPath).href);
  await expect(viewer.getByRole('heading', { level: 1 })).toHaveText(/^Where we stand: Partner API exposure/);
  for (const name of ['What happened', 'Who and how many', 'What is owed, by when', 'What has been sent']) {
    await expect(viewer.getByRole('heading', { level: 2, name })).toBeVisible();
  }
  await expect(viewer.getByRole('table').first()).toBeVisible();
  await expect(viewer.locator('body')).toContainText('Art. 33');
  expect(await viewer.locator('script').count()).toBe(0);
  expect(requests).toEqual([pathToFileURL(htmlPath).href]);
  await viewer.screenshot({ path: artifactPath('status-report-html.png'), fullPage: true });
  await viewer.close();

  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: artifactPath(`obligations-status-report-${width}.png`) });
  }
  expect(await axeViolations(page)).toEqual([]);

  // A folder that does not exist: the save fails and says why.
  host.dialogs.answerExport(join(host.dir, 'no-such-folder', 'report.pdf'));
  await page.getByRole('button', { name: 'Status report (PDF)…' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'The status report could not be saved' }),
  ).toBeVisible();
});
