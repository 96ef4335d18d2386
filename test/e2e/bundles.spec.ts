import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { TZDate } from '@date-fns/tz';
import type { Locator, Page } from '@playwright/test';
import { ownerOnlyFileProtector } from '../../main/services/bundles/signing/key-protector';
import { SigningKeys } from '../../main/services/bundles/signing/signing-keys';
import { createDispatcher } from '../../main/ipc/dispatcher';
import { silentEvents } from '../../main/ipc/host-deps';
import { CaseSession } from '../../main/services/case-session';
import type { ChannelName } from '../../shared/ipc/channel-names';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { expect, test, type TestHost } from './host/test-host';
import { axeViolations } from './support/axe';
import { expectEveryControlNamed } from './support/named-controls';
import { artifactPath } from './support/paths';
import { tamperStoredEntry, zipEntries } from './support/stored-zip';

/** Bundle jobs read and hash every file; the demo case takes a few seconds on a slow machine. */
const JOB_TIMEOUT = 30_000;
// Several tests build the demo case and export, import or merge it more than once.
test.describe.configure({ timeout: 120_000 });

async function demoCase(host: TestHost, name = 'sonora.bdcase'): Promise<string> {
  const path = join(host.dir, name);
  await host.call('demo.create', { path });
  return path;
}

function exportBundle(host: TestHost, path: string): Promise<ChannelOutput<'bundle.export'>> {
  return host.call('bundle.export', { jobId: randomUUID(), path });
}

function section(page: Page, name: string): Promise<void> {
  return page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name, exact: true })
    .click();
}

function bundleCard(page: Page): Locator {
  return page.getByRole('region', { name: 'Case bundle' });
}

