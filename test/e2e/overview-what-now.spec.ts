import { join } from 'node:path';
import { TZDate } from '@date-fns/tz';
import type { Page } from '@playwright/test';
import { artifactPath } from './support/paths';
import { expect, test, type TestHost } from './host/test-host';

/** The demo case's zone (main/demo/scenario.ts): its times are entered, and counted, there. */
const CASE_ZONE = 'Europe/Stockholm';
/** The demo's day 2: 41 h and a minute before the Art. 33 deadline (2020-11-19 09:30 CET). */
const DAY_TWO = new TZDate(2020, 10, 17, 16, 29, CASE_ZONE);

function whatNow(page: Page) {
  return page.getByRole('region', { name: 'What now' });
}

async function openDemo(page: Page, host: TestHost): Promise<void> {
  await page.clock.install({ time: DAY_TWO.getTime() });
  await host.call('demo.create', { path: join(host.dir, 'sonora.bdcase') });
  await host.start();
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  await expect(whatNow(page)).toBeVisible({ timeout: 10_000 });
}

for (const width of [1280, 1024]) {
  test(`the demo overview at ${width} px: notices, the next three deadlines, decisions and one next step in the first screenful`, async ({
    page,
    host,
  }) => {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 768 });
    await openDemo(page, host);
    const card = whatNow(page);

    const notices = card.getByRole('region', { name: 'Notices' });
    await expect(notices).toContainText('0 of 10 sent');
    const byState = notices.getByRole('list', { name: 'Notices by state' });
    await expect(byState).toContainText('0 overdue');
    await expect(byState).toContainText('7 to do');
    await expect(byState).toContainText('3 drafting');
    await expect(byState).toContainText('0 approved');

    const deadlines = card.getByRole('region', { name: 'Next deadlines' }).getByRole('listitem');
    await expect(deadlines).toHaveCount(3);
    const art33 = deadlines.nth(0);
    await expect(art33).toContainText('Art. 33');
    await expect(art33).toContainText('due in 41 h');
    // Weekday and local time in the case's zone.
    await expect(art33).toContainText('Thu, 19 Nov 2020, 09:30 CET');
    // The demo is shown as of 17 Nov 2020 16:00 CET: 30 h 30 min of the 72 h have run.
    const clock = art33.getByRole('progressbar', { name: 'Clock of Art. 33 elapsed' });
    await expect(clock).toHaveAttribute('aria-valuenow', '42');
    await expect(art33).toContainText('42 % elapsed');
    await expect(deadlines.nth(1)).toContainText('WA residents');
    await expect(deadlines.nth(2)).toContainText('TX AG');

    const decisions = card.getByRole('region', { name: 'Decisions needed' });
    await expect(decisions.getByRole('button', { name: 'GDPR risk decision' })).toBeVisible();
    await expect(decisions.getByRole('button', { name: /^Harm decision: New York/ })).toBeVisible();
    await expect(card.getByRole('region', { name: 'Facts missing' })).toContainText('None');

    const primary = card.getByRole('button', { name: 'Review and approve the Art. 33 letter' });
    await expect(primary).toBeInViewport();
    await expect(card.getByRole('region', { name: 'Next deadlines' })).toBeInViewport();
    // One primary action on the first screenful.
    await expect(page.locator('.workspace__main .btn--primary')).toHaveCount(1);

    await page.screenshot({ path: artifactPath(`overview-what-now-demo-${width}.png`) });

    // The strip labels the nearest deadline; the chart's labels are whole.
    const strip = page
      .getByRole('region', { name: 'Incident strip' })
      .getByRole('img', { name: /Incident strip/ });
    await expect(strip.locator('text', { hasText: 'Due: Art. 33 (next)' })).toBeVisible();
    const chart = page.getByRole('region', { name: 'People affected by jurisdiction' });
    const unknown = chart.locator('.chart__label', { hasText: 'Rest of world' });
    await expect(unknown).toHaveText(/^Rest of world \/ unknown/);
    await expect(chart.locator('.chart__label', { hasText: '…' })).toHaveCount(0);
    await page
      .getByRole('region', { name: 'Incident strip' })
      .evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: artifactPath(`overview-what-now-strip-chart-${width}.png`) });
    await page.evaluate(() => document.querySelector('.workspace__main')?.scrollTo(0, 0));

    // The file's internals wait under "About this file".
    await expect(page.getByText('Schema version')).toBeHidden();
    await page.getByText('About this file').click();
    await expect(page.getByText('Schema version')).toBeVisible();
    await page.screenshot({ path: artifactPath(`overview-what-now-about-file-${width}.png`) });
    await page.getByText('About this file').click();

    // The keyboard path: from the section heading, the first Tab reaches the next step.
    await page
      .getByRole('navigation', { name: 'Case sections' })
      .getByRole('button', { name: 'Facts' })
      .click();
    await page
      .getByRole('navigation', { name: 'Case sections' })
      .getByRole('button', { name: 'Overview' })
      .click();
    await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(primary).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Letters' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Integritetsskyddsmyndigheten');
  });
}

