import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expectEveryControlNamed } from './support/named-controls';
import { artifactPath } from './support/paths';
import { expect, test } from './host/test-host';

async function openFacts(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Facts' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Facts' })).toBeVisible();
}

/** Enters a wall-clock time in a zone into the fieldset named `legend`, then leaves the field. */
async function enterTime(page: Page, legend: string, text: string, zone?: string): Promise<Locator> {
  const group = page.getByRole('group', { name: legend, exact: true });
  if (zone !== undefined) await group.getByRole('combobox', { name: 'Time zone' }).selectOption(zone);
  const input = group.getByRole('textbox', { name: 'Date and time' });
  await input.fill(text);
  await input.press('Tab');
  return group;
}

test("the scenario's key facts entered through the UI are saved as UTC with their zone, and persist", async ({
  page,
  host,
}) => {
  const path = join(host.dir, 'sonora.bdcase');
  await host.call('case.create', {
    path,
    title: 'Partner API exposure',
    organisation: 'Sonora Streaming AB',
    plaintext: true,
  });
  await host.start();
  await openFacts(page);
  const saveState = page.getByRole('status', { name: 'Save state' });

  await page
    .getByRole('textbox', { name: 'Summary' })
    .fill(
      'A flaw in partner-sync 3.2 let three partners retrieve account data of users outside their lists.',
    );
  await page.getByRole('checkbox', { name: /^Confidentiality/ }).check();
  await page.getByRole('combobox', { name: 'Incident status' }).selectOption({ label: 'Contained' });
  await page
    .getByRole('textbox', { name: 'Cause' })
    .fill('Release 3.2 of partner-sync skipped the customer-list check.');

  const discovered = await enterTime(page, 'Discovered at', '2020-11-12 14:05', 'Europe/Stockholm');
  await expect(discovered).toContainText('Recorded: 2020-11-12 14:05 CET');
  // The zone picked last is where the next empty time starts.
  await expect(
    page.getByRole('group', { name: 'Aware at' }).getByRole('combobox', { name: 'Time zone' }),
  ).toHaveValue('Europe/Stockholm');
  const aware = await enterTime(page, 'Aware at', '2020-11-16 09:30');
  await expect(aware).toContainText('The notification clocks start here');
  await enterTime(page, 'Contained at', '2020-11-12 18:40');
  await enterTime(page, 'Exposure start', '2020-04-09');
  await enterTime(page, 'Exposure end', '2020-11-12');

  const organisation = page.getByRole('region', { name: 'Organisation' });
  await organisation.getByRole('textbox', { name: 'Address' }).fill('Sveavägen 1, 111 57 Stockholm, Sweden');
  await organisation
    .getByRole('combobox', { name: 'Contact for regulators' })
    .selectOption({ label: 'Data Protection Officer' });
  await organisation.getByRole('textbox', { name: 'Contact name' }).fill('Data Protection Officer');
  await organisation.getByRole('textbox', { name: 'Contact e-mail' }).fill('privacy@sonora.example');
  await organisation.getByRole('textbox', { name: 'Contact phone' }).fill('+46 8 000 00 00');
  await organisation.getByRole('textbox', { name: 'Contact phone' }).press('Tab');
  await expect(saveState).toHaveText('Saved');

  const facts = await host.call('facts.get', {});
  expect(facts.discoveredAt).toEqual({
    utc: '2020-11-12T13:05:00.000Z',
    zone: 'Europe/Stockholm',
    precision: 'exact',
    approximate: false,
  });
  expect(facts.awareAt?.utc).toBe('2020-11-16T08:30:00.000Z');
  expect(facts.containedAt?.utc).toBe('2020-11-12T17:40:00.000Z');
  expect(facts.exposureStart).toMatchObject({ utc: '2020-04-08T22:00:00.000Z', precision: 'day' });
  expect(facts.exposureEnd).toMatchObject({ utc: '2020-11-11T23:00:00.000Z', precision: 'day' });
  expect(facts.nature).toEqual(['confidentiality']);
  expect(facts.status).toBe('contained');
  expect(facts.organisation).toMatchObject({
    address: 'Sveavägen 1, 111 57 Stockholm, Sweden',
    contactKind: 'dpo',
    contactEmail: 'privacy@sonora.example',
    contactPhone: '+46 8 000 00 00',
  });
  // The main pane scrolls inside the window: a tall window shows the whole section at once.
  await expectEveryControlNamed(page);
  await page.setViewportSize({ width: 1280, height: 2000 });
  await page.screenshot({ path: artifactPath('facts.png') });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Reopen the case file: everything comes back from disk.
  await page.getByRole('button', { name: 'Close case' }).click();
  await page.getByRole('button', { name: 'Partner API exposure', exact: true }).click();
  await openFacts(page);
  await expect(page.getByRole('textbox', { name: 'Cause' })).toHaveValue(
    'Release 3.2 of partner-sync skipped the customer-list check.',
  );
  await expect(page.getByRole('checkbox', { name: /^Confidentiality/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^Integrity/ })).not.toBeChecked();
  const discoveredAgain = page.getByRole('group', { name: 'Discovered at' });
  await expect(discoveredAgain.getByRole('textbox', { name: 'Date and time' })).toHaveValue(
    '2020-11-12 14:05',
  );
  await expect(discoveredAgain.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Europe/Stockholm');
  await expect(
    page.getByRole('group', { name: 'Exposure start' }).getByRole('textbox', { name: 'Date and time' }),
  ).toHaveValue('2020-04-09');
  await expect(page.getByRole('textbox', { name: 'Contact e-mail' })).toHaveValue('privacy@sonora.example');
});

test('a time that cannot be read is not saved; approximate and unknown times are', async ({ page, host }) => {
  await host.call('case.create', {
    path: join(host.dir, 'c.bdcase'),
    title: 'Lost laptop',
    organisation: 'C',
    plaintext: true,
  });
  await host.start();
  await openFacts(page);
  const saveState = page.getByRole('status', { name: 'Save state' });

  const group = await enterTime(page, 'Discovered at', '2020-13-45 25:00', 'America/New_York');
  const input = group.getByRole('textbox', { name: 'Date and time' });
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(saveState).toHaveText(/^Not saved: Write the time as YYYY-MM-DD HH:MM/);
  expect((await host.call('facts.get', {})).discoveredAt).toBeNull();

  await input.fill('2020-11 ');
  await group.getByRole('checkbox', { name: 'Approximate' }).check();
  await expect(saveState).toHaveText('Saved');
  await expect(group).toContainText('≈ 2020-11 (month only)');
  expect((await host.call('facts.get', {})).discoveredAt).toMatchObject({
    zone: 'America/New_York',
    precision: 'month',
    approximate: true,
  });

  await input.fill('');
  await input.press('Tab');
  await expect(group).toContainText('Unknown');
  await expect(saveState).toHaveText('Saved');
  expect((await host.call('facts.get', {})).discoveredAt).toBeNull();
});
