import { join } from 'node:path';
import { TZDate } from '@date-fns/tz';
import type { Locator, Page } from '@playwright/test';
import { expectEveryControlNamed } from './support/named-controls';
import { artifactPath } from './support/paths';
import { expect, test, type TestHost } from './host/test-host';

const ART_33 = 'Notify the lead supervisory authority (GDPR Art. 33)';
/** The demo case's zone (main/demo/scenario.ts): its times are entered, and counted, there. */
const CASE_ZONE = 'Europe/Stockholm';
/** The demo's awareness time is 2020-11-16 09:30 CET: the Art. 33 clock ends 72 h later. */
const ART_33_DUE = '2020-11-19 09:30 CET';
const ART_33_DUE_AT = new TZDate(2020, 10, 19, 9, 30, CASE_ZONE);
/** A fixed "today" for tests that only need the 2020 deadlines to be long past: 2025-11-19 12:00. */
const YEARS_LATER = new TZDate(2025, 10, 19, 12, 0, CASE_ZONE);
const DAY_MS = 86_400_000;

async function openDemoObligations(page: Page, host: TestHost): Promise<void> {
  await host.call('demo.create', { path: join(host.dir, 'sonora.bdcase') });
  await host.start();
  // The demo opens as of its own day 2 (demo-as-of.spec.ts); these tests count on the page's clock.
  await page
    .getByRole('status', { name: 'Demo case' })
    .getByRole('button', { name: 'Show as of today' })
    .click();
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Obligations' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Obligations' })).toBeVisible();
  await expect(board(page)).toBeVisible({ timeout: 10_000 });
}

