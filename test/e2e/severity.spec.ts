import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectEveryControlNamed } from './support/named-controls';
import { artifactPath } from './support/paths';
import { expect, test } from './host/test-host';

/** The whole pane in one picture: the main pane scrolls, so the window is made tall for a moment. */
async function tallScreenshot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 3400 });
  await page.screenshot({ path: artifactPath(name) });
  if (size !== null) await page.setViewportSize(size);
}

async function openSeverity(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Obligations' })
    .click();
  await page
    .getByRole('tablist', { name: 'Obligations views' })
    .getByRole('tab', { name: 'Severity' })
    .click();
  await expect(page.getByRole('heading', { level: 3, name: 'Severity and risk' })).toBeVisible();
}

test('the ENISA calculator shows its arithmetic live; a confirmed high risk is a new version that makes Art. 34 owed and is kept after reopening', async ({
  page,
  host,
}) => {
  const path = join(host.dir, 'demo.bdcase');
  await host.call('demo.create', { path });
  await host.start();
  await openSeverity(page);

  const score = page.getByRole('region', { name: 'Severity score' });
  const versions = page.getByRole('table', { name: 'Assessment versions' });
  await expect(page.getByText('No assessment saved yet.')).toBeVisible();
  await expect(page.getByRole('note', { name: 'Decision in force' })).toContainText(
    'No risk decision is confirmed yet',
  );

  // DOMAIN §2.1's illustrative example: simple data, EI maximum, confidentiality to known partners.
  const category = page.getByRole('combobox', { name: 'Data category' });
  await category.selectOption('financial');
  await expect(page.getByRole('spinbutton', { name: 'Adjusted DPC score' })).toHaveValue('3');
  await expect(page.getByText('For example: income, transactions')).toBeVisible();
  await category.selectOption('simple');
  await page.getByRole('spinbutton', { name: 'Adjusted DPC score' }).fill('1');
  await page
    .getByRole('textbox', { name: 'Why this DPC score' })
    .fill('Name, gender and date of birth; the music-service passwords unlock simple data only.');
  await page
    .getByRole('radiogroup', { name: 'Ease of identification' })
    .getByRole('radio', { name: /Maximum/ })
    .check();
  await page.getByRole('textbox', { name: 'Why this ease of identification' }).fill('Full names.');
  const confidentiality = page.getByRole('radiogroup', { name: 'Loss of confidentiality' });
  await confidentiality.getByRole('radio', { name: /known or limited set of recipients/ }).check();
  await expect(
    confidentiality.getByRole('radio', { name: /unknown number of recipients/ }),
  ).toHaveAccessibleName(/to be verified/);
  await page.getByRole('textbox', { name: 'Why these circumstances' }).fill('Seen by three known partners.');

  await expect(score).toContainText('SE = 1 × 1 + 0.25 = 1.25');
  await expect(score).toContainText('Low');
  await expect(score.locator('.sev-band')).toHaveText('Low');
  // The suggestion from a low band is a risk (Art. 33), not a high risk.
  await expect(page.getByText(/Suggested from the low severity band: a risk/)).toBeVisible();

  // Sensitive data: very high, in amber (red is kept for failures), suggesting a high risk.
  await category.selectOption('sensitive');
  await expect(score).toContainText('SE = 4 × 1 + 0.25 = 4.25');
  await expect(score.locator('.sev-band')).toHaveText('Very high');
  await expect(score.locator('.sev-band')).toHaveCSS('color', 'rgb(138, 83, 0)');
  await expect(page.getByText(/Suggested from the very high severity band: a high risk/)).toBeVisible();
  await page.emulateMedia({ colorScheme: 'dark' });
  await tallScreenshot(page, 'severity-very-high-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });
  await category.selectOption('simple');

  // The ease of identification from the keyboard: arrows move between the levels.
  const maximum = page.getByRole('radio', { name: /Maximum/ });
  await maximum.focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('radio', { name: /Significant/ })).toBeChecked();
  await expect(score).toContainText('SE = 1 × 0.75 + 0.25 = 1');
  await page.keyboard.press('ArrowDown');
  await expect(maximum).toBeChecked();

  // Malicious intent raises it to 1.75, still low; an unusable score says why.
  await page.getByRole('checkbox', { name: /Malicious intent/ }).check();
  await expect(score).toContainText('SE = 1 × 1 + 0.75 = 1.75');
  await page.getByRole('spinbutton', { name: 'Adjusted DPC score' }).fill('5');
  await expect(page.getByText('The adjusted score is between 1 and 4')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Confirm decision' })).toBeDisabled();
  await page.getByRole('spinbutton', { name: 'Adjusted DPC score' }).fill('1');
  await page.getByRole('checkbox', { name: /Malicious intent/ }).uncheck();
  await expect(score).toContainText('SE = 1 × 1 + 0.25 = 1.25');

  // EDPB factors, each with a note.
  await page.getByRole('checkbox', { name: 'Number of affected individuals' }).check();
  await page
    .getByRole('textbox', { name: 'Note on Number of affected individuals' })
    .fill('About 350,000 people in ten jurisdictions.');
  await expectEveryControlNamed(page);
  await tallScreenshot(page, 'severity-calculator.png');

  // A decision needs a level and a reason.
  await page.getByRole('button', { name: 'Confirm decision' }).click();
  await expect(page.getByText('Choose the risk level you decide on')).toBeVisible();
  await expect(page.getByText('Say why you decide on this level')).toBeVisible();
  expect(await host.call('assessments.list', {})).toEqual([]);

  await page.getByRole('radio', { name: /^A high risk/ }).check();
  await page
    .getByRole('textbox', { name: 'Why this risk level' })
    .fill('350,000 people; passwords are likely reused elsewhere, so we treat the risk as high.');
  await page.getByRole('button', { name: 'Confirm decision' }).click();
  await expect(page.getByText('Decision confirmed: saved as a new version.')).toBeVisible();
  const first = versions.getByRole('row', { name: /Version 1/ });
  await expect(first).toContainText('1.25');
  await expect(first).toContainText('Low');
  await expect(first).toContainText('High risk');
  await expect(first).toContainText('confirmed by e2e tester');
  await expect(page.getByRole('note', { name: 'Decision in force' })).toContainText('A high risk (version 1');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');

  // The confirmed decision makes the Art. 34 communication owed.
  const board = await host.call('obligations.board', {});
  expect(board.risk).toBe('high');
  const art34 = board.rows.find((row) => row.ruleId === 'gdpr-art34-data-subjects');
  expect(art34?.obligation).not.toBeNull();

  // A draft is a further version without a decision; the decision in force stays.
  await page
    .getByRole('radiogroup', { name: 'Loss of availability' })
    .getByRole('radio', { name: /Temporary/ })
    .check();
  await expect(page.getByText('Changed since version 1; saving adds version 2.')).toBeVisible();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(versions.getByRole('row', { name: /Version 2/ })).toContainText('Draft, no decision');
  await expect(versions.getByRole('row', { name: /Version 2/ })).toContainText('1.5');
  await expect(page.getByRole('note', { name: 'Decision in force' })).toContainText('A high risk (version 1');
  const rows = versions.getByRole('row');
  await expect(rows.nth(1)).toContainText('Version 2'); // newest first
  await expect(rows.nth(2)).toContainText('Version 1');

  // Reopen the case: the history is kept and the form starts from the latest version.
  await host.call('case.close', {});
  await expect(page.getByRole('button', { name: 'Open demo case' })).toBeVisible();
  await host.call('case.open', { path });
  await openSeverity(page);
  await expect(versions.getByRole('row')).toHaveCount(3);
  await expect(page.getByText('The form starts from version 2, the latest.')).toBeVisible();
  await expect(score).toContainText('SE = 1 × 1 + 0.5 = 1.5');
  await expect(page.getByRole('textbox', { name: 'Why this DPC score' })).toHaveValue(
    /music-service passwords/,
  );

  // A past version opens read-only, with its reasons and decision.
  await versions.getByRole('button', { name: 'View version 1' }).click();
  const view = page.getByRole('region', { name: 'Version 1 (read-only)' });
  await expect(view).toContainText('SE = DPC × EI + CB = 1 × 1 + 0.25 = 1.25');
  await expect(view).toContainText('Seen by three known partners.');
  await expect(view).toContainText('A high risk, confirmed by e2e tester');
  await expect(view).toContainText('passwords are likely reused');
  await expect(view).toContainText('About 350,000 people');
  await expect(view.getByRole('textbox')).toHaveCount(0);
  await expect(versions.getByRole('button', { name: /delete/i })).toHaveCount(0);
  await tallScreenshot(page, 'severity-versions.png');

  await view.getByRole('button', { name: 'Start a new version from this one' }).click();
  await expect(view).toBeHidden();
  await expect(score).toContainText('SE = 1 × 1 + 0.25 = 1.25');
});
