import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type TestHost } from './host/test-host';
import { expectEveryControlNamed } from './support/named-controls';
import { artifactPath } from './support/paths';

/*
 * Bundles sealed with age in the app (issue 16 item 6): the export dialog's "Encrypt the bundle
 * (age)" with a passphrase typed twice or people's age recipients; verifying and merging a sealed
 * bundle asks for its passphrase when it has one (again when it is wrong), and opens one sealed
 * to this installation without asking; Signing keys… shows the age recipient to give colleagues.
 */

const JOB_TIMEOUT = 30_000;
const PASSPHRASE = 'saffron-tundra-ledger-63';
test.describe.configure({ timeout: 120_000 });

async function demoCase(host: TestHost): Promise<void> {
  await host.call('demo.create', { path: join(host.dir, 'sonora.bdcase') });
}

function bundleCard(page: Page): Locator {
  return page.getByRole('region', { name: 'Case bundle' });
}

async function openExport(page: Page): Promise<Locator> {
  await bundleCard(page).getByRole('button', { name: 'Export bundle…' }).click();
  return page.getByRole('dialog', { name: 'Export case bundle' });
}

test('export sealed to a passphrase, then verify it: the passphrase is asked for, again when wrong', async ({
  page,
  host,
}) => {
  await demoCase(host);
  await host.start();
  const dialog = await openExport(page);
  const encrypt = dialog.getByRole('checkbox', { name: 'Encrypt the bundle (age)' });
  await expect(encrypt).not.toBeChecked();
  await expect(encrypt).toHaveAccessibleDescription(
    /only the passphrase or the recipients’ age keys open it/,
  );
  await encrypt.check();
  await expect(dialog.getByRole('radio', { name: 'With a passphrase' })).toBeChecked();

  // Nothing is asked of the save dialog until both passphrases are there and the same.
  const choose = dialog.getByRole('button', { name: 'Choose location…' });
  await choose.click();
  await expect(dialog.getByRole('textbox', { name: 'Passphrase', exact: true })).toHaveAccessibleDescription(
    /Enter a passphrase\./,
  );
  await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await dialog.getByLabel('Repeat the passphrase').fill(`${PASSPHRASE}x`);
  await choose.click();
  await expect(dialog).toContainText('The two passphrases differ; type the same one twice.');
  expect(host.dialogs.suggestedNames).toEqual([]);
  await dialog.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await expectEveryControlNamed(page);
  await page.screenshot({ path: artifactPath('bundle-export-encrypted.png') });

  const chosen = join(host.dir, 'sealed.zip');
  host.dialogs.answerBundlePath(chosen);
  await choose.click();
  const outcome = dialog.getByRole('status', { name: 'Export result' });
  await expect(outcome).toContainText('Bundle written: sealed.zip.age', { timeout: JOB_TIMEOUT });
  await expect(dialog).toContainText('Yes, with age to a passphrase');
  expect(readdirSync(host.dir).filter((name) => name.startsWith('sealed'))).toEqual(['sealed.zip.age']);
  expect(readFileSync(`${chosen}.age`).subarray(0, 22).toString('latin1')).toBe('age-encryption.org/v1\n');

  await dialog.getByRole('button', { name: 'Verify it now' }).click();
  const verify = page.getByRole('dialog', { name: 'Verify a case bundle' });
  const field = verify.getByRole('textbox', { name: 'Bundle passphrase' });
  await expect(field).toBeFocused({ timeout: JOB_TIMEOUT });
  await field.fill('not the passphrase');
  await verify.getByRole('button', { name: 'Open the bundle' }).click();
  await expect(verify.getByRole('textbox', { name: 'Bundle passphrase' })).toHaveAccessibleDescription(
    /The passphrase does not open this bundle/,
    { timeout: JOB_TIMEOUT },
  );
  await verify.getByRole('textbox', { name: 'Bundle passphrase' }).fill(PASSPHRASE);
  await verify.getByRole('button', { name: 'Open the bundle' }).click();
  const verdict = verify.getByRole('status', { name: 'Verification result' });
  await expect(verdict).toContainText('sealed.zip.age verified.', { timeout: JOB_TIMEOUT });
  await expect(verify).toContainText('Encrypted with age to a passphrase');
  await page.screenshot({ path: artifactPath('bundle-verify-encrypted.png') });
});

