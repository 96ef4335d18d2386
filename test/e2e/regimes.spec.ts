import { join } from 'node:path';
import { TZDate } from '@date-fns/tz';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type TestHost } from './host/test-host';
import { axeViolations } from './support/axe';

/*
 * Issue 21: a sector regime from the Facts to the board. An NIS2 essential entity established in
 * Germany: the report waits for the "significant incident" decision; recorded in Facts ›
 * Decisions with its time, the report shows its three stages in order; the early warning marked
 * sent, the notification keeps its own deadline and the final report runs a month from it.
 */

const ZONE = 'Europe/Berlin';
const NIS2 = 'Report the significant incident to the CSIRT or competent authority (NIS2 Art. 23)';

async function caseInGermany(host: TestHost): Promise<void> {
  await host.call('case.create', {
    path: join(host.dir, 'nis2.bdcase'),
    title: 'Grid operator outage',
    organisation: 'Netzwerk GmbH',
    plaintext: true,
  });
  await host.call('facts.update', {
    patch: {
      discoveredAt: { utc: '2026-11-30T07:00:00.000Z', zone: ZONE, precision: 'exact', approximate: false },
      awareAt: { utc: '2026-11-30T08:00:00.000Z', zone: ZONE, precision: 'exact', approximate: false },
    },
  });
}

function section(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'Case sections' }).getByRole('button', { name });
}

function board(page: Page): Locator {
  return page.getByRole('list', { name: 'Obligations, soonest deadline first' });
}

test('an NIS2 entity: the role and the dated decision bring the staged report, whose stages run in order', async ({
  page,
  host,
}) => {
  await page.clock.install({ time: new TZDate(2026, 10, 30, 12, 0, ZONE).getTime() });
  await caseInGermany(host);
  await host.start();
  await expect(page.getByRole('textbox', { name: 'Title' })).toBeVisible();

  // Facts › Sector and establishment: each role explained; the establishment typed as codes.
  await section(page, 'Facts').click();
  const sector = page.getByRole('region', { name: 'Sector and establishment' });
  await expect(sector).toContainText('significant incidents are reported to the CSIRT');
  await sector.getByRole('checkbox', { name: /^NIS2 essential entity/ }).check();
  const countries = sector.getByRole('textbox', { name: 'Countries of establishment' });
  await countries.fill('Germany');
  await countries.blur();
  await expect(sector).toContainText('GERMANY is not an ISO 3166 code');
  await countries.fill('de');
  await countries.blur();
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  expect(await axeViolations(page, 'Facts with sector roles and decisions')).toEqual([]);

  // The board: decision needed, never "not owed"; its button leads to the decision's field.
  await section(page, 'Obligations').click();
  const waiting = page.getByRole('list', { name: 'Notices waiting for a decision' });
  const card = waiting.getByRole('listitem', { name: NIS2 });
  await expect(card).toContainText('Is this a significant incident under NIS2');
  await card.getByRole('button', { name: 'Record the decision…' }).click();
  const decision = page.getByRole('group', { name: 'NIS2 significant incident' });
  const answer = decision.getByRole('combobox', { name: 'Answer' });
  await expect(answer).toBeFocused();
  await answer.selectOption('yes');
  // The moment of the decision defaults to now; the NIS2 clocks run from awareness anyway.
  await expect(decision.getByRole('group', { name: 'Decided at' })).toBeVisible();
  await decision
    .getByRole('textbox', { name: 'Basis' })
    .fill('CISO: a day-long outage of the billing portal');
  await decision.getByRole('textbox', { name: 'Basis' }).blur();
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');

  await section(page, 'Obligations').click();
  // The row itself (its stages are list items named after it too).
  const row = board(page)
    .getByRole('listitem', { name: new RegExp(NIS2.replace(/[()]/g, '\\$&')) })
    .first();
  // The row counts down to the stage that comes next.
  await expect(row).toContainText('Stage 1 of 3: Early warning');
  await row.getByRole('button', { name: NIS2 }).click();
  const stages = row.getByRole('region', { name: /^Stages \(\d of 3 sent\)$/ });
  await expect(stages).toHaveAccessibleName('Stages (0 of 3 sent)');
  const items = stages.getByRole('listitem', { name: /, stage \d: / });
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('1. Early warning');
  await expect(items.nth(0)).toContainText('Due 2026-12-01 09:00');
  await expect(items.nth(1)).toContainText('2. Incident notification');
  await expect(items.nth(1)).toContainText('Due 2026-12-03 09:00');
  await expect(items.nth(2)).toContainText('3. Final report');
  await expect(items.nth(2)).not.toContainText('Due ');

  // Mark the incident notification sent: the final report runs a calendar month from it.
  await items.nth(1).getByRole('button', { name: 'Mark stage sent…' }).click();
  const sent = page.getByRole('dialog', { name: 'Mark stage sent' });
  await sent.getByRole('textbox', { name: 'Date and time' }).fill('2026-12-02 16:00');
  await sent.getByRole('combobox', { name: 'Time zone' }).selectOption(ZONE);
  await sent.getByRole('textbox', { name: 'Channel' }).fill('BSI reporting portal');
  await sent.getByRole('button', { name: 'Record as sent' }).click();
  await expect(sent).toBeHidden();
  await expect(row.getByRole('region', { name: 'Stages (1 of 3 sent)' })).toBeVisible();
  await expect(items.nth(1)).toContainText('Sent 2026-12-02 16:00');
  await expect(items.nth(2)).toContainText('Due 2027-01-02 16:00');
  await expect(items.nth(2)).toContainText(
    '1 calendar month after the Incident notification was sent on 2026-12-02',
  );
  // The row still counts down to the early warning: the first stage not sent.
  await expect(row).toContainText('Stage 1 of 3: Early warning');
  expect(await axeViolations(page, 'board with a staged report')).toEqual([]);
});
