import { join } from 'node:path';
import { artifactPath } from './support/paths';
import { expect, test } from './host/test-host';

test('an empty title is not saved: the field says why, the top bar says "Not saved", nothing is written', async ({
  page,
  host,
}) => {
  await host.call('case.create', {
    path: join(host.dir, 'c.bdcase'),
    title: 'Lost laptop',
    organisation: 'Contoso',
  });
  const before = await host.call('audit.list', {});
  await host.start();

  const title = page.getByRole('textbox', { name: 'Title' });
  await title.fill('');
  await title.press('Tab');

  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAccessibleDescription('Title cannot be empty');
  const saveState = page.getByRole('status', { name: 'Save state' });
  await expect(saveState).toHaveText('Not saved: Title cannot be empty');
  await page.screenshot({ path: artifactPath('workspace-not-saved.png') });
  // Past the autosave pause: still nothing sent.
  await page.waitForTimeout(900);
  await expect(title).toHaveValue('');
  await expect(page.getByRole('heading', { level: 1, name: 'Lost laptop' })).toBeVisible();

  const after = await host.call('audit.list', {});
  expect(after.total).toBe(before.total);
  expect((await host.call('case.current', {}))?.record.title).toBe('Lost laptop');

  await title.fill('Lost laptop, Lyon office');
  await expect(saveState).toHaveText('Saved');
  await expect(title).not.toHaveAttribute('aria-invalid', 'true');
  expect((await host.call('audit.list', {})).total).toBe(before.total + 1);
});

test('a failed write keeps the text the user typed and says why it was not saved', async ({ page, host }) => {
  await host.call('case.create', {
    path: join(host.dir, 'c.bdcase'),
    title: 'Lost laptop',
    organisation: 'Contoso',
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
