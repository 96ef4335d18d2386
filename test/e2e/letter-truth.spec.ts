import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { artifactPath } from './support/paths';
import { expect, test, type TestHost } from './host/test-host';

/** The false claim the Art. 33 template makes when a notice is drafted after the 72 hours. */
const CLAIM = 'This notification is made within 72 hours of that time (Article 33(1) GDPR).';
const REASONS =
  'The forensic review of the partner-sync logs took until today to establish which accounts were affected and which fields were returned.';

async function openArt33Letter(page: Page, host: TestHost): Promise<Locator> {
  await host.call('demo.create', { path: join(host.dir, 'sonora.bdcase') });
  await host.start();
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Letters' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Letters' })).toBeVisible();
  await page.getByRole('list', { name: 'Letters' }).getByRole('button', { name: /IMY/ }).click();
  const editor = page.getByRole('textbox', { name: 'Letter text' });
  await expect(editor.getByRole('heading', { name: /Article 33 GDPR/ })).toBeVisible({ timeout: 10_000 });
  return editor;
}

function check(page: Page, verdict: 'Fails' | 'Passes', title: string): Locator {
  return page.getByRole('region', { name: 'Checks' }).getByRole('listitem', { name: `${verdict}: ${title}` });
}

const DATES = 'Dates and durations agree with the facts';
const DELAY = /Required content: Where the notification is made later than 72 hours/;

test('the demo’s Art. 33 letter dated today fails the 72-hours check, naming the sentence; reasons for the delay and no false claim pass it', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const editor = await openArt33Letter(page, host);

  // Dated today, six years after awareness on 16 November 2020: "within 72 hours" is false.
  const dates = check(page, 'Fails', DATES);
  await expect(dates).toBeVisible();
  await expect(dates).toContainText(`“${CLAIM}” says “within 72 hours”`);
  await expect(dates).toContainText('after awareness (16 November 2020 at 09:30 (Europe/Stockholm))');
  const checks = page.getByRole('region', { name: 'Checks' });
  await expect(checks.getByRole('listitem', { name: DELAY })).toHaveAccessibleName(/^Fails: /);
  await expect(checks.getByRole('listitem', { name: DELAY })).toContainText('give the reasons for the delay');
  await expect(page.getByRole('button', { name: /checks fail$/ })).toBeVisible();
  await page.screenshot({ path: artifactPath('letter-truth-1280-failing.png') });

  // The template's prompt under "Reasons for the delay" becomes the reasons.
  await expect(editor.getByRole('heading', { name: 'Reasons for the delay' })).toBeVisible();
  const prompt = editor.locator('p', { hasText: '[If this notification is made more than 72 hours' });
  await prompt.click({ clickCount: 3 });
  await page.keyboard.type(REASONS);
  await expect(checks.getByRole('listitem', { name: DELAY })).toHaveAccessibleName(/^Passes: /, {
    timeout: 10_000,
  });
  // The false sentence is still there: the dates check still fails.
  await expect(check(page, 'Fails', DATES)).toBeVisible();

  // The awareness paragraph, without the false claim.
  const timing = editor.locator('p', { hasText: 'This notification is made within 72 hours' });
  await timing.click({ clickCount: 3 });
  await page.keyboard.type('We became aware of the breach on 16 November 2020.');
  await expect(check(page, 'Passes', DATES)).toBeVisible({ timeout: 10_000 });
  await expect(check(page, 'Passes', DATES)).toContainText('agrees with the facts');
  await expect(checks).not.toContainText(CLAIM);
});

test('the letter gets most of the width at 1280 px and stays usable at 1024 px, with Export at the top', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const editor = await openArt33Letter(page, host);
  const letterEditor = page.locator('.letter-editor');

  const wide = await letterEditor.boundingBox();
  expect(wide).not.toBeNull();
  expect(wide?.width ?? 0).toBeGreaterThanOrEqual(0.6 * 1280);

  // Export sits at the top, visible without scrolling, above the editor.
  const exportBar = page.getByRole('region', { name: 'Export' });
  await expect(exportBar.getByRole('button', { name: 'Export PDF…' })).toBeInViewport();
  const exportBox = await exportBar.boundingBox();
  expect((exportBox?.y ?? Infinity) + (exportBox?.height ?? 0)).toBeLessThanOrEqual(wide?.y ?? 0);
  expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);

  // The checks follow the draft and are reached with the keyboard.
  const checks = page.getByRole('region', { name: 'Checks' });
  const checksBox = await checks.boundingBox();
  expect(checksBox?.y ?? 0).toBeGreaterThan(wide?.y ?? 0);
  await page.getByRole('button', { name: /checks fail$/ }).click();
  await expect(checks).toBeFocused();
  await expect(checks).toHaveAttribute('tabindex', '0');

  // The heading tools say what they show.
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  for (const level of [1, 2, 3]) {
    await expect(toolbar.getByRole('button', { name: `Heading ${level}`, exact: true })).toHaveText(
      `Heading ${level}`,
    );
  }
  await page.screenshot({ path: artifactPath('letter-truth-1280.png') });

  await page.setViewportSize({ width: 1024, height: 768 });
  // Back to the top of the pane (the checks link scrolled it), as a user opening the letter sees it.
  await page.evaluate(() => {
    for (const element of document.querySelectorAll('*')) element.scrollTop = 0;
  });
  const narrow = await letterEditor.boundingBox();
  expect(narrow?.width ?? 0).toBeGreaterThanOrEqual(0.5 * 1024);
  await expect(exportBar.getByRole('button', { name: 'Export PDF…' })).toBeInViewport();
  await expect(toolbar.getByRole('button', { name: 'Heading 1', exact: true })).toBeInViewport();
  await expect(editor).toBeVisible();
  await page.screenshot({ path: artifactPath('letter-truth-1024.png') });
});
