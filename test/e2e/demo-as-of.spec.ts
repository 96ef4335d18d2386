import { join } from 'node:path';
import { TZDate } from '@date-fns/tz';
import type { Page } from '@playwright/test';
import { expectEveryControlNamed } from './support/named-controls';
import { artifactPath } from './support/paths';
import { expect, test } from './host/test-host';

/*
 * Issue 18 point 5: the demo case reads as a live incident. It opens as of its own day 2
 * (17 Nov 2020 16:00 in the case's zone, Europe/Stockholm) whatever today is, under a banner that
 * says so; "Show as of today" puts every clock on the real one, and back.
 */

const CASE_ZONE = 'Europe/Stockholm';
const DEMO_TITLE = 'Partner API exposure (partner-sync 3.2)';
const ART_33 = 'Notify the lead supervisory authority (GDPR Art. 33)';
/** A real "today", years after the demo's dates. */
const TODAY = new TZDate(2026, 11, 7, 13, 0, CASE_ZONE);
/** The Art. 33 deadline: 72 h from awareness (2020-11-16 09:30 CET). */
const ART_33_DUE_AT = new TZDate(2020, 10, 19, 9, 30, CASE_ZONE);
const DAY_MS = 86_400_000;

function banner(page: Page) {
  return page.getByRole('status', { name: 'Demo case' });
}

function chip(page: Page) {
  return page.getByRole('button', { name: /^Nearest deadline: / });
}

async function showSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Case sections' }).getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

function art33Row(page: Page) {
  return page
    .getByRole('list', { name: 'Obligations, soonest deadline first' })
    .getByRole('listitem', { name: new RegExp(ART_33.replace(/[.()]/g, '\\$&')) });
}

test('the demo opens as of its own day 2 under a banner; "Show as of today" puts the clocks on today, and back', async ({
  page,
  host,
}) => {
  await page.clock.install({ time: TODAY.getTime() });
  const path = join(host.dir, 'Sonora Streaming demo.bdcase');
  host.dialogs.answerNewCase(path);
  await host.start();
  await page.getByRole('button', { name: 'Open demo case' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible({ timeout: 20_000 });

  // As of 17 Nov 2020 16:00 CET: 41 h 30 min before the Art. 33 deadline, on every screen.
  await expect(banner(page)).toContainText('Demo: shown as of 17 Nov 2020');
  await expect(banner(page)).toContainText('17 Nov 2020, 16:00 Stockholm time');
  await expect(chip(page)).toHaveText('Art. 33 due in 41 h');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: artifactPath('demo-as-of-overview-1280.png') });
  await page.setViewportSize({ width: 1024, height: 900 });
  await page.screenshot({ path: artifactPath('demo-as-of-overview-1024.png') });
  await page.setViewportSize({ width: 1280, height: 800 });

  await showSection(page, 'Obligations');
  await expect(art33Row(page)).toContainText('due in 41 h');
  // The law is still that of the discovery day, a fact of the case, not of the view.
  await expect(page.getByLabel('Law as of')).toHaveValue('2020-11-12');
  await expectEveryControlNamed(page);
  await page.screenshot({ path: artifactPath('demo-as-of-board.png') });

  // The real clock: six years on, every 2020 clock is overdue.
  await banner(page).getByRole('button', { name: 'Show as of today' }).click();
  await expect(banner(page)).toContainText('Demo: shown as of today');
  const days = Math.floor((TODAY.getTime() - ART_33_DUE_AT.getTime()) / DAY_MS);
  const overdue = `overdue by ${days.toLocaleString('en-GB')} d`;
  await expect(art33Row(page)).toContainText(overdue);
  await expect(chip(page)).toHaveText(`Art. 33 ${overdue}`);
  await page.screenshot({ path: artifactPath('demo-as-of-today.png') });

  // And back.
  await banner(page).getByRole('button', { name: 'Show as of 17 Nov 2020' }).click();
  await expect(banner(page)).toContainText('Demo: shown as of 17 Nov 2020');
  await expect(art33Row(page)).toContainText('due in 41 h');
  await expect(chip(page)).toHaveText('Art. 33 due in 41 h');

  // Tasks agree: on day 2 no open task is overdue yet (the earliest is due 19 Nov 2020); today
  // every open one is.
  await showSection(page, 'Tasks & notes');
  const overdueBadges = page.locator('.badge--overdue');
  await expect(page.getByText('Post-incident review of partner-sync release checks')).toBeVisible();
  await expect(overdueBadges).toHaveCount(0);
  await banner(page).getByRole('button', { name: 'Show as of today' }).click();
  await expect(overdueBadges).not.toHaveCount(0);
  await banner(page).getByRole('button', { name: 'Show as of 17 Nov 2020' }).click();
  await expect(overdueBadges).toHaveCount(0);

  // Closed and opened again, the demo is still shown as of its day 2 (its case file says so).
  await banner(page).getByRole('button', { name: 'Show as of today' }).click();
  await page.getByRole('button', { name: 'Close case' }).click();
  await page
    .getByRole('list', { name: 'Recent case files' })
    .getByRole('button', { name: DEMO_TITLE, exact: true })
    .click();
  await expect(banner(page)).toContainText('Demo: shown as of 17 Nov 2020');
  await expect(chip(page)).toHaveText('Art. 33 due in 41 h');
});

test('a case that is not the demo shows no demo banner and counts from today', async ({ page, host }) => {
  await page.clock.install({ time: TODAY.getTime() });
  await host.call('case.create', {
    path: join(host.dir, 'Lost laptop.bdcase'),
    title: 'Lost laptop',
    organisation: 'Contoso',
    plaintext: true,
  });
  await host.start();
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Lost laptop' })).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
  await expect(page.getByText(/Demo: shown as of/)).toHaveCount(0);
});
