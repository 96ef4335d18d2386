import { join } from 'node:path';
import { artifactPath } from './support/paths';
import { expect, test } from './host/test-host';

test('the demo case opens from the welcome screen; its overview sums it up in words and two pictures', async ({
  page,
  host,
}) => {
  const path = join(host.dir, 'Sonora Streaming demo.bdcase');
  host.dialogs.answerNewCase(path);
  await host.start();
  await page.getByRole('button', { name: 'Open demo case' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible({ timeout: 20_000 });
  expect(host.dialogs.suggestedNames).toEqual(['Sonora Streaming demo.bdcase']);

  const summary = page.getByRole('region', { name: 'Case summary' });
  await expect(summary).toContainText('350,000');
  // Counted from the demo's roster, so not an estimate.
  await expect(summary).not.toContainText('Estimate, to be verified');
  await expect(summary).toContainText('Discovered');
  await expect(summary).toContainText('2020-11-16 09:30 CET');

  const strip = page.getByRole('region', { name: 'Incident strip' });
  const picture = strip.getByRole('img', { name: /Incident strip/ });
  await expect(picture).toBeVisible();
  await expect(picture).toHaveAccessibleDescription(/Exposure window: .*Discovered: .*Aware: /);
  // The three key dates, and the notice deadlines still open (the demo's are all past, so overdue).
  await expect(picture).toHaveAccessibleDescription(/Due: Art\. 33/);
  const deadlines = (await host.call('obligations.board', {})).rows.filter(
    (r) => (r.obligation?.deadline.due ?? null) !== null,
  );
  await expect(picture.locator('.strip__marker')).toHaveCount(3 + deadlines.length);

  const range = strip.getByText(/^Showing /);
  const fitted = await range.textContent();
  await strip.getByRole('button', { name: 'Zoom in' }).click();
  await expect(range).not.toHaveText(fitted ?? '');
  await expect(strip.getByRole('slider', { name: 'Pan' })).toBeEnabled();
  await strip.getByRole('button', { name: 'Zoom out' }).click();
  await expect(range).toHaveText(fitted ?? '');
  await strip.getByRole('button', { name: 'Zoom in' }).click();
  await strip.getByRole('button', { name: 'Fit' }).click();
  await expect(range).toHaveText(fitted ?? '');

  const chart = page.getByRole('region', { name: 'People affected by jurisdiction' });
  // The demo counts its people from its roster: fourteen places and the people of unknown residency,
  // drawn as the twelve largest and one bar for the rest.
  await expect(chart.locator('.chart__bar')).toHaveCount(13);
  const table = chart.getByRole('table', { name: 'People affected by jurisdiction, largest first' });
  await expect(table.getByRole('row').nth(1)).toContainText('84,185');
  await expect(table).toContainText('Exact');

  // Tall enough to show the summary and both pictures in one picture.
  await page.setViewportSize({ width: 1280, height: 1500 });
  await summary.scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifactPath('overview-demo.png') });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Evidence' })
    .click();
  // The demo's generated files are in the evidence locker, each with its SHA-256.
  const files = page.getByRole('list', { name: 'Evidence items' });
  await expect(files).toContainText('partner-sync-access-2020-11.log');
  await expect(files.getByRole('button', { name: /Copy SHA-256 of/ }).first()).toBeVisible();
  await page.screenshot({ path: artifactPath('evidence-demo.png') });
});