/** Remembers whether a progress bar was ever on screen, however briefly (fast jobs finish in a blink). */
async function watchForProgress(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => {
    const seen = window as unknown as { __sawProgress?: boolean };
    seen.__sawProgress = false;
    new MutationObserver(() => {
      if (document.querySelector('progress') !== null) seen.__sawProgress = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { __sawProgress?: boolean }).__sawProgress === true);
}

/**
 * A colleague's installation: its own signing key (another config folder) and its own case
 * session, running the same services.
 */
function colleague(host: TestHost) {
  const session = new CaseSession();
  const errors: unknown[] = [];
  const dispatch = createDispatcher({
    session,
    ctx: { actor: 'Colleague', now: () => new Date() },
    recent: null,
    dialogs: null,
    signing: new SigningKeys(join(host.dir, 'colleague-config'), ownerOnlyFileProtector('Colleague')),
    events: silentEvents,
    passphrases: null,
    logError: (error) => errors.push(error),
  });
  return {
    session,
    errors,
    async call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
      const envelope = await dispatch(channel, input);
      if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.code} ${envelope.message}`);
      return envelope.value as ChannelOutput<C>;
    },
  };
}

test('export the demo case with the default options: progress, then the written file and its signer', async ({
  page,
  host,
}) => {
  await demoCase(host);
  const title = (await host.call('case.current', {}))?.record.title ?? '';
  // The suggested name carries the date on this computer's clock (the page's zone, Europe/Paris):
  // 00:30 there, still the 9th in UTC.
  await page.clock.setFixedTime(new TZDate(2024, 2, 10, 0, 30, 'Europe/Paris').getTime());
  await host.start();

  const card = bundleCard(page);
  await expect(card.getByRole('button', { name: 'Export bundle…' })).toBeVisible();
  await card.getByRole('button', { name: 'Export bundle…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export case bundle' });
  const evidence = dialog.getByRole('checkbox', { name: 'Include evidence files' });
  await expect(evidence).toBeChecked();
  await expect(evidence).toHaveAccessibleDescription(/\d+ files, [\d.]+ [KMG]iB of original bytes/);
  const privileged = dialog.getByRole('checkbox', { name: 'Include privileged notes' });
  await expect(privileged).not.toBeChecked();
  await expect(privileged).toHaveAccessibleDescription(/privileged notes are left out .*audit entries/);
  await expect(dialog).toContainText(
    'A signing key pair will be created for this installation on first export',
  );
  await expectEveryControlNamed(page);
  await page.screenshot({ path: artifactPath('bundle-export-options.png') });

  const target = join(host.dir, 'sonora-bundle.zip');
  host.dialogs.answerBundlePath(target);
  const sawProgress = await watchForProgress(page);
  await dialog.getByRole('button', { name: 'Choose location…' }).click();
  const outcome = dialog.getByRole('status', { name: 'Export result' });
  await expect(outcome).toContainText('Bundle written: sonora-bundle.zip', { timeout: JOB_TIMEOUT });
  expect(await sawProgress()).toBe(true);
  expect(host.dialogs.suggestedNames).toEqual([`${title} 2024-03-10`]);

  // The key made for this export signed it; the outcome names it, and the file is there.
  const own = (await host.call('signing.info', {})).own;
  expect(own).not.toBeNull();
  await expect(dialog).toContainText(own?.fingerprint ?? 'no key');
  await expect(dialog).toContainText(target);
  expect(existsSync(target)).toBe(true);
  expect(statSync(target).size).toBeGreaterThan(0);
  await page.screenshot({ path: artifactPath('bundle-export-outcome.png') });

  // Verify it now: the same file, verified and signed by this installation.
  await dialog.getByRole('button', { name: 'Verify it now' }).click();
  const verify = page.getByRole('dialog', { name: 'Verify a case bundle' });
  const verdict = verify.getByRole('status', { name: 'Verification result' });
  await expect(verdict).toContainText('sonora-bundle.zip verified.', { timeout: JOB_TIMEOUT });
  await expect(verify).toContainText(`Signed by e2e tester ${own?.fingerprint ?? ''}`);
  await verify.getByRole('button', { name: 'Close' }).click();
  await expect(verify).toBeHidden();
  await expect(card.getByRole('button', { name: 'Export bundle…' })).toBeFocused();
});

test('verify a bundle from the overview: a green report with its bag, signature and audit chain', async ({
  page,
  host,
}) => {
  await demoCase(host);
  const bundle = join(host.dir, 'sonora-bundle.zip');
  const exported = await exportBundle(host, bundle);
  const record = (await host.call('case.current', {}))?.record;
  await host.start();

  host.dialogs.answerBundle(bundle);
  await bundleCard(page).getByRole('button', { name: 'Verify a bundle…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Verify a case bundle' });
  const verdict = dialog.getByRole('status', { name: 'Verification result' });
  await expect(verdict).toContainText('sonora-bundle.zip verified.', { timeout: JOB_TIMEOUT });
  await expect(verdict).toHaveClass(/banner--ok/);
  await expect(verdict).toContainText('every file matches its checksum');

  const bag = dialog.getByRole('region', { name: 'Bag information' });
  await expect(bag).toContainText(record?.title ?? 'no title');
  await expect(bag).toContainText(record?.organisation ?? 'no organisation');
  await expect(bag).toContainText(exported.bundleId);
  await expect(bag).toContainText(`${exported.payloadBytes}.${exported.payloadFiles}`);
  await expect(bag).toContainText(/Evidence files included\s*Yes/);
  await expect(bag).toContainText(/Privileged notes included\s*No/);

  const signature = dialog.getByRole('region', { name: 'Signature' });
  await expect(signature).toContainText(`Signed by e2e tester ${exported.signerFingerprint}`);
  const audit = dialog.getByRole('region', { name: 'Audit chain' });
  await expect(audit).toContainText('Intact');
  await expect(audit.getByRole('button', { name: 'Copy audit head' })).toBeVisible();
  await expect(audit.locator('code[title]')).toHaveAttribute('title', exported.auditHead);
  await expect(dialog.getByRole('region', { name: 'Problems' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Import as new case…' })).toHaveCount(0);
  await expectEveryControlNamed(page);
  expect(await axeViolations(page, 'verify dialog')).toEqual([]);
  await page.screenshot({ path: artifactPath('bundle-verify-green.png') });

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('open a bundle as a new case from the welcome screen', async ({ page, host }) => {
  await demoCase(host);
  const bundle = join(host.dir, 'from-counsel.zip');
  await exportBundle(host, bundle);
  const title = (await host.call('case.current', {}))?.record.title ?? '';
  await host.call('case.close', {});
  await host.start();

  host.dialogs.answerBundle(bundle);
  await page
    .getByRole('region', { name: 'Case bundles' })
    .getByRole('button', { name: 'Open bundle…' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Open a case bundle' });
  await expect(dialog.getByRole('status', { name: 'Verification result' })).toContainText('verified.', {
    timeout: JOB_TIMEOUT,
  });
  await page.screenshot({ path: artifactPath('bundle-open-report.png') });

  const target = join(host.dir, 'imported.bdcase');
  host.dialogs.answerNewCase(target);
  await dialog.getByRole('button', { name: 'Import as new case…' }).click();
  // Like New case, the new case file is encrypted unless the person chooses otherwise.
  const keyForm = dialog.getByRole('form', { name: 'New case file' });
  await expect(keyForm.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await keyForm.getByRole('button', { name: 'Choose where to save…' }).click();
  await expect(keyForm.getByLabel('Passphrase', { exact: true })).toHaveAccessibleDescription(
    /Enter a passphrase/,
  );
  await keyForm.getByLabel('Passphrase', { exact: true }).fill('imported case passphrase');
  await keyForm.getByLabel('Repeat passphrase').fill('imported case passphrase');
  await keyForm.getByRole('button', { name: 'Choose where to save…' }).click();
  await expect(dialog).toBeHidden({ timeout: JOB_TIMEOUT });
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(title);
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(title);
  expect(host.dialogs.suggestedNames.at(-1)).toBe(`${title}.bdcase`);
  expect(host.session.current?.path).toBe(target);
  expect(host.session.current?.encrypted).toBe(true);
  expect(readFileSync(target).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
});

test('merge a colleague’s bundle: a record edited differently becomes a conflict; Take theirs applies it', async ({
  page,
  host,
}) => {
  const ours = await demoCase(host);
  const original = join(host.dir, 'original.zip');
  await exportBundle(host, original);

  // The colleague opens the bundle as their own case file and retitles an event there…
  const theirsCase = join(host.dir, 'colleague.bdcase');
  await host.call('bundle.import', {
    jobId: randomUUID(),
    path: original,
    target: theirsCase,
    plaintext: true,
  });
  await host.call('case.open', { path: theirsCase });
  const [event, other] = (await host.call('events.list', {})).events;
  if (event === undefined || other === undefined) throw new Error('the demo case has too few events');
  const theirTitle = 'Partner API exposure confirmed by colleague';
  await host.call('events.update', { id: event.id, patch: { title: theirTitle } });
  // Only the colleague touches this one: their version is simply taken.
  const onlyTheirs = `${other.title} (checked by colleague)`;
  await host.call('events.update', { id: other.id, patch: { title: onlyTheirs } });
  const theirBundle = join(host.dir, 'colleague.zip');
  await exportBundle(host, theirBundle);

  // …while here the same event got another title.
  await host.call('case.open', { path: ours });
  const ourTitle = 'Partner API exposure confirmed here';
  await host.call('events.update', { id: event.id, patch: { title: ourTitle } });
  await host.start();

  host.dialogs.answerBundle(theirBundle);
  await bundleCard(page).getByRole('button', { name: "Merge a colleague's bundle…" }).click();
  const dialog = page.getByRole('dialog', { name: "Merge a colleague's bundle" });
  const result = dialog.getByRole('status', { name: 'Merge result' });
  await expect(result).toContainText('Merged colleague.zip', { timeout: JOB_TIMEOUT });
  await expect(result).toContainText('1 updated');
  await expect(result).toContainText('1 conflict');
  expect((await host.call('events.get', { id: other.id })).title).toBe(onlyTheirs);
  const kinds = dialog.getByRole('table', { name: 'Records by kind' });
  await expect(kinds.getByRole('row', { name: /^Events/ })).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Conflicts from this merge' })).toContainText('(title)');
  await page.screenshot({ path: artifactPath('bundle-merge-summary.png') });

  await dialog.getByRole('button', { name: 'Resolve conflicts…' }).click();
  const conflicts = page.getByRole('dialog', { name: 'Merge conflicts' });
  const item = conflicts.getByRole('article');
  await expect(item).toHaveCount(1);
  const differences = item.getByRole('table', { name: /^Differences in / });
  const titleRow = differences.getByRole('row', { name: /^Title/ });
  await expect(titleRow.getByRole('cell').nth(0)).toHaveText(ourTitle);
  await expect(titleRow.getByRole('cell').nth(1)).toHaveText(theirTitle);
  await expect(differences.getByRole('row')).toHaveCount(2);
  await expectEveryControlNamed(page);
  await page.screenshot({ path: artifactPath('bundle-conflicts.png') });

  await item.getByRole('button', { name: /^Take theirs for event / }).click();
  await expect(conflicts.getByRole('status')).toHaveText('No open merge conflicts.');
  await expect(conflicts.getByRole('article')).toHaveCount(0);
  expect((await host.call('events.get', { id: event.id })).title).toBe(theirTitle);
  expect(await host.call('bundle.conflicts', {})).toEqual([]);

  // Resolved conflicts stay on record, shown on request.
  await conflicts.getByRole('checkbox', { name: 'Show resolved' }).check();
  await expect(conflicts.getByRole('article')).toContainText('Took the bundle’s version');
  await conflicts.getByRole('button', { name: 'Close' }).click();
  await expect(bundleCard(page).getByRole('button', { name: /merge conflicts? to resolve/ })).toHaveCount(0);

  await section(page, 'Timeline');
  await expect(page.getByRole('main')).toContainText(theirTitle);
  await expect(page.getByRole('main')).not.toContainText(ourTitle);
});

test('the overview card counts open conflicts and opens them', async ({ page, host }) => {
  const ours = await demoCase(host);
  const original = join(host.dir, 'original.zip');
  await exportBundle(host, original);
  const theirsCase = join(host.dir, 'colleague.bdcase');
  await host.call('bundle.import', {
    jobId: randomUUID(),
    path: original,
    target: theirsCase,
    plaintext: true,
  });
  await host.call('case.open', { path: theirsCase });
  const events = (await host.call('events.list', {})).events.slice(0, 3);
  for (const event of events) {
    await host.call('events.update', { id: event.id, patch: { title: `${event.title} (colleague)` } });
  }
  const theirBundle = join(host.dir, 'colleague.zip');
  await exportBundle(host, theirBundle);
  // Both sides retitle the same three events, so each is a conflict.
  await host.call('case.open', { path: ours });
  for (const event of events) {
    await host.call('events.update', { id: event.id, patch: { title: `${event.title} (here)` } });
  }
  await host.call('bundle.merge', { jobId: randomUUID(), path: theirBundle });
  await host.start();

  const open = bundleCard(page).getByRole('button', { name: '3 merge conflicts to resolve' });
  await expect(open).toBeVisible();
  await bundleCard(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifactPath('bundle-overview-card.png') });
  await open.click();
  const conflicts = page.getByRole('dialog', { name: 'Merge conflicts' });
  await expect(conflicts.getByRole('article')).toHaveCount(3);
  const first = events[0];
  if (first === undefined) throw new Error('no event');
  await conflicts
    .getByRole('article')
    .filter({ hasText: `${first.title} (here)` })
    .getByRole('button', { name: /^Keep ours for event / })
    .click();
  await expect(conflicts.getByRole('article')).toHaveCount(2);
  await expect(conflicts.getByRole('status')).toHaveText('2 conflicts to resolve.');
  expect((await host.call('events.get', { id: first.id })).title).toBe(`${first.title} (here)`);
  await page.keyboard.press('Escape');
  await expect(bundleCard(page).getByRole('button', { name: '2 merge conflicts to resolve' })).toBeVisible();
});

test('a damaged bundle gets a red report naming the file, and cannot be imported', async ({ page, host }) => {
  await demoCase(host);
  const bundle = join(host.dir, 'damaged.zip');
  await exportBundle(host, bundle);
  await host.call('case.close', {});
  const zip = readFileSync(bundle);
  const evidence = zipEntries(zip).find((entry) => /\/data\/evidence\/./.test(entry.name) && entry.size > 0);
  if (evidence === undefined) throw new Error('the bundle holds no evidence file');
  tamperStoredEntry(zip, evidence);
  writeFileSync(bundle, zip);
  const inBag = evidence.name.slice(evidence.name.indexOf('/') + 1);
  await host.start();

  // The menu's import command on the welcome screen opens the bundle as a new case.
  host.dialogs.answerBundle(bundle);
  await page.evaluate(() => window.__breachdeskEmit?.('menu.command', { command: 'importBundle' }));
  const dialog = page.getByRole('dialog', { name: 'Open a case bundle' });
  const verdict = dialog.getByRole('alert', { name: 'Verification result' });
  await expect(verdict).toContainText('damaged.zip failed verification', { timeout: JOB_TIMEOUT });
  await expect(verdict).toHaveClass(/banner--fail/);
  const problems = dialog.getByRole('table', { name: 'Problems' });
  await expect(problems.getByRole('row').filter({ hasText: inBag })).toContainText('Checksum');
  await expect(dialog).toContainText('This bundle cannot be imported until it verifies.');
  await expect(dialog.getByRole('button', { name: 'Import as new case…' })).toHaveCount(0);
  await expectEveryControlNamed(page);
  await page.screenshot({ path: artifactPath('bundle-verify-damaged.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // A truncated zip: refused as an archive, in words, with nothing to import.
  const truncated = join(host.dir, 'truncated.zip');
  writeFileSync(truncated, zip.subarray(0, Math.floor(zip.length / 2)));
  host.dialogs.answerBundle(truncated);
  await page.getByRole('button', { name: 'Open bundle…' }).click();
  const again = page.getByRole('dialog', { name: 'Open a case bundle' });
  await expect(again.getByRole('alert', { name: 'Verification result' })).toContainText(
    'truncated.zip failed verification',
    { timeout: JOB_TIMEOUT },
  );
  await expect(again.getByRole('table', { name: 'Problems' })).toContainText('The bundle as a whole');
  await expect(again.getByRole('button', { name: 'Import as new case…' })).toHaveCount(0);
  await again.getByRole('button', { name: 'Close' }).click();

  // A byte changed without its zip checksum: the zip layer catches it, the report names the file
  // (the other files are still checked), and there is no import.
  const naive = readFileSync(bundle);
  naive[evidence.dataStart] = (naive[evidence.dataStart] ?? 0) ^ 0x01;
  const flipped = join(host.dir, 'flipped.zip');
  writeFileSync(flipped, naive);
  host.dialogs.answerBundle(flipped);
  await page.getByRole('button', { name: 'Open bundle…' }).click();
  const third = page.getByRole('dialog', { name: 'Open a case bundle' });
  await expect(third.getByRole('alert', { name: 'Verification result' })).toContainText(
    'flipped.zip failed verification',
    { timeout: JOB_TIMEOUT },
  );
  await expect(third.getByRole('table', { name: 'Problems' })).toContainText(inBag);
  await expect(third.getByRole('table', { name: 'Problems' })).toContainText('CRC-32');
  await expect(third.getByRole('button', { name: 'Import as new case…' })).toHaveCount(0);
});

test('a bundle from a key not trusted here is amber; Trust this signer… makes it pass', async ({
  page,
  host,
}) => {
  const other = colleague(host);
  await other.call('demo.create', { path: join(host.dir, 'colleague.bdcase') });
  const bundle = join(host.dir, 'colleague.zip');
  const exported = await other.call('bundle.export', { jobId: randomUUID(), path: bundle });
  other.session.close();
  expect(other.errors).toEqual([]);
  await host.start();

  host.dialogs.answerBundle(bundle);
  await page.getByRole('button', { name: 'Verify a bundle…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Verify a case bundle' });
  const verdict = dialog.getByRole('status', { name: 'Verification result' });
  await expect(verdict).toContainText('signed with a key you have not trusted', { timeout: JOB_TIMEOUT });
  await expect(verdict).toHaveClass(/banner--warn/);
  const signature = dialog.getByRole('region', { name: 'Signature' });
  await expect(signature).toContainText(
    `Signed with a key you have not trusted: ${exported.signerFingerprint}`,
  );

  await signature.getByRole('button', { name: 'Trust this signer…' }).click();
  const form = signature.getByRole('form', { name: 'Trust this signer' });
  const label = form.getByRole('textbox', { name: 'Whose key is this?' });
  await expect(label).toBeFocused();
  await form.getByRole('button', { name: 'Trust and verify again' }).click();
  await expect(label).toHaveAccessibleDescription(/Say whose key this is/);
  await label.fill('Maja Lind, Sonora legal');
  await expectEveryControlNamed(page);
  await page.screenshot({ path: artifactPath('bundle-verify-untrusted.png') });
  await label.press('Enter');

  await expect(verdict).toContainText('colleague.zip verified.', { timeout: JOB_TIMEOUT });
  await expect(verdict).toHaveClass(/banner--ok/);
  await expect(signature).toContainText(`Signed by Maja Lind, Sonora legal ${exported.signerFingerprint}`);
  const trusted = (await host.call('signing.info', {})).trusted;
  expect(trusted.map((key) => key.label)).toContain('Maja Lind, Sonora legal');
});

test('merging a bundle signed by an untrusted key merges nothing until the signer is trusted', async ({
  page,
  host,
}) => {
  await demoCase(host);
  const original = join(host.dir, 'original.zip');
  const ours = await exportBundle(host, original);
  const ownKey = (await host.call('signing.info', {})).own;
  if (ownKey === null) throw new Error('no own key after an export');

  // The colleague trusts this installation, opens the bundle, adds a task and sends it back.
  const other = colleague(host);
  await other.call('signing.trust', { publicKey: ownKey.publicKey, label: 'e2e tester' });
  await other.call('bundle.import', {
    jobId: randomUUID(),
    path: original,
    target: join(host.dir, 'colleague.bdcase'),
    plaintext: true,
  });
  await other.call('case.open', { path: join(host.dir, 'colleague.bdcase') });
  await other.call('tasks.create', { title: 'Call the Beatline DPO about the deletion certificate' });
  const back = join(host.dir, 'from-colleague.zip');
  const theirs = await other.call('bundle.export', { jobId: randomUUID(), path: back });
  other.session.close();
  expect(other.errors).toEqual([]);
  expect(theirs.signerFingerprint).not.toBe(ours.signerFingerprint);
  await host.start();

  host.dialogs.answerBundle(back);
  await bundleCard(page).getByRole('button', { name: "Merge a colleague's bundle…" }).click();
  const dialog = page.getByRole('dialog', { name: "Merge a colleague's bundle" });
  await expect(dialog.getByRole('status', { name: 'Verification result' })).toContainText(
    'signed with a key you have not trusted',
    { timeout: JOB_TIMEOUT },
  );
  await expect(dialog).toContainText('Nothing was merged');
  expect((await host.call('tasks.list', {})).map((task) => task.title)).not.toContain(
    'Call the Beatline DPO about the deletion certificate',
  );

  await dialog.getByRole('button', { name: 'Trust this signer…' }).click();
  await dialog.getByRole('textbox', { name: 'Whose key is this?' }).fill('Colleague');
  await dialog.getByRole('button', { name: 'Trust and verify again' }).click();
  const result = dialog.getByRole('status', { name: 'Merge result' });
  await expect(result).toContainText('Merged from-colleague.zip: 1 record added', { timeout: JOB_TIMEOUT });
  await expect(
    dialog.getByRole('table', { name: 'Records by kind' }).getByRole('row', { name: /^Tasks/ }),
  ).toContainText('1');
  expect((await host.call('tasks.list', {})).map((task) => task.title)).toContain(
    'Call the Beatline DPO about the deletion certificate',
  );
});

test('cancelling an export part-way writes no file', async ({ page, host }) => {
  await demoCase(host);
  // 1 GiB that takes no disk space, so the export has enough to read that it can be stopped.
  const big = join(host.dir, 'mailbox-image.raw');
  const handle = await open(big, 'w');
  await handle.truncate(1024 ** 3);
  await handle.close();
  await host.call('evidence.add', { jobId: randomUUID(), paths: [big] });
  await host.start();
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();

  // Ctrl+Shift+B from another section opens the export.
  await section(page, 'Timeline');
  await page.keyboard.press('Control+Shift+B');
  const dialog = page.getByRole('dialog', { name: 'Export case bundle' });
  await expect(dialog).toBeVisible();
  const target = join(host.dir, 'cancelled.zip');
  host.dialogs.answerBundlePath(target);
  await dialog.getByRole('button', { name: 'Choose location…' }).click();

  const panel = dialog.getByRole('region', { name: /^Exporting / });
  await expect(panel.getByRole('progressbar')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Cancel', exact: true })).toBeFocused();
  // Cancel at once, from the keyboard where the panel put it: anything slower (a screenshot, more
  // checks) can let a fast disk finish the export first.
  await page.keyboard.press('Enter');

  await expect(dialog.getByRole('status', { name: 'Export', exact: true })).toContainText(
    'Export cancelled; no file was written.',
    { timeout: JOB_TIMEOUT },
  );
  expect(existsSync(target)).toBe(false);
  expect(readdirSync(host.dir).filter((name) => name.includes('cancelled'))).toEqual([]);
  // The options are back, to try again or close.
  await expect(dialog.getByRole('button', { name: 'Choose location…' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('signing keys: own key to share, add a trusted key (checked in place), remove it after confirming', async ({
  page,
  host,
}) => {
  const other = new SigningKeys(join(host.dir, 'colleague-config'), ownerOnlyFileProtector('Colleague'));
  const colleagueKey = other.ensureKey();
  await host.start();

  await page.getByRole('button', { name: 'Signing keys…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Signing keys' });
  await expect(dialog).toContainText('No key pair yet');
  await expect(dialog).toContainText('only your account can read');
  await dialog.getByRole('button', { name: 'Create the key pair now' }).click();
  const own = (await host.call('signing.info', {})).own;
  if (own === null) throw new Error('no own key');
  await expect(dialog.getByRole('button', { name: 'Copy public key of this installation' })).toBeVisible();
  await expect(dialog).toContainText(own.publicKey);
  await expect(dialog).toContainText(own.fingerprint);

  const trusted = dialog.getByRole('table', { name: 'Trusted keys' });
  await expect(trusted.getByRole('row')).toHaveCount(2);
  await expect(trusted).toContainText('This installation');
  await expect(trusted.getByRole('button', { name: /^Remove/ })).toHaveCount(0);

  const form = dialog.getByRole('form', { name: 'Add a trusted key' });
  await form.getByRole('textbox', { name: 'Public key' }).fill('not-a-key');
  await form.getByRole('button', { name: 'Trust this key' }).click();
  await expect(form.getByRole('textbox', { name: 'Public key' })).toHaveAccessibleDescription(
    /not an Ed25519 public key/,
  );
  await expect(form.getByRole('textbox', { name: 'Whose key' })).toHaveAccessibleDescription(
    /Say whose key this is/,
  );
  await form.getByRole('textbox', { name: 'Public key' }).fill(colleagueKey.publicKey);
  await form.getByRole('textbox', { name: 'Whose key' }).fill('Erik Berg, external counsel');
  await form.getByRole('button', { name: 'Trust this key' }).click();
  await expect(form.getByRole('status')).toContainText('Erik Berg, external counsel');
  await expect(trusted.getByRole('row')).toHaveCount(3);
  // Shortened in the table, in full on hover and through its copy button.
  await expect(trusted.locator(`code[title="${colleagueKey.fingerprint}"]`)).toBeVisible();
  await expect(
    trusted.getByRole('button', { name: 'Copy fingerprint of Erik Berg, external counsel' }),
  ).toBeVisible();
  await expectEveryControlNamed(page);
  await page.screenshot({ path: artifactPath('bundle-signing-keys.png'), fullPage: true });

  await trusted.getByRole('button', { name: 'Remove Erik Berg, external counsel…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove a trusted key' });
  await expect(confirm).toContainText('Erik Berg, external counsel');
  await expect(confirm).toContainText(colleagueKey.fingerprint);
  await page.screenshot({ path: artifactPath('bundle-remove-key.png') });
  await confirm.getByRole('button', { name: 'Remove key' }).click();
  await expect(confirm).toBeHidden();
  await expect(trusted.getByRole('row')).toHaveCount(2);
  expect((await host.call('signing.info', {})).trusted.map((key) => key.label)).toEqual(['e2e tester']);
  // The keyboard stays in the dialog: Escape closes it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the welcome screen and the help overlay list the bundle actions', async ({ page, host }) => {
  await host.start();
  const bundles = page.getByRole('region', { name: 'Case bundles' });
  await expect(bundles.getByRole('button', { name: 'Open bundle…' })).toBeEnabled();
  await expect(bundles.getByRole('button', { name: 'Verify a bundle…' })).toBeEnabled();
  await expect(bundles.getByRole('button', { name: 'Signing keys…' })).toBeEnabled();
  await page.screenshot({ path: artifactPath('bundle-welcome.png') });

  // Choosing nothing changes nothing.
  host.dialogs.answerBundle(null);
  await bundles.getByRole('button', { name: 'Open bundle…' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(host.dialogs.unanswered).toBe(0);

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText(
    'Export a case bundle…',
  );
});
