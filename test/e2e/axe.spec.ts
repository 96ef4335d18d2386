import { join } from 'node:path';
import { SECTIONS } from '../../renderer/src/app/sections';
import { axeViolations } from './support/axe';
import { expect, test } from './host/test-host';

/**
 * Every main screen passes axe (WCAG 2.x A and AA rules and axe's best practices) with no
 * violation: the welcome screen, each section of the demo case (the letters section with a
 * letter open in its editor), and the bundle dialogs. A violation names its rule, the element
 * and why, so the failure says what to fix.
 */

test('the welcome screen has no axe violation', async ({ page, host }) => {
  await host.start();
  await expect(page.getByRole('button', { name: 'Open case…' })).toBeVisible();
  expect(await axeViolations(page, 'welcome')).toEqual([]);
});

test('every section of the demo case, a letter in its editor and the bundle dialog have no axe violation', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await host.call('demo.create', { path: join(host.dir, 'sonora.bdcase') });
  await host.start();
  const found: string[] = [];
  for (const section of SECTIONS) {
    await page
      .getByRole('navigation', { name: 'Case sections' })
      .getByRole('button', { name: section.label, exact: true })
      .click();
    await expect(page.getByRole('heading', { level: 2, name: section.label })).toBeVisible();
    // Let the section's data arrive (each shows a loading line first).
    await expect(page.getByText(/^(Loading|Reading|Working out)/)).toHaveCount(0);
    found.push(...(await axeViolations(page, section.label)));
    if (section.id === 'people') {
      // The roster is a tab of its own (its filled-in screens are checked in roster.spec.ts).
      await page.getByRole('tab', { name: 'Roster' }).click();
      await expect(page.getByRole('region', { name: 'Roster of exposed people' })).toBeVisible();
      await expect(page.getByText(/^Loading/)).toHaveCount(0);
      found.push(...(await axeViolations(page, 'People & data, Roster tab')));
    }
    if (section.id === 'letters') {
      const first = page
        .getByRole('list', { name: /letters/i })
        .getByRole('button')
        .first();
      if ((await first.count()) > 0) {
        await first.click();
        await expect(page.getByRole('toolbar').first()).toBeVisible();
        found.push(...(await axeViolations(page, 'letter editor')));
      }
    }
  }
  await page.keyboard.press('Control+Shift+B');
  const dialog = page.getByRole('dialog').first();
  await expect(dialog).toBeVisible();
  found.push(...(await axeViolations(page, 'bundle export dialog')));
  expect(found).toEqual([]);
});
