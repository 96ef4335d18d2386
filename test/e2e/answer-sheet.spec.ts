import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { expectEveryControlNamed } from './support/named-controls';
import { artifactPath } from './support/paths';
import { expect, test, type TestHost } from './host/test-host';

const CA_AG = 'Submit a sample notice to the California Attorney General (California law before 1 Jan 2026)';
const CA_FORM = 'California Attorney General: submit a data security breach notification sample';

async function openDemoObligations(page: Page, host: TestHost): Promise<void> {
  await host.call('demo.create', { path: join(host.dir, 'sonora.bdcase') });
  await host.start();
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Obligations' })
    .click();
  await expect(page.getByRole('list', { name: 'Obligations, soonest deadline first' })).toBeVisible({
    timeout: 10_000,
  });
}

/** The text the page last wrote to the clipboard (the stand-in's record). */
function lastCopied(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (window as unknown as { __copied: string[] }).__copied.at(-1));
}

test('the California AG answer sheet: values with their source, Copy per field, "missing" in red, Save as PDF', async ({
  page,
  host,
}) => {
  // The test origin is not a secure context, so the page gets no clipboard of its own: a stand-in
  // records what the app writes to it.
  await page.addInitScript(() => {
    const copied: string[] = [];
    Object.defineProperty(window, '__copied', { value: copied });
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (text: string) => Promise.resolve(void copied.push(text)) },
    });
  });
  await openDemoObligations(page, host);

  const row = page
    .getByRole('list', { name: 'Obligations, soonest deadline first' })
    .getByRole('listitem', { name: CA_AG });
  await row.getByRole('button', { name: CA_AG }).click();
  const detail = row.getByRole('region', { name: `Details of ${CA_AG}` });
  const opener = detail
    .getByRole('region', { name: 'Regulator form' })
    .getByRole('button', { name: 'Answer sheet…' });
  await opener.click();

  const dialog = page.getByRole('dialog', { name: CA_FORM });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleDescription(
    'California Attorney General (Privacy Enforcement) · 4 of 6 fields answered, 2 missing',
  );
  const sheet = dialog.getByRole('table', { name: `Answer sheet: ${CA_FORM}` });

  // A value, where it came from, and its own Copy button, reached and pressed from the keyboard.
  const discovery = sheet.getByRole('row', { name: /^Date\(s\) of discovery/ });
  await expect(discovery).toContainText('2020-11-12');
  await expect(discovery).toContainText('Facts › Discovered');
  const copy = discovery.getByRole('button', { name: 'Copy Date(s) of discovery' });
  await copy.focus();
  await page.keyboard.press('Enter');
  await expect(discovery).toContainText('Copied');
  expect(await lastCopied(page)).toBe('2020-11-12');

  const information = sheet.getByRole('row', { name: /^Type\(s\) of personal information involved/ });
  await information.getByRole('button', { name: 'Copy Type(s) of personal information involved' }).click();
  expect(await lastCopied(page)).toBe('Name; E-mail address; Password / credentials; Gender; Date of birth');

  // Nothing sent to the Californians yet: the date is missing, in words and in red, with where it is recorded.
  const noticeDates = sheet.getByRole('row', { name: /^Date\(s\) consumer notification was sent/ });
  const missing = noticeDates.getByText('missing', { exact: true });
  await expect(missing).toBeVisible();
  await expect(missing).toHaveCSS('color', 'rgb(180, 35, 24)');
  await expect(noticeDates).toContainText(
    'Obligations › Notice to individuals sent: none recorded as sent yet',
  );
  await expect(noticeDates.getByRole('button')).toHaveCount(0);

  await page.setViewportSize({ width: 1280, height: 1100 });
  await page.screenshot({ path: artifactPath('answer-sheet.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectEveryControlNamed(page);
  expect(await axeViolations(page, 'answer sheet dialog')).toEqual([]);

  // Save as PDF…: the path the (stubbed) save dialog returns.
  const pdf = join(host.dir, 'ca-ag-sheet.pdf');
  host.dialogs.answerExport(pdf);
  await dialog.getByRole('button', { name: 'Save as PDF…' }).click();
  await expect(dialog.getByRole('status')).toHaveText(`Answer sheet saved to ${pdf}.`);
  expect(existsSync(pdf)).toBe(true);
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

  // Escape closes it and gives focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('a notice without a regulator form offers no answer sheet', async ({ page, host }) => {
  await openDemoObligations(page, host);
  const title = 'Notify the lead supervisory authority (GDPR Art. 33)';
  const row = page
    .getByRole('list', { name: 'Obligations, soonest deadline first' })
    .getByRole('listitem', { name: title });
  await row.getByRole('button', { name: title }).click();
  const detail = row.getByRole('region', { name: `Details of ${title}` });
  await expect(detail.getByRole('region', { name: `Letters for ${title}` })).toBeVisible();
  await expect(detail.getByRole('region', { name: 'Regulator form' })).toHaveCount(0);
});