/** A pattern matching the text exactly somewhere (parentheses and dots taken literally). */
function literal(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

function board(page: Page): Locator {
  return page.getByRole('list', { name: 'Obligations, soonest deadline first' });
}

function row(page: Page, title: RegExp): Locator {
  return board(page).getByRole('listitem', { name: title });
}

test('the demo board: the Art. 33 clock counts down from awareness, the US rows and the rules not triggered', async ({
  page,
  host,
}) => {
  // 41 hours and a minute before the Art. 33 deadline (2020-11-19 09:30 in the case's zone); the
  // clock runs on.
  await page.clock.install({ time: new TZDate(2020, 10, 17, 16, 29, CASE_ZONE).getTime() });
  await openDemoObligations(page, host);

  const art33 = row(page, literal(ART_33));
  await expect(art33).toContainText('due in 41 h');
  await expect(art33).toContainText(ART_33_DUE);
  // The demo's Art. 33 letter is drafted, so the notice reads Drafting (one story per case).
  await expect(art33).toContainText('Drafting');
  await expect(art33).toContainText('Draft v1');
  // Soonest first.
  await expect(board(page).getByRole('listitem').first()).toContainText(ART_33);

  const chip = page.getByRole('button', { name: /^Nearest deadline: / });
  await expect(chip).toHaveText('Art. 33 due in 41 h');
  await expect(chip).toHaveAccessibleName(`Nearest deadline: Art. 33 due in 41 h, ${ART_33_DUE}`);

  // The law of the discovery day, with the pack and its disclaimer.
  await expect(page.getByLabel('Law as of')).toHaveValue('2020-11-12');
  await expect(page.getByText(/Rule pack breachdesk-us-eu/)).toBeVisible();
  await expect(page.getByText(/Decision support, not legal advice/)).toBeVisible();
  // People whose country is not known are named, not dropped.
  await expect(page.getByRole('region', { name: 'Jurisdictions without rules' })).toContainText(
    'Rest of world / unknown (84,185 people): Where these people live is not recorded',
  );

  // California: 1,240 residents; no fixed deadline before 2026, an internal target; the AG sample waits.
  const california = row(page, /Notify California residents \(California law before 1 Jan 2026\)/);
  await expect(california).toContainText('without unreasonable delay');
  await expect(california).toContainText(/Internal suggested target 2020-12-12 14:05 CET/);
  await expect(california).toContainText('(not a legal deadline)');
  const sample = row(page, /Submit a sample notice to the California Attorney General/);
  await expect(sample).toContainText('Waiting');
  await expect(sample).toContainText('once the residents have been notified');

  // Texas AG (300 ≥ 250), 60 days from determination (taken as awareness) in 2020.
  const texas = row(page, /Notify the Texas Attorney General/);
  await expect(texas).toContainText('2021-01-15 09:30 CET');
  await expect(texas).toContainText('⚠ to be verified');
  await expect(texas.getByText('⚠ to be verified')).toHaveCSS('color', 'rgb(138, 83, 0)');

  // No Washington AG notice (120 ≤ 500): listed with its reason among the rules not triggered.
  await expect(board(page)).not.toContainText('Notify the Washington Attorney General');
  await expect(row(page, /Notify Washington residents/)).toBeVisible();
  await page.getByText(/^Not triggered \(\d+\)$/).click();
  const notTriggered = page.getByRole('list', { name: 'Rules not triggered' });
  await expect(
    notTriggered.getByRole('listitem').filter({ hasText: 'Notify the Washington Attorney General' }),
  ).toContainText(
    '120 of 120 people in Washington (US) in the roster had exposed data that counts under RCW 19.255.010: this notice needs more than 500.',
  );

  // The detail: why, the clock it runs from, content with citations.
  await art33.getByRole('button', { name: literal(ART_33) }).click();
  const detail = art33.getByRole('region', { name: `Details of ${ART_33}` });
  await expect(detail).toContainText('72 h from awareness, 2020-11-16 09:30 CET');
  await expect(detail).toContainText('263,500 of 263,500 residents of the EU/EEA in the roster count');
  // Where its people came from: the demo's roster, none by hand.
  await expect(detail).toContainText('263,500 from the roster');
  await expect(detail.getByRole('region', { name: 'Required content' })).toContainText('Art. 33(3)');
  await expectEveryControlNamed(page);
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.screenshot({ path: artifactPath('obligations-board.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The countdown moves on by itself; under 24 h it turns amber, past the deadline red.
  await page.clock.fastForward('18:00:00');
  await expect(art33).toContainText('due in 23 h');
  await expect(chip).toHaveText('Art. 33 due in 23 h');
  await expect(art33.getByText('due in 23 h')).toHaveCSS('color', 'rgb(138, 83, 0)');
  await page.clock.fastForward('26:02:00');
  await expect(art33).toContainText('overdue by 3 h');
  await expect(art33.getByText('overdue by 3 h')).toHaveCSS('color', 'rgb(180, 35, 24)');
  await expect(chip).toHaveText('Art. 33 overdue by 3 h');
  await page.screenshot({ path: artifactPath('obligations-overdue.png') });

  // The chip opens the section from anywhere.
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Overview' })
    .click();
  await chip.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Obligations' })).toBeVisible();
});

test('years later the demo deadlines read overdue, in whole days', async ({ page, host }) => {
  await page.clock.setFixedTime(YEARS_LATER.getTime());
  await openDemoObligations(page, host);
  // As the board counts: whole days since the deadline, both instants given in the case's zone
  // (five years with one leap day, and two and a half hours).
  const days = Math.floor((YEARS_LATER.getTime() - ART_33_DUE_AT.getTime()) / DAY_MS);
  expect(days).toBe(5 * 365 + 1);
  const art33 = row(page, literal(ART_33));
  await expect(art33).toContainText(`overdue by ${days.toLocaleString('en-GB')} d`);
  await expect(page.getByRole('button', { name: /^Nearest deadline: Art\. 33 overdue by / })).toBeVisible();
});

test('marking Art. 33 sent is kept after reopening the case; not required needs a rationale', async ({
  page,
  host,
}) => {
  // 41 hours before the Art. 33 deadline, in the case's zone.
  await page.clock.install({ time: new TZDate(2020, 10, 17, 16, 30, CASE_ZONE).getTime() });
  await openDemoObligations(page, host);
  const title = literal(ART_33);
  const art33 = row(page, title);
  await art33.getByRole('button', { name: title }).click();
  const status = art33.getByRole('group', { name: `Status of ${ART_33}` });

  await status.getByRole('button', { name: 'Drafting' }).click();
  await expect(art33.locator('.obl-row__status')).toHaveText('Drafting');
  await expect(status.getByRole('button', { name: 'Drafting' })).toHaveAttribute('aria-pressed', 'true');

  await status.getByRole('button', { name: 'Mark sent…' }).click();
  const sent = page.getByRole('dialog', { name: 'Mark sent' });
  await expect(sent).toHaveAccessibleDescription(ART_33);
  await sent.getByRole('textbox', { name: 'Date and time' }).fill('2020-11-18 14:00');
  await sent.getByRole('combobox', { name: 'Time zone' }).selectOption('Europe/Stockholm');
  await sent.getByRole('textbox', { name: 'Channel' }).fill('');
  await sent.getByRole('button', { name: 'Record as sent' }).click();
  await expect(sent).toContainText('Say how it was sent');
  await sent.getByRole('textbox', { name: 'Channel' }).fill('IMY e-service, ref. IMY-2020-7731');
  await sent.getByRole('button', { name: 'Record as sent' }).click();
  await expect(sent).toBeHidden();
  const sentText = 'Sent on 2020-11-18 14:00 CET via IMY e-service, ref. IMY-2020-7731';
  await expect(art33.locator('.obl-row__status')).toHaveText(sentText);
  // Sent is calm: no countdown, no red; the chip moves on to the next open deadline.
  await expect(art33).toContainText('Was due 2020-11-19 09:30 CET');
  await expect(art33).toContainText('sent before the deadline');
  await expect(art33).not.toContainText('due in');
  await expect(page.getByRole('button', { name: /^Nearest deadline: / })).toHaveText(
    'WA residents due in 24 d',
  );
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');

  // Not required: the rationale is required.
  const texasTitle = /Notify the Texas Attorney General/;
  const texas = row(page, texasTitle);
  await texas.getByRole('button', { name: texasTitle }).click();
  await texas.getByRole('button', { name: 'Not required…' }).click();
  const notRequired = page.getByRole('dialog', { name: 'Not required' });
  await notRequired.getByRole('button', { name: 'Record as not required' }).click();
  await expect(notRequired).toContainText('Record why this notice is not required');
  await notRequired
    .getByRole('textbox', { name: 'Rationale' })
    .fill('Counsel: the Texas residents were all notified through the partner.');
  await notRequired.getByRole('button', { name: 'Record as not required' }).click();
  await expect(notRequired).toBeHidden();
  await expect(texas.locator('.obl-row__status')).toHaveText(
    'Not required: Counsel: the Texas residents were all notified through the partner.',
  );
  await page.screenshot({ path: artifactPath('obligations-status.png') });

  // Close and reopen: the statuses are in the case file.
  await page.getByRole('button', { name: 'Close case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Breachdesk' })).toBeVisible();
  await page.getByRole('list', { name: 'Recent case files' }).getByRole('button').first().click();
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Obligations' })
    .click();
  await expect(row(page, title).locator('.obl-row__status')).toHaveText(sentText);
  await expect(row(page, texasTitle).locator('.obl-row__status')).toHaveText(/^Not required: Counsel/);

  const stored = await host.call('obligations.board', {});
  expect(stored.rows.find((r) => r.ruleId === 'gdpr-art33-lead-authority')?.status).toMatchObject({
    status: 'sent',
    sentAt: '2020-11-18T13:00:00.000Z',
    channel: 'IMY e-service, ref. IMY-2020-7731',
  });
});

test('the law as of 2026-02-01 applies the 30-day California rule; Reset goes back to the discovery day', async ({
  page,
  host,
}) => {
  await page.clock.setFixedTime(YEARS_LATER.getTime());
  await openDemoObligations(page, host);
  await expect(board(page)).toContainText('Notify California residents (California law before 1 Jan 2026)');
  const law = page.getByLabel('Law as of');
  await law.fill('2026-02-01');
  const california = row(page, /Notify California residents \(California law from 1 Jan 2026\)/);
  await expect(california).toContainText('2020-12-12 14:05 CET');
  await expect(california).toContainText(/overdue by/);
  // The earlier text's notice is no longer owed; its recorded status (drafting) keeps it on the
  // board for review, never silently dropped.
  await expect(row(page, /Notify California residents \(California law before 1 Jan 2026\)/)).toContainText(
    'No longer owed: Not in force on 2026-02-01',
  );
  await expect(
    row(page, /Submit a sample notice to the California Attorney General \(California law from 1 Jan 2026\)/),
  ).toContainText('Within 15 calendar days of notifying the affected residents');
  await page.screenshot({ path: artifactPath('obligations-2026.png') });

  await page.getByRole('button', { name: /^Reset/ }).click();
  await expect(law).toHaveValue('2020-11-12');
  await expect(board(page)).toContainText('Notify California residents (California law before 1 Jan 2026)');

  // Severity, the breach register and the rule pack are tabs of the section, walked with the keys.
  const tabs = page.getByRole('tablist', { name: 'Obligations views' });
  await tabs.getByRole('tab', { name: 'Notifications' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: 'Severity' })).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.getByRole('tab', { name: 'Severity' })).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Severity' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tabpanel', { name: 'Breach register' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByRole('tabpanel', { name: 'Rule pack' })).toBeVisible();
  await page.keyboard.press('Home');
  await expect(board(page)).toBeVisible();
});

test('a recorded status outlives a change of facts: the row stays with its reason and a Review flag', async ({
  page,
  host,
}) => {
  await page.clock.setFixedTime(YEARS_LATER.getTime());
  await openDemoObligations(page, host);
  const title = /Notify Washington residents/;
  const washington = row(page, title);
  await washington.getByRole('button', { name: title }).click();
  await washington.getByRole('button', { name: 'Mark sent…' }).click();
  const sent = page.getByRole('dialog', { name: 'Mark sent' });
  await sent.getByRole('textbox', { name: 'Date and time' }).fill('2020-12-01 10:00');
  await sent.getByRole('combobox', { name: 'Time zone' }).selectOption('America/Los_Angeles');
  await sent.getByRole('textbox', { name: 'Channel' }).fill('E-mail to each resident');
  await sent.getByRole('button', { name: 'Record as sent' }).click();
  await expect(sent).toBeHidden();
  await expect(washington.locator('.obl-row__status')).toHaveText(
    'Sent on 2020-12-01 19:00 CET via E-mail to each resident',
  );
  const audit = await host.call('audit.list', { limit: 5 });
  expect(audit.entries.map((entry) => entry.action)).toContain('obligation.status_recorded');

  // The Washington residents turn out to be elsewhere: a hand count of none overrides the roster's
  // 120, the rule no longer applies, the status stays.
  await host.call('populations.set', { jurisdiction: 'US-WA', count: 0, exact: true });
  await expect(washington).toContainText('No longer owed: No affected people recorded in Washington (US).');
  await expect(washington.locator('.obl-row__status')).toHaveText(
    'Sent on 2020-12-01 19:00 CET via E-mail to each resident',
  );
  const review = washington.getByRole('note', { name: /^Review / });
  await expect(review).toContainText('No longer owed on the current facts');
  await expect(review).toHaveCSS('color', 'rgb(138, 83, 0)');
  await expect(washington.getByRole('region', { name: /^Details of / })).toContainText('No longer owed');
  await washington.scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifactPath('obligations-review.png') });
});