test('export sealed to age recipients: the own one added with a button, a wrong one refused', async ({
  page,
  host,
}) => {
  await demoCase(host);
  await host.call('signing.ensureKey', {});
  const own = (await host.call('signing.info', {})).ageRecipient ?? '';
  await host.start();
  const dialog = await openExport(page);
  await dialog.getByRole('checkbox', { name: 'Encrypt the bundle (age)' }).check();
  await dialog.getByRole('radio', { name: 'To people’s age keys' }).check();
  const recipients = dialog.getByLabel('Age recipients, one a line');
  await recipients.fill('age1notarecipient');
  await dialog.getByRole('button', { name: 'Choose location…' }).click();
  await expect(recipients).toHaveAccessibleDescription(/"age1notarecipient" is not an age recipient/);

  await recipients.fill('');
  await dialog.getByRole('button', { name: 'Add this installation’s recipient' }).click();
  await expect(recipients).toHaveValue(own);
  await expect(dialog.getByRole('button', { name: 'Add this installation’s recipient' })).toHaveCount(0);
  await expectEveryControlNamed(page);

  const chosen = join(host.dir, 'to-me.zip');
  host.dialogs.answerBundlePath(chosen);
  await dialog.getByRole('button', { name: 'Choose location…' }).click();
  await expect(dialog.getByRole('status', { name: 'Export result' })).toContainText(
    'Bundle written: to-me.zip.age',
    { timeout: JOB_TIMEOUT },
  );
  await expect(dialog).toContainText('Yes, with age to the recipients given');
  expect(existsSync(chosen)).toBe(false);

  // Sealed to this installation, it opens without a question.
  await dialog.getByRole('button', { name: 'Verify it now' }).click();
  const verify = page.getByRole('dialog', { name: 'Verify a case bundle' });
  await expect(verify.getByRole('status', { name: 'Verification result' })).toContainText(
    'to-me.zip.age verified.',
    { timeout: JOB_TIMEOUT },
  );
  await expect(verify).toContainText('Encrypted with age to this installation’s key');
  await expect(verify.getByRole('textbox', { name: 'Bundle passphrase' })).toHaveCount(0);
});

test('merge a bundle sealed to a passphrase: asked for, then merged', async ({ page, host }) => {
  await demoCase(host);
  const sealed = join(host.dir, 'colleague.zip');
  const exported = await host.call('bundle.export', {
    jobId: randomUUID(),
    path: sealed,
    envelope: { kind: 'passphrase', passphrase: PASSPHRASE },
  });
  await host.start();

  host.dialogs.answerBundle(exported.path);
  await bundleCard(page).getByRole('button', { name: "Merge a colleague's bundle…" }).click();
  const dialog = page.getByRole('dialog', { name: "Merge a colleague's bundle" });
  const field = dialog.getByRole('textbox', { name: 'Bundle passphrase' });
  await expect(field).toBeFocused({ timeout: JOB_TIMEOUT });
  await dialog.getByRole('button', { name: 'Open the bundle' }).click();
  await expect(field).toHaveAccessibleDescription(/Enter the passphrase\./);
  await field.fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status', { name: 'Merge result' })).toContainText(
    'Merged colleague.zip.age',
    {
      timeout: JOB_TIMEOUT,
    },
  );
});

test('Signing keys… shows the age recipient to give colleagues', async ({ page, host }) => {
  await host.call('signing.ensureKey', {});
  const own = (await host.call('signing.info', {})).ageRecipient ?? '';
  expect(own).toMatch(/^age1/);
  await host.start();
  await page.getByRole('button', { name: 'Signing keys…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Signing keys' });
  await expect(dialog.locator(`code[title="${own}"]`)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Copy age recipient of this installation' })).toBeVisible();
  await expect(dialog).toContainText('only this installation opens them');
});
