import { join } from 'node:path';
import { TZDate } from '@date-fns/tz';
import type { Page } from '@playwright/test';
import { artifactPath } from './support/paths';
import { expect, test, type TestHost } from './host/test-host';

/** The demo case's zone (main/demo/scenario.ts). */
const CASE_ZONE = 'Europe/Stockholm';
/** The demo's day 2, as it opens. */
const DAY_2 = new TZDate(2020, 10, 17, 15, 0, CASE_ZONE);

async function openDemo(page: Page, host: TestHost): Promise<void> {
  await page.clock.install({ time: DAY_2.getTime() });
  await host.call('demo.create', { path: join(host.dir, 'sonora.bdcase') });
  await host.start();
  await expect(page.getByRole('navigation', { name: 'Case sections' })).toBeVisible();
}

async function section(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Case sections' }).getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

async function searchFor(page: Page, text: string) {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Search the case' });
  const box = palette.getByRole('combobox', { name: 'Search the case' });
  await expect(box).toBeFocused();
  await box.fill(text);
  return palette.getByRole('listbox', { name: 'Search results' });
}

test('Ctrl+K "California" finds the California notices, letters and people row, and each opens where it lives', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openDemo(page, host);

  let results = await searchFor(page, 'California');
  const notices = results.getByRole('group', { name: 'Obligations' });
  await expect(
    notices.getByRole('option', { name: /Notify California residents \(California law before 1 Jan 2026\)/ }),
  ).toBeVisible();
  await expect(results.getByRole('group', { name: 'Letters' }).getByRole('option').first()).toBeVisible();
  await expect(
    results.getByRole('group', { name: 'People by jurisdiction' }).getByRole('option', {
      name: /People affected in California/,
    }),
  ).toBeVisible();
  await page.screenshot({ path: artifactPath('plain-words-search.png') });

  // An obligation opens on the board with its detail open and the keyboard on it.
  await notices.getByRole('option', { name: /Notify California residents/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Obligations' })).toBeVisible();
  const notice = page.locator('[data-search-target="obligation:us-ca-individuals-until-2025"]');
  await expect(notice.getByRole('button', { expanded: true }).first()).toBeFocused();
  await expect(notice.getByRole('region', { name: /^Details of Notify California residents/ })).toBeVisible();

  // A letter opens in the editor, selected in the list.
  results = await searchFor(page, 'California');
  const letter = results.getByRole('group', { name: 'Letters' }).getByRole('option').first();
  const letterTitle = (await letter.locator('.palette__title').textContent()) ?? '';
  expect(letterTitle).toMatch(/California/);
  await letter.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Letters' })).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Letters' }).getByRole('button', { name: letterTitle }),
  ).toHaveAttribute('aria-current', 'true');

  // The demo counts its Californians from its roster: the result opens the Roster tab with the
  // keyboard on their bar of the residency chart.
  results = await searchFor(page, 'California');
  await results.getByRole('option', { name: /People affected in California/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'People & data' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Roster' })).toHaveAttribute('aria-selected', 'true');
  await expect(
    page
      .getByRole('list', { name: 'People by residency' })
      .getByRole('listitem')
      .filter({ hasText: 'California' }),
  ).toBeFocused();
  await page.getByRole('tab', { name: 'Data and counts' }).click();
  // Data elements are shown by a sensitivity in words: passwords are credentials, not ENISA's "Simple".
  const elements = page
    .getByRole('table')
    .filter({ has: page.getByRole('columnheader', { name: 'Sensitivity' }) });
  await expect(elements.getByRole('row', { name: /Password/ })).toContainText('Credentials');
  await page.screenshot({ path: artifactPath('plain-words-people.png'), fullPage: true });
});

test('timeline titles are whole at 1280 px and 1024 px: they wrap instead of being cut', async ({
  page,
  host,
}) => {
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    if (width === 1280) await openDemo(page, host);
    await section(page, 'Timeline');
    const titles = page
      .getByRole('listbox', { name: 'Timeline events' })
      .locator('.tl-row__title, .tl-row__time');
    await expect(titles.first()).toBeVisible();
    const cut = await titles.evaluateAll(
      (elements) =>
        elements.filter((e) => e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight + 1).length,
    );
    expect(cut).toBe(0);
    await page.screenshot({ path: artifactPath(`plain-words-timeline-${width}.png`) });
  }
});

test('a date field takes 2020-11-16 as typed and shows it the same way; a wrong date says why', async ({
  page,
  host,
}) => {
  await openDemo(page, host);
  await section(page, 'Tasks & notes');
  const due = page.getByRole('textbox', { name: 'Due date' }).first();
  await expect(due).toHaveAttribute('placeholder', 'YYYY-MM-DD');
  await due.fill('16/11/2020');
  await due.blur();
  await expect(page.getByText('Type the date as YYYY-MM-DD, e.g. 2020-11-16.')).toBeVisible();
  await expect(due).toHaveAttribute('aria-invalid', 'true');
  await due.fill('2020-11-16');
  await expect(due).toHaveValue('2020-11-16');
  await expect(due).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('textbox', { name: 'Task', exact: true }).fill('Check the partner logs');
  await page.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByText('Check the partner logs').first()).toBeVisible();
  await expect(page.getByRole('main')).toContainText('2020-11-16');
  await page.screenshot({ path: artifactPath('plain-words-date.png') });
});

test('audit rows read as sentences; the raw action stays under Payload', async ({ page, host }) => {
  await openDemo(page, host);
  await section(page, 'Audit log');
  const table = page.getByRole('table');
  await expect(table).toContainText('Letter drafted: California: notice to affected residents');
  await expect(table.getByRole('columnheader', { name: 'What happened' })).toBeVisible();
  await page.getByRole('button', { name: 'Show payload of entry 1', exact: true }).click();
  await expect(table).toContainText('case.created');
  await page.screenshot({ path: artifactPath('plain-words-audit.png') });
});
