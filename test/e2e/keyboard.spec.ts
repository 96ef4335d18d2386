import { join } from 'node:path';
import { artifactPath } from './support/paths';
import { expect, test } from './host/test-host';

test('`?` opens the shortcut overlay and Escape closes it, returning focus', async ({ page, host }) => {
  await host.start();
  const open = page.getByRole('button', { name: 'Open case…' });
  await open.focus();

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('New case…');
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.screenshot({ path: artifactPath('help-overlay.png') });

  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(open).toBeFocused();
});

test('`?` typed into a field is text, not a shortcut', async ({ page, host }) => {
  await host.call('case.create', {
    path: join(host.dir, 'c.bdcase'),
    title: 'Lost laptop',
    organisation: 'Contoso',
    plaintext: true,
  });
  await host.start();
  const title = page.getByRole('textbox', { name: 'Title' });
  await title.press('End');
  await title.press('?');
  await expect(title).toHaveValue('Lost laptop?');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the new-case dialog validates inline, traps Tab, and closes with Escape', async ({ page, host }) => {
  await host.start();
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toBeFocused();

  await dialog.getByRole('button', { name: 'Create…' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveAccessibleDescription(
    /^Title cannot be empty/,
  );
  await expect(dialog.getByRole('textbox', { name: 'Organisation' })).toHaveAttribute('aria-invalid', 'true');
  expect(host.dialogs.suggestedNames).toEqual([]);
  await page.screenshot({ path: artifactPath('new-case-invalid.png') });

  for (let i = 0; i < 6; i += 1) await page.keyboard.press('Tab');
  await expect(dialog.locator(':focus')).toHaveCount(1);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'New case…' })).toBeVisible();
});

test('Alt+digits switch sections and Ctrl+W closes the case', async ({ page, host }) => {
  await host.call('case.create', {
    path: join(host.dir, 'c.bdcase'),
    title: 'Lost laptop',
    organisation: 'Contoso',
    plaintext: true,
  });
  await host.start();
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();

  await page.keyboard.press('Alt+0');
  await expect(page.getByRole('heading', { level: 2, name: 'Audit log' })).toBeFocused();
  await expect(page.getByRole('status', { name: 'Audit verification' })).toContainText(
    'Audit chain verified: 1 entry',
  );
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { level: 2, name: 'Facts' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Case sections' });
  await expect(nav.getByRole('button', { name: 'Facts' })).toHaveAttribute('aria-current', 'page');

  await page.keyboard.press('Control+w');
  await expect(page.getByRole('heading', { level: 1, name: 'Breachdesk' })).toBeVisible();
  expect(host.session.current).toBeNull();
});

test('application menu commands arrive as events and act like the buttons', async ({ page, host }) => {
  await host.start();
  await page.evaluate(() => window.__breachdeskEmit?.('menu.command', { command: 'showHelp' }));
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.evaluate(() => window.__breachdeskEmit?.('menu.command', { command: 'newCase' }));
  await expect(page.getByRole('dialog', { name: 'New case' })).toBeVisible();
});