test('a decision link opens the decision; a deadline opens its notice on the board', async ({
  page,
  host,
}) => {
  await openDemo(page, host);
  await whatNow(page)
    .getByRole('button', { name: /^Harm decision: Washington/ })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Washington');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Overview' })
    .click();
  await whatNow(page).getByRole('button', { name: 'Art. 33', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Obligations' })).toBeVisible();
  await expect(
    page.getByRole('region', { name: /Details of Notify the lead supervisory authority/ }),
  ).toBeVisible();
});

const FACT_FIELDS = [
  {
    link: 'Awareness time',
    section: 'Facts',
    focused: (page: Page) => page.getByRole('group', { name: 'Aware at' }),
  },
  {
    link: 'Discovery time',
    section: 'Facts',
    focused: (page: Page) => page.getByRole('group', { name: 'Discovered at' }),
  },
  {
    link: 'Main establishment',
    section: 'Facts',
    focused: (page: Page) => page.getByRole('combobox', { name: /^Main establishment/ }),
  },
  {
    link: 'People affected by jurisdiction',
    section: 'People & data',
    focused: (page: Page) => page.getByRole('form', { name: 'Add people affected' }),
  },
  {
    link: 'Data elements',
    section: 'People & data',
    focused: (page: Page) => page.getByRole('form', { name: 'Add a data element' }),
  },
] as const;

for (const width of [1280, 1024]) {
  test(`a blank case at ${width} px lists the facts missing, and each link puts the keyboard on its field`, async ({
    page,
    host,
  }) => {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 768 });
    await host.call('case.create', {
      path: join(host.dir, 'blank.bdcase'),
      title: 'Lost laptop',
      organisation: 'Contoso',
      plaintext: true,
    });
    await host.start();
    const card = whatNow(page);
    await expect(card).toBeVisible({ timeout: 10_000 });
    await expect(card.getByRole('region', { name: 'Notices' })).toContainText(
      'Not known yet: the facts below are missing.',
    );
    const missing = card.getByRole('region', { name: 'Facts missing' });
    await expect(missing.getByRole('button')).toHaveText(FACT_FIELDS.map((f) => f.link));
    const primary = card.getByRole('button', { name: 'Enter the awareness time' });
    await expect(primary).toBeInViewport();
    await page.screenshot({ path: artifactPath(`overview-what-now-blank-${width}.png`) });

    for (const field of FACT_FIELDS) {
      await page
        .getByRole('navigation', { name: 'Case sections' })
        .getByRole('button', { name: 'Overview' })
        .click();
      await whatNow(page)
        .getByRole('region', { name: 'Facts missing' })
        .getByRole('button', { name: field.link })
        .click();
      await expect(page.getByRole('heading', { level: 2, name: field.section })).toBeVisible();
      // The focused control lies within the field the link names.
      await expect(field.focused(page).locator(':scope:focus-within')).toHaveCount(1);
    }

    // The keyboard reaches the next step first, and it lands on the awareness time.
    await page
      .getByRole('navigation', { name: 'Case sections' })
      .getByRole('button', { name: 'Overview' })
      .click();
    await page.keyboard.press('Tab');
    await expect(primary).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('group', { name: 'Aware at' }).locator(':scope:focus-within')).toHaveCount(1);
  });
}

test('the next step follows the case: with Art. 33 sent and the Washington harm decision recorded, it drafts the WA letter in one click', async ({
  page,
  host,
}) => {
  await page.clock.install({ time: DAY_TWO.getTime() });
  await host.call('demo.create', { path: join(host.dir, 'sonora.bdcase') });
  await host.call('obligations.setStatus', {
    ruleId: 'gdpr-art33-lead-authority',
    status: { status: 'sent', sentAt: '2020-11-17T14:00:00.000Z', channel: 'IMY e-service', note: '' },
  });
  await host.call('harm.set', {
    jurisdiction: 'US-WA',
    finding: 'harm_likely',
    basis: 'Passwords of Washington residents were exposed; harm is likely.',
  });
  await host.start();
  const card = whatNow(page);
  await expect(card.getByRole('region', { name: 'Notices' })).toContainText('1 of 10 sent');
  await expect(
    card.getByRole('region', { name: 'Next deadlines' }).getByRole('listitem').first(),
  ).toContainText('WA residents');
  await card.getByRole('button', { name: 'Draft the WA residents letter' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Letters' })).toBeVisible();
  const letters = await host.call('letters.list', {});
  expect(letters.filter((l) => l.obligationRuleId === 'us-wa-individuals')).toHaveLength(1);

  // Back on the Overview, the notice is drafting and the next step is its approval.
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Overview' })
    .click();
  await expect(
    card.getByRole('button', { name: 'Review and approve the WA residents letter' }),
  ).toBeVisible();
});
