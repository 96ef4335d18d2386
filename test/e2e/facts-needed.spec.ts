import { join } from 'node:path';
import { TZDate } from '@date-fns/tz';
import type { Page } from '@playwright/test';
import { artifactPath } from './support/paths';
import { expect, test } from './host/test-host';

const CASE_ZONE = 'Europe/Paris';
const ART_33 = 'Notify the lead supervisory authority (GDPR Art. 33)';

async function showSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Case sections' }).getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

function factsNeeded(page: Page) {
  return page.getByRole('list', { name: 'Facts needed' });
}

test('a blank case lists the facts needed first, each link focuses its field, and recording them makes the rows go', async ({
  page,
  host,
}) => {
  // A day after the awareness time entered below (4 Mar 2026 16:00 in the case's zone).
  await page.clock.install({ time: new TZDate(2026, 2, 5, 12, 0, CASE_ZONE).getTime() });
  const path = join(host.dir, 'blank.bdcase');
  await host.call('case.create', { path, title: 'Blank', organisation: 'Contoso', plaintext: true });
  await host.start();
  await showSection(page, 'Obligations');

  const needed = factsNeeded(page);
  await expect(needed).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('heading', { name: 'Facts needed (5)' })).toBeVisible();
  for (const link of [
    'Record the awareness time',
    'Record the main establishment',
    'Record the people affected, by jurisdiction',
    'Record the data involved',
    'Record the discovery time',
  ]) {
    await expect(needed.getByRole('button', { name: link })).toBeVisible();
  }
  await expect(page.getByText(/Nothing is owed on these facts/)).toHaveCount(0);
  await expect(page.getByText(/No notice can be said to be owed yet/)).toBeVisible();
  // Above everything else on the board: before the law line and the rules not triggered.
  const factsBox = await needed.boundingBox();
  const lawBox = await page.getByText('Law as of').boundingBox();
  expect(factsBox !== null && lawBox !== null && factsBox.y < lawBox.y).toBe(true);
  await page.screenshot({ path: artifactPath('facts-needed-blank-1280.png') });
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.screenshot({ path: artifactPath('facts-needed-blank-1024.png') });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The awareness link opens Facts with the keyboard in the "Aware at" field.
  await needed.getByRole('button', { name: 'Record the awareness time' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Facts' })).toBeVisible();
  const aware = page.getByRole('group', { name: 'Aware at' }).getByRole('textbox', { name: 'Date and time' });
  await expect(aware).toBeFocused();
  await page.keyboard.type('2026-03-04 16:00');
  await page.keyboard.press('Enter');

  await showSection(page, 'Obligations');
  await expect(needed.getByRole('button', { name: 'Record the main establishment' })).toBeVisible();
  await expect(needed.getByRole('button', { name: 'Record the awareness time' })).toHaveCount(0);

  // The establishment link focuses its select; with it, the Art. 33 clock shows, pending the people and data.
  await needed.getByRole('button', { name: 'Record the main establishment' }).click();
  const establishment = page.getByRole('combobox', { name: /Main establishment/ });
  await expect(establishment).toBeFocused();
  await establishment.selectOption('SE');
  await showSection(page, 'Obligations');
  const pending = page.getByRole('list', { name: 'Deadlines pending the missing facts' });
  await expect(pending).toContainText(ART_33);
  await expect(pending).toContainText('Integritetsskyddsmyndigheten (IMY), Sweden');
  await expect(pending).toContainText('Would be due 2026-03-07 16:00');
  await expect(pending).toContainText('due in 51 h');
  await expect(pending).toContainText('Pending: owed only if the people affected and the data involved');
  await page.screenshot({ path: artifactPath('facts-needed-pending-art33.png') });

  // The people link focuses the jurisdiction picker; the data link the data element picker.
  await needed.getByRole('button', { name: 'Record the people affected, by jurisdiction' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'People & data' })).toBeVisible();
  await expect(
    page.getByRole('form', { name: 'Add people affected' }).getByRole('combobox').first(),
  ).toBeFocused();
  await showSection(page, 'Obligations');
  await needed.getByRole('button', { name: 'Record the data involved' }).click();
  await expect(page.getByRole('combobox', { name: 'Data element' })).toBeFocused();

  await host.call('populations.set', { jurisdiction: 'SE', count: 1200, exact: true });
  for (const term of ['name', 'ssn', 'password'] as const) await host.call('dataElements.add', { term });
  await showSection(page, 'Obligations');
  await expect(page.getByRole('list', { name: 'Obligations, soonest deadline first' })).toContainText(ART_33);
  // Only the discovery time is left, and only if a rule still waits on it.
  await expect(
    needed.getByRole('button', { name: 'Record the people affected, by jurisdiction' }),
  ).toHaveCount(0);
  await expect(needed.getByRole('button', { name: 'Record the data involved' })).toHaveCount(0);
  await expect(pending).toHaveCount(0);

  // The severity calculator starts from the facts, said to be a suggestion: not "Low".
  await page
    .getByRole('tablist', { name: 'Obligations views' })
    .getByRole('tab', { name: 'Severity' })
    .click();
  const suggestion = page.getByRole('region', { name: 'Suggestion from the facts' });
  await expect(suggestion).toContainText('Suggested from the facts');
  await expect(suggestion).toContainText('Password / credentials: credentials');
  await expect(suggestion).toContainText('Social Security number: sensitive');
  await expect(page.getByRole('combobox', { name: 'Data category' })).toHaveValue('sensitive');
  const score = page.getByRole('region', { name: 'Severity score' });
  await expect(score.locator('.sev-band')).toHaveText('Very high');
  await expect(page.getByText('SE = 4 × 1 + 0 = 4')).toBeHidden();
  await score.getByText('Show the calculation').click();
  await expect(page.getByText('SE = 4 × 1 + 0 = 4')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Why this DPC score' })).toHaveValue(
    /^Suggested from the data elements recorded/,
  );
  await page.screenshot({ path: artifactPath('severity-from-facts.png'), fullPage: true });
});
