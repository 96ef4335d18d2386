import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type TestHost } from './host/test-host';
import { artifactPath } from './support/paths';

const PASSPHRASE = 'correct horse battery staple';
const NEW_PASSPHRASE = 'amber lantern quietly folds maps';
const SQLITE_MAGIC = 'SQLite format 3\0';

function isPlainSqlite(path: string): boolean {
  return readFileSync(path).subarray(0, SQLITE_MAGIC.length).toString('latin1') === SQLITE_MAGIC;
}

/** An encrypted case file made through the services, closed, so the page starts on the welcome screen. */
async function encryptedCase(host: TestHost, title = 'Payroll export misdirected'): Promise<string> {
  const path = join(host.dir, 'payroll.bdcase');
  await host.call('case.create', { path, title, organisation: 'Northwind Ltd', passphrase: PASSPHRASE });
  await host.call('case.close', {});
  return path;
}

function lockMenuButton(page: Page): Locator {
  return page.getByRole('banner').getByRole('button', { name: 'Encrypted' });
}

async function openFromRecent(page: Page, title = 'Payroll export misdirected'): Promise<void> {
  await page
    .getByRole('list', { name: 'Recent case files' })
    .getByRole('button', { name: title, exact: true })
    .click();
}

async function closeCase(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Close case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Breachdesk' })).toBeVisible();
}

test('New case encrypts with a passphrase typed twice; reopening asks for it, refuses a wrong one and opens with the right one', async ({
  page,
  host,
}) => {
  const path = join(host.dir, 'payroll.bdcase');
  host.dialogs.answerNewCase(path);
  await host.start();

  await page.getByRole('button', { name: 'New case…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Payroll export misdirected');
  await dialog.getByRole('textbox', { name: 'Organisation' }).fill('Northwind Ltd');
  const passphrase = dialog.getByLabel('Passphrase', { exact: true });
  await expect(passphrase).toHaveAccessibleDescription(/No length limit/);
  await passphrase.fill('abc123');
  await expect(passphrase).toHaveAccessibleDescription(/^Strength: weak\./);
  await passphrase.fill('Tr0ub4dor&3');
  await expect(passphrase).toHaveAccessibleDescription(/^Strength: fair\./);
  await passphrase.fill(PASSPHRASE);
  await expect(passphrase).toHaveAccessibleDescription(/^Strength: strong\./);
  await expect(dialog.getByLabel('Remember on this computer')).toBeEnabled();
  await expect(dialog.getByLabel("Don't encrypt this case file")).not.toBeChecked();

  const repeat = dialog.getByLabel('Repeat passphrase');
  await repeat.fill('correct horse battery stapler');
  await dialog.getByRole('button', { name: 'Create…' }).click();
  await expect(repeat).toBeFocused();
  await expect(repeat).toHaveAccessibleDescription('The two passphrases do not match.');
  expect(host.dialogs.suggestedNames).toEqual([]);
  await page.screenshot({ path: artifactPath('encryption-new-case-mismatch.png') });

  await repeat.fill(PASSPHRASE);
  await expect(repeat).not.toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: artifactPath('encryption-new-case.png') });
  await dialog.getByRole('button', { name: 'Create…' }).click();

  await expect(dialog).toBeHidden();
  await expect(lockMenuButton(page)).toBeVisible();
  await expect(page.getByRole('banner').getByText('Not encrypted')).toHaveCount(0);
  expect(isPlainSqlite(path)).toBe(false);
  expect((await host.call('case.current', {}))?.encrypted).toBe(true);
  await page.screenshot({ path: artifactPath('encryption-topbar-encrypted.png') });

  await closeCase(page);
  await openFromRecent(page);
  const unlock = page.getByRole('dialog', { name: 'Open encrypted case file' });
  await expect(unlock).toBeVisible();
  await expect(unlock).toContainText('payroll.bdcase');
  const field = unlock.getByLabel('Passphrase', { exact: true });
  await expect(field).toBeFocused();
  await field.fill('correct horse');
  await unlock.getByRole('button', { name: 'Open' }).click();
  await expect(field).toHaveAccessibleDescription(
    'That passphrase does not open this case file; check it and try again.',
  );
  await expect(unlock).toBeVisible();
  expect(host.session.current).toBeNull();
  await page.screenshot({ path: artifactPath('encryption-unlock-wrong.png') });

  await field.fill(PASSPHRASE);
  await unlock.getByRole('button', { name: 'Open' }).click();
  await expect(unlock).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Payroll export misdirected' })).toBeVisible();
  await expect(lockMenuButton(page)).toBeVisible();
  expect(host.session.current?.path).toBe(path);
});

test('cancelling the passphrase dialog leaves the welcome screen as it was', async ({ page, host }) => {
  await encryptedCase(host);
  await host.start();

  await openFromRecent(page);
  const unlock = page.getByRole('dialog', { name: 'Open encrypted case file' });
  await expect(unlock).toBeVisible();
  await unlock.getByRole('button', { name: 'Cancel' }).click();

  await expect(unlock).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Breachdesk' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Open case…' })).toBeEnabled();
  expect(host.session.current).toBeNull();

  // And it asks again next time.
  await openFromRecent(page);
  await expect(unlock).toBeVisible();
});

