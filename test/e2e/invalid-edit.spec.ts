import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { artifactPath } from './support/paths';
import { expect, test } from './host/test-host';

/** The autosave pause (AUTOSAVE_DELAY_MS, 600 ms in renderer/src/lib/use-autosave.ts), with room to spare. */
const PAST_THE_AUTOSAVE_PAUSE_MS = 1_000;

type Invoke = (channel: unknown, input: unknown) => Promise<unknown>;

/**
 * Records every channel the page invokes from now on, by wrapping the test host's binding that
 * the page's bridge calls; returns a reader of the list.
 */
async function recordInvokes(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const scope = window as unknown as { __breachdeskInvoke: Invoke; __invoked: string[] };
    const invoke = scope.__breachdeskInvoke;
    scope.__invoked = [];
    scope.__breachdeskInvoke = (channel, input) => {
      scope.__invoked.push(String(channel));
      return invoke(channel, input);
    };
  });
  return () => page.evaluate(() => (window as unknown as { __invoked: string[] }).__invoked);
}

test('an empty title is not saved: the field says why, the top bar says "Not saved", nothing is written', async ({
  page,
  host,
}) => {
  await host.call('case.create', {
    path: join(host.dir, 'c.bdcase'),
    title: 'Lost laptop',
    organisation: 'Contoso',
    plaintext: true,
  });
  const before = await host.call('audit.list', {});
  // The page's timers run on Playwright's clock, so the autosave pause can be passed on demand.
  await page.clock.install();
  await host.start();

  const title = page.getByRole('textbox', { name: 'Title' });
  await expect(title).toHaveValue('Lost laptop');
  const invoked = await recordInvokes(page);
  await title.fill('');
  await title.press('Tab');

  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAccessibleDescription('Title cannot be empty');
  const saveState = page.getByRole('status', { name: 'Save state' });
  await expect(saveState).toHaveText('Not saved: Title cannot be empty');
  await page.screenshot({ path: artifactPath('workspace-not-saved.png') });
  // Past the autosave pause (every timer due by then has run): still nothing sent.
  await page.clock.runFor(PAST_THE_AUTOSAVE_PAUSE_MS);
  expect(await invoked()).toEqual([]);
  await expect(saveState).toHaveText('Not saved: Title cannot be empty');
  await expect(title).toHaveValue('');
  await expect(page.getByRole('heading', { level: 1, name: 'Lost laptop' })).toBeVisible();

  const after = await host.call('audit.list', {});
  expect(after.total).toBe(before.total);
  expect((await host.call('case.current', {}))?.record.title).toBe('Lost laptop');

  await title.fill('Lost laptop, Lyon office');
  await page.clock.runFor(PAST_THE_AUTOSAVE_PAUSE_MS);
  await expect(saveState).toHaveText('Saved');
  // The recorder does see a write: the valid title went out once.
  expect((await invoked()).filter((channel) => channel === 'case.update')).toHaveLength(1);
  await expect(title).not.toHaveAttribute('aria-invalid', 'true');
  expect((await host.call('audit.list', {})).total).toBe(before.total + 1);
});

test('a failed write keeps the text the user typed and says why it was not saved', async ({ page, host }) => {
  await host.call('case.create', {
    path: join(host.dir, 'c.bdcase'),
    title: 'Lost laptop',
    organisation: 'Contoso',
    plaintext: true,
  });
  await host.start();
  await expect(page.getByRole('textbox', { name: 'Organisation' })).toHaveValue('Contoso');

  // The case file goes away behind the window's back (as if the disk were unplugged).
  host.session.close();
  const organisation = page.getByRole('textbox', { name: 'Organisation' });
  await organisation.fill('Contoso Europe SAS');
  await organisation.press('Tab');

  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText(
    /^Not saved: No case file is open/,
  );
  await expect(organisation).toHaveValue('Contoso Europe SAS');
});

test('unsaved text survives a visit to another section, and the save state stays honest', async ({
  page,
  host,
}) => {
  await host.call('case.create', {
    path: join(host.dir, 'c.bdcase'),
    title: 'Lost laptop',
    organisation: 'Contoso',
    plaintext: true,
  });
  await host.start();
  const organisation = page.getByRole('textbox', { name: 'Organisation' });
  await organisation.fill('');
  await page.keyboard.press('Alt+0');
  const saveState = page.getByRole('status', { name: 'Save state' });
  await expect(saveState).toHaveText('Not saved: Organisation cannot be empty');

  await page.keyboard.press('Alt+1');
  await expect(organisation).toHaveValue('');
  await expect(organisation).toHaveAccessibleDescription('Organisation cannot be empty');
  await organisation.fill('Contoso Europe SAS');
  await expect(saveState).toHaveText('Saved');
  expect((await host.call('case.current', {}))?.record.organisation).toBe('Contoso Europe SAS');
});
