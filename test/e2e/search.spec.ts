import { join } from 'node:path';
import { artifactPath } from './support/paths';
import { expect, test } from './host/test-host';

const UTC = (iso: string) => ({ utc: iso, zone: 'Europe/Stockholm' });

test('Ctrl+K finds an event by a word of its detail, highlights it, and Enter opens it in the timeline', async ({
  page,
  host,
}) => {
  await host.call('case.create', {
    path: join(host.dir, 'sonora.bdcase'),
    title: 'Partner API exposure',
    organisation: 'Sonora Streaming AB',
    plaintext: true,
  });
  await host.call('events.create', {
    at: UTC('2020-11-12T13:05:00.000Z'),
    title: 'Engineer flags out-of-scope partner queries',
    detail: 'Partner calls for users outside the partners’ customer lists were noticed in the dashboards.',
    tags: ['detection'],
  });
  await host.call('events.create', {
    at: UTC('2020-11-12T17:40:00.000Z'),
    title: 'Hotfix 3.2.7 deployed',
    detail: 'The release closes the flaw; every partner token was rotated within the hour.',
    tags: ['containment'],
  });
  await host.start();
  await expect(page.getByRole('textbox', { name: 'Title' })).toBeVisible();

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Search the case' });
  const box = palette.getByRole('combobox', { name: 'Search the case' });
  await expect(box).toBeFocused();
  await box.fill('rotated');
  const results = palette.getByRole('listbox', { name: 'Search results' });
  const hit = results.getByRole('option', { name: /Hotfix 3\.2\.7 deployed/ });
  await expect(hit).toBeVisible();
  await expect(results.getByRole('group', { name: 'Events' })).toBeVisible();
  await expect(hit.locator('mark')).toHaveText('rotated');
  await expect(hit).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: artifactPath('search.png') });

  await box.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Timeline' })).toBeVisible();
  const detail = page.getByRole('region', { name: 'Hotfix 3.2.7 deployed' });
  await expect(detail.getByRole('textbox', { name: 'Title' })).toHaveValue('Hotfix 3.2.7 deployed');
  await expect(
    page.getByRole('listbox', { name: 'Timeline events' }).getByRole('option', { selected: true }),
  ).toContainText('Hotfix 3.2.7 deployed');
});

test('search text that is not valid query syntax gives a plain answer, never a crash', async ({
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
  await page.getByRole('button', { name: 'Search the case' }).click();
  const palette = page.getByRole('dialog', { name: 'Search the case' });
  const box = palette.getByRole('combobox', { name: 'Search the case' });
  for (const text of ['"unbalanced', 'AND OR (', '*', 'NEAR(', '-']) {
    await box.fill(text);
    await expect(palette.getByRole('status')).not.toHaveText(/Searching/);
    await expect(palette.getByRole('status')).toHaveText(/\S/);
  }
  await box.fill('laptop');
  await expect(palette.getByRole('status')).toContainText(/result|Nothing in this case matches/);
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('button', { name: 'Search the case' })).toBeFocused();
});

test('the application menu opens search', async ({ page, host }) => {
  await host.call('case.create', {
    path: join(host.dir, 'c.bdcase'),
    title: 'Lost laptop',
    organisation: 'Contoso',
    plaintext: true,
  });
  await host.start();
  await expect(page.getByRole('textbox', { name: 'Title' })).toBeVisible();
  await page.evaluate(() => window.__breachdeskEmit?.('menu.command', { command: 'search' }));
  await expect(page.getByRole('dialog', { name: 'Search the case' })).toBeVisible();
});

test('Enter on a party, a note or a task opens that item in its section', async ({ page, host }) => {
  await host.call('case.create', {
    path: join(host.dir, 'parties.bdcase'),
    title: 'Partner API exposure',
    organisation: 'Sonora Streaming AB',
    plaintext: true,
  });
  for (const name of ['AdCircle Inc.', 'Beatline Devices Ltd', 'Klangwerk GmbH']) {
    await host.call('parties.create', { name, kind: 'partner', role: `${name} received account data` });
  }
  // Notes list newest first, so the older note is not what the section would select by itself.
  await host.call('notes.create', {
    title: 'Counsel view',
    body: 'The regulator will ask about the legacy hashes.',
  });
  await host.call('notes.create', { title: 'Newer note', body: 'Nothing to see.' });
  await host.call('tasks.create', { title: 'Send the sample notice to the California AG', owner: 'Legal' });
  await host.start();

  const openResult = async (text: string, name: RegExp) => {
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Search the case' });
    await palette.getByRole('combobox', { name: 'Search the case' }).fill(text);
    const option = palette.getByRole('listbox', { name: 'Search results' }).getByRole('option', { name });
    await expect(option).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(palette).toBeHidden();
  };

  await openResult('Klangwerk', /Klangwerk GmbH/);
  await expect(page.getByRole('heading', { level: 2, name: 'Parties' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Klangwerk GmbH' })).toBeVisible();

  await openResult('legacy hashes', /Counsel view/);
  await expect(page.getByRole('heading', { level: 2, name: 'Tasks & notes' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Counsel view');

  await openResult('sample notice', /Send the sample notice/);
  const edit = page.getByRole('dialog', { name: /Edit task/ });
  await expect(edit.getByRole('textbox', { name: 'Owner' })).toHaveValue('Legal');
});