test('a remembered passphrase opens the case without asking, until it is forgotten', async ({
  page,
  host,
}) => {
  await encryptedCase(host);
  await host.start();

  await openFromRecent(page);
  const unlock = page.getByRole('dialog', { name: 'Open encrypted case file' });
  await unlock.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await unlock.getByLabel('Remember on this computer').check();
  await unlock.getByRole('button', { name: 'Open' }).click();
  await expect(unlock).toBeHidden();
  expect((await host.call('case.current', {}))?.passphraseRemembered).toBe(true);

  await closeCase(page);
  await openFromRecent(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Payroll export misdirected' })).toBeVisible();
  await expect(unlock).toHaveCount(0);

  await lockMenuButton(page).click();
  const menu = page.getByRole('menu', { name: 'Case file encryption' });
  await expect(menu.getByRole('menuitem')).toHaveText(['Change passphrase…', 'Forget remembered passphrase']);
  await page.screenshot({ path: artifactPath('encryption-topbar-menu.png') });
  await menu.getByRole('menuitem', { name: 'Forget remembered passphrase' }).click();
  const confirm = page.getByRole('dialog', { name: 'Forget remembered passphrase' });
  await expect(confirm).toContainText('without it the case file cannot be opened');
  await confirm.getByRole('button', { name: 'Forget passphrase' }).click();
  await expect(confirm).toBeHidden();
  await expect(lockMenuButton(page)).toBeFocused();

  await lockMenuButton(page).click();
  await expect(menu.getByRole('menuitem')).toHaveText(['Change passphrase…']);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();

  await closeCase(page);
  await openFromRecent(page);
  await expect(unlock).toBeVisible();
});

test('changing the passphrase needs the current one; afterwards only the new one opens the file', async ({
  page,
  host,
}) => {
  const path = await encryptedCase(host);
  await host.call('case.open', { path, passphrase: PASSPHRASE });
  await host.start();

  await lockMenuButton(page).click();
  await page.getByRole('menuitem', { name: 'Change passphrase…' }).click();
  const change = page.getByRole('dialog', { name: 'Change passphrase' });
  const current = change.getByLabel('Current passphrase');
  await expect(current).toBeFocused();
  await current.fill('not the passphrase');
  await change.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await change.getByLabel('Repeat new passphrase').fill(NEW_PASSPHRASE);
  await change.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(current).toHaveAccessibleDescription(
    'The current passphrase is not the one that opens this case file.',
  );
  await expect(current).toBeFocused();
  await page.screenshot({ path: artifactPath('encryption-change-wrong-current.png') });

  await current.fill(PASSPHRASE);
  await change.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(change).toBeHidden();
  await expect(lockMenuButton(page)).toBeVisible();
  expect(isPlainSqlite(path)).toBe(false);

  await closeCase(page);
  await openFromRecent(page);
  const unlock = page.getByRole('dialog', { name: 'Open encrypted case file' });
  const field = unlock.getByLabel('Passphrase', { exact: true });
  await field.fill(PASSPHRASE);
  await field.press('Enter');
  await expect(field).toHaveAccessibleDescription(/does not open this case file/);
  await field.fill(NEW_PASSPHRASE);
  await field.press('Enter');
  await expect(unlock).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Payroll export misdirected' })).toBeVisible();
});

test('a case created with "Don\'t encrypt" says "Not encrypted" in amber, and Encrypt… encrypts it in place', async ({
  page,
  host,
}) => {
  const path = join(host.dir, 'plain.bdcase');
  host.dialogs.answerNewCase(path);
  await host.start();

  await page.getByRole('button', { name: 'New case…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Lost laptop');
  await dialog.getByRole('textbox', { name: 'Organisation' }).fill('Contoso');
  const plaintext = dialog.getByLabel("Don't encrypt this case file");
  await expect(plaintext).toHaveAccessibleDescription(
    'Anyone who gets a copy of the file can read everything in it.',
  );
  await plaintext.check();
  await expect(dialog.getByLabel('Passphrase', { exact: true })).toBeDisabled();
  await expect(dialog.getByLabel('Repeat passphrase')).toBeDisabled();
  await expect(dialog.getByLabel('Remember on this computer')).toBeDisabled();
  await page.screenshot({ path: artifactPath('encryption-new-case-plaintext.png') });
  await dialog.getByRole('button', { name: 'Create…' }).click();

  await expect(dialog).toBeHidden();
  const banner = page.getByRole('banner');
  await expect(banner.getByText('Not encrypted')).toBeVisible();
  await expect(banner.getByText('Not encrypted')).toHaveCSS('color', 'rgb(138, 83, 0)');
  expect(isPlainSqlite(path)).toBe(true);
  await page.screenshot({ path: artifactPath('encryption-topbar-not-encrypted.png') });

  await banner.getByRole('button', { name: 'Encrypt…' }).click();
  const encrypt = page.getByRole('dialog', { name: 'Encrypt case file' });
  await expect(encrypt).toContainText('Copies of this file made before now');
  await encrypt.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await encrypt.getByRole('button', { name: 'Encrypt' }).click();
  await expect(encrypt.getByLabel('Repeat passphrase')).toHaveAccessibleDescription(/do not match/);
  await encrypt.getByLabel('Repeat passphrase').fill(PASSPHRASE);
  await expect(encrypt.getByLabel('Passphrase', { exact: true })).toHaveAccessibleDescription(
    /^Strength: strong/,
  );
  await page.screenshot({ path: artifactPath('encryption-encrypt-dialog.png') });
  await encrypt.getByRole('button', { name: 'Encrypt' }).click();

  await expect(encrypt).toBeHidden();
  await expect(lockMenuButton(page)).toBeVisible();
  await expect(lockMenuButton(page)).toBeFocused();
  await expect(banner.getByText('Not encrypted')).toHaveCount(0);
  expect(isPlainSqlite(path)).toBe(false);
  expect((await host.call('case.current', {}))?.encrypted).toBe(true);

  await closeCase(page);
  await openFromRecent(page, 'Lost laptop');
  await expect(page.getByRole('dialog', { name: 'Open encrypted case file' })).toBeVisible();
});

test('keyboard only: New case, Open…, the passphrase dialog and the lock menu', async ({ page, host }) => {
  const path = join(host.dir, 'keys.bdcase');
  host.dialogs.answerNewCase(path);
  await host.start();

  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toBeFocused();
  await page.keyboard.type('Keyboard case');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Fabrikam');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Keyboard case' })).toBeVisible();

  await page.keyboard.press('Control+w');
  await expect(page.getByRole('heading', { level: 1, name: 'Breachdesk' })).toBeVisible();

  // Escape cancels the passphrase dialog.
  host.dialogs.answerOpen(path);
  await page.keyboard.press('Control+o');
  const unlock = page.getByRole('dialog', { name: 'Open encrypted case file' });
  await expect(unlock.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(unlock).toBeHidden();
  expect(host.session.current).toBeNull();

  // Enter on an empty field says what is missing; then Tab to Remember, Space ticks it, Enter opens.
  host.dialogs.answerOpen(path);
  await page.keyboard.press('Control+o');
  await expect(unlock.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(unlock.getByLabel('Passphrase', { exact: true })).toHaveAccessibleDescription(
    'Enter the passphrase of this case file.',
  );
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Tab');
  await expect(unlock.getByLabel('Remember on this computer')).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(unlock).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Keyboard case' })).toBeVisible();
  expect((await host.call('case.current', {}))?.passphraseRemembered).toBe(true);

  // The lock menu: Enter opens it on its first item, arrows move, Escape closes it back to the button.
  await lockMenuButton(page).focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Case file encryption' });
  await expect(menu.getByRole('menuitem', { name: 'Change passphrase…' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Forget remembered passphrase' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(lockMenuButton(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const change = page.getByRole('dialog', { name: 'Change passphrase' });
  await expect(change.getByLabel('Current passphrase')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(change).toBeHidden();
  await expect(lockMenuButton(page)).toBeFocused();
});

test.describe('without a system keychain', () => {
  test.use({ keychain: false });

  test('"Remember on this computer" is off and says why in one line', async ({ page, host }) => {
    await encryptedCase(host);
    await host.start();

    await openFromRecent(page);
    const unlock = page.getByRole('dialog', { name: 'Open encrypted case file' });
    const remember = unlock.getByLabel('Remember on this computer');
    await expect(remember).toBeDisabled();
    await expect(remember).not.toBeChecked();
    await expect(remember).toHaveAccessibleDescription(
      /^Not available: this computer has no system keychain/,
    );
    await unlock.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await unlock.getByRole('button', { name: 'Open' }).click();
    await expect(unlock).toBeHidden();
    await expect(lockMenuButton(page)).toBeVisible();
  });
});

test('the demo case opens unencrypted and says why; the top bar still offers Encrypt…', async ({
  page,
  host,
}) => {
  host.dialogs.answerNewCase(join(host.dir, 'demo.bdcase'));
  await host.start();

  await page.getByRole('button', { name: 'Open demo case' }).click();
  const note = page.getByRole('status', { name: 'Notes on opening the case file' });
  await expect(note).toContainText('The demo case file is not encrypted: everything in it is fictional.', {
    timeout: 20_000,
  });
  const banner = page.getByRole('banner');
  await expect(banner.getByText('Not encrypted')).toBeVisible();
  await expect(banner.getByRole('button', { name: 'Encrypt…' })).toBeVisible();
  await page.screenshot({ path: artifactPath('encryption-demo-case.png') });
  await note.getByRole('button', { name: 'Dismiss' }).click();
  await expect(note).toHaveCount(0);
});
