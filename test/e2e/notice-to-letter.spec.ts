import { join } from 'node:path';
import { TZDate } from '@date-fns/tz';
import type { Locator, Page } from '@playwright/test';
import { artifactPath } from './support/paths';
import { expect, test, type TestHost } from './host/test-host';

/*
 * Issue 18, item 1: from a notice on the board to its letter in one step, and back. The demo case,
 * seen on its own day 2 (its zone, main/demo/scenario.ts).
 */
const CASE_ZONE = 'Europe/Stockholm';
const AG_TEMPLATE = 'US state attorney general or other state agency: notice of a data security incident';

async function openDemoBoard(page: Page, host: TestHost): Promise<void> {
  await host.call('demo.create', { path: join(host.dir, 'sonora.bdcase') });
  await host.start();
  await showSection(page, 'Obligations');
  await expect(board(page)).toBeVisible({ timeout: 10_000 });
}

async function showSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Case sections' }).getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible({ timeout: 10_000 });
}

function board(page: Page): Locator {
  return page.getByRole('list', { name: 'Obligations, soonest deadline first' });
}

function row(page: Page, title: RegExp): Locator {
  return board(page).getByRole('listitem', { name: title });
}

/** Presses Tab until `target` has the focus (a handful of stops at most). */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let stop = 0; stop < 8; stop += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('a notice → Draft letter (keyboard only) → the letter editor with the notice’s template → the board shows Draft v1 and Drafting', async ({
  page,
  host,
}) => {
  await page.clock.install({ time: new TZDate(2020, 10, 17, 16, 29, CASE_ZONE).getTime() });
  await openDemoBoard(page, host);

  const texas = row(page, /Texas Attorney General/);
  await expect(texas).toContainText('Letter: No letter');
  await expect(texas).toContainText('To do');

  // Keyboard only: from the row's toggle, Tab to Draft letter and press Enter.
  const toggle = texas.getByRole('button', { expanded: false }).first();
  await toggle.focus();
  const draft = texas.getByRole('button', { name: 'Draft letter' });
  await tabTo(page, draft);
  await page.keyboard.press('Enter');

  // The letter editor, with the letter selected, from the generic AG template, for Texas.
  await expect(page.getByRole('heading', { level: 2, name: 'Letters' })).toBeVisible({ timeout: 10_000 });
  const title = page.getByRole('heading', {
    level: 3,
    name: new RegExp(`^${AG_TEMPLATE}: Texas Attorney General`),
  });
  await expect(title).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('.letter-detail__meta')).toContainText('US-TX');
  await expect(
    page.getByRole('list', { name: 'Letters' }).getByRole('button', { name: /Texas Attorney General/ }),
  ).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('textbox', { name: 'Letter text' })).toBeVisible();

  // Back on the board: the notice is Drafting, its letter a draft at version 1.
  await showSection(page, 'Obligations');
  await expect(texas).toContainText('Letter: Draft v1');
  await expect(texas.locator('.obl-row__status')).toHaveText('Drafting');
  await expect(texas.getByRole('button', { name: 'Open draft' })).toBeVisible();

  // The detail lists the letter under the notice, the template by its title, the sources by title.
  await texas.getByRole('button', { expanded: false }).first().click();
  const detail = page.getByRole('region', { name: /^Details of .*Texas/ });
  await expect(detail).toContainText(`Letter template${AG_TEMPLATE}`);
  const letters = detail.getByRole('region', { name: /^Letters for / });
  await expect(letters).toContainText('Draft · version 1');
  const sources = detail.getByRole('list', { name: 'Sources' });
  await expect(sources.getByRole('listitem').first()).toContainText('https://');
  await expect(sources).not.toContainText(/^S\d+$/);
  await texas.screenshot({ path: artifactPath('notice-to-letter-1280.png') });
  await page.setViewportSize({ width: 1024, height: 800 });
  await texas.screenshot({ path: artifactPath('notice-to-letter-1024.png') });

  // Open goes to the Letters section with that letter selected.
  await letters.getByRole('button', { name: 'Open letter' }).click();
  await expect(title).toBeVisible();
});

test('Art. 33: the template by its title, the sources as titled addresses, and Open draft for the demo’s letter', async ({
  page,
  host,
}) => {
  await page.clock.install({ time: new TZDate(2020, 10, 17, 16, 29, CASE_ZONE).getTime() });
  await openDemoBoard(page, host);
  const art33 = row(page, /GDPR Art\. 33/).first();
  await expect(art33).toContainText('Letter: Draft v1');
  await art33.getByRole('button', { expanded: false }).first().click();
  const detail = art33.getByRole('region', { name: /^Details of / });
  await expect(detail).toContainText('GDPR Art. 33: notification to the supervisory authority (English)');
  await expect(detail).not.toContainText('gdpr-art33-authority-en');
  const sources = detail.getByRole('list', { name: 'Sources' });
  await expect(sources.getByRole('listitem')).toHaveCount(3);
  await expect(sources.getByRole('listitem').first()).toContainText(
    'GDPR Art. 33: notification to the supervisory authority',
  );
  await expect(sources.getByRole('button', { name: /^Copy the address of GDPR Art\. 33/ })).toBeVisible();

  await art33.getByRole('button', { name: 'Open draft' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Letters' })).toBeVisible({ timeout: 10_000 });
  await expect(
    page.getByRole('list', { name: 'Letters' }).getByRole('button', { name: /IMY/ }),
  ).toHaveAttribute('aria-current', 'true');
});
