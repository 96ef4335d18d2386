import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './host/test-host';

const CONTROL_ROLES = [
  'button',
  'textbox',
  'combobox',
  'link',
  'checkbox',
  'navigation',
  'dialog',
  'menu',
  'menuitem',
] as const;

async function expectEveryControlNamed(page: Page): Promise<void> {
  for (const role of CONTROL_ROLES) {
    for (const control of await page.getByRole(role).all()) {
      await expect(control, `a ${role} without an accessible name`).toHaveAccessibleName(/\S/);
    }
  }
}

/** Role and accessible name of everything Tab visits, in order, from the top of the page. */
async function tabStops(page: Page, count: number): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < count; i += 1) {
    await page.keyboard.press('Tab');
    const snapshot = await page.locator(':focus').ariaSnapshot({ depth: 0 });
    stops.push(/^- (\w+) "([^"]*)"/.exec(snapshot)?.slice(1, 3).join(' ') ?? snapshot);
  }
  return stops;
}

test('every control on the welcome screen and in the workspace has an accessible name', async ({
  page,
  host,
}) => {
  const path = join(host.dir, 'a.bdcase');
  const passphrase = 'left on the train to Lyon';
  await host.call('case.create', { path, title: 'Lost laptop', organisation: 'Contoso', passphrase });
  await host.call('case.close', {});
  host.recent.remember(join(host.dir, 'gone.bdcase'), 'Moved away', new Date());
  await host.start();
  await expect(page.getByRole('list', { name: 'Recent case files' }).getByRole('listitem')).toHaveCount(2);
  await expectEveryControlNamed(page);

  await page.getByRole('button', { name: 'Lost laptop', exact: true }).click();
  const unlock = page.getByRole('dialog', { name: 'Open encrypted case file' });
  await expect(unlock).toBeVisible();
  await expectEveryControlNamed(page);
  await unlock.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await unlock.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Lost laptop');
  await expectEveryControlNamed(page);

  await page.getByRole('button', { name: 'Encrypted' }).click();
  await expect(page.getByRole('menu', { name: 'Case file encryption' })).toBeVisible();
  await expectEveryControlNamed(page);
  await page.keyboard.press('Escape');

  await page.keyboard.press('Alt+0');
  await expect(page.getByRole('status', { name: 'Audit verification' })).toContainText('verified');
  await page.getByRole('button', { name: 'Show payload of entry 1' }).click();
  await expectEveryControlNamed(page);
});

test('the workspace is reachable with Tab alone: top bar (search, lock state, close), sections, then the next step', async ({
  page,
  host,
}) => {
  await host.call('case.create', {
    path: join(host.dir, 'a.bdcase'),
    title: 'Lost laptop',
    organisation: 'Contoso',
    plaintext: true,
  });
  await host.start();
  await expect(page.getByRole('button', { name: 'Enter the awareness time' })).toBeVisible();

  const stops = await tabStops(page, 16);
  const sections = [
    'Overview',
    'Facts',
    'People & data',
    'Parties',
    'Timeline',
    'Evidence',
    'Obligations',
    'Letters',
    'Tasks & notes',
    'Audit log',
  ];
  expect(stops).toEqual([
    'button Search the case…',
    'button Encrypt…',
    'button Close case',
    ...sections.map((section) => `button ${section}`),
    // The Overview's "What now": the next step first, then the status report beside it.
    'button Enter the awareness time',
    'button Status report (PDF)…',
    'button Status report as HTML…',
  ]);
});
