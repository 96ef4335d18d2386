import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expectEveryControlNamed } from './support/named-controls';
import { artifactPath } from './support/paths';
import { expect, test, type TestHost } from './host/test-host';

const CA_HEADINGS = [
  'What Happened',
  'What Information Was Involved',
  'What We Are Doing',
  'What You Can Do',
  'For More Information',
];

async function openDemoLetters(page: Page, host: TestHost): Promise<void> {
  await host.call('demo.create', { path: join(host.dir, 'sonora.bdcase') });
  await host.start();
  await showSection(page, 'Letters');
  await expect(page.getByRole('list', { name: 'Letters' })).toBeVisible({ timeout: 10_000 });
}

async function showSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Case sections' }).getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

/** Opens the demo's California notice to residents and returns its editor. */
async function openCaliforniaNotice(page: Page): Promise<Locator> {
  await page
    .getByRole('list', { name: 'Letters' })
    .getByRole('button', { name: /Affected California account holders/ })
    .click();
  const editor = page.getByRole('textbox', { name: 'Letter text' });
  await expect(editor.getByRole('heading', { name: 'Notice of Data Breach' })).toBeVisible();
  return editor;
}

function chip(scope: Locator, field: string): Locator {
  return scope.locator(`.merge-chip[data-merge-field="${field}"]`);
}

async function tallScreenshot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 2600 });
  await page.screenshot({ path: artifactPath(name) });
  if (size !== null) await page.setViewportSize(size);
}

test('the California notice shows its headings and live case values, follows the facts, and marks a missing value', async ({
  page,
  host,
}) => {
  await openDemoLetters(page, host);
  const letters = page.getByRole('list', { name: 'Letters' });
  await expect(letters.getByRole('button')).toHaveCount(6);
  await expect(letters).toContainText('Draft');

  const editor = await openCaliforniaNotice(page);
  await expect(editor.getByRole('heading', { level: 2 })).toHaveText(CA_HEADINGS);
  const email = chip(editor, 'organisation.contactEmail');
  await expect(email.first()).toHaveText('privacy@sonora.example');
  await expect(email.first()).toHaveAttribute('title', 'Merge field: Contact e-mail');
  await expect(chip(editor, 'organisation.name').first()).not.toHaveClass(/merge-chip--missing/);

  const checks = page.getByRole('region', { name: 'Checks' });
  await expect(checks.getByRole('listitem').first()).toBeVisible();
  await expectEveryControlNamed(page);
  await page.screenshot({ path: artifactPath('letters-california.png') });

  // A value edited in Facts is the letter's value when it is opened again.
  await showSection(page, 'Facts');
  const organisation = page.getByRole('region', { name: 'Organisation' });
  await organisation.getByRole('textbox', { name: 'Contact e-mail' }).fill('breach-help@sonora.example');
  await organisation.getByRole('textbox', { name: 'Contact e-mail' }).press('Tab');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  await showSection(page, 'Letters');
  await expect(chip(editor, 'organisation.contactEmail').first()).toHaveText('breach-help@sonora.example');

  // A change made elsewhere (another window, the CLI) shows at once; an emptied value is missing, in amber.
  const facts = await host.call('facts.get', {});
  await host.call('facts.update', { patch: { organisation: { ...facts.organisation, contactPhone: '' } } });
  const phone = chip(editor, 'organisation.contactPhone').first();
  await expect(phone).toHaveText(/missing: Contact phone/);
  await expect(phone).toHaveClass(/merge-chip--missing/);
  await expect(checks.getByRole('listitem', { name: /^Fails: / }).first()).toBeVisible();
  await phone.scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifactPath('letters-missing-value.png') });
});

test('typing autosaves a new version, the versions compare, approval with a failing check needs a reason, and the letter renders to PDF, DOCX and HTML', async ({
  page,
  host,
}) => {
  test.setTimeout(90_000);
  await openDemoLetters(page, host);
  const editor = await openCaliforniaNotice(page);
  const saveState = page.getByRole('status', { name: 'Save state' });
  const versions = page.getByRole('region', { name: 'Versions' });
  const before = (await host.call('letters.list', {})).find((l) =>
    l.recipient.name.includes('California account holders'),
  );
  if (before === undefined) throw new Error('the demo has no California notice');
  const first = before.latestVersion;

  // Type at the start of the closing sentence; a second later it is a new version.
  await editor.getByText('We sincerely regret any concern').click({ position: { x: 2, y: 4 } });
  await page.keyboard.press('Home');
  await page.keyboard.type('Typed in the editor for the record. ');
  await expect(saveState).toHaveText('Saving…');
  await expect(saveState).toHaveText('Saved');
  await expect
    .poll(async () => (await host.call('letters.get', { id: before.id })).letter.latestVersion, {
      timeout: 5_000,
    })
    .toBe(first + 1);
  await expect(versions.getByRole('rowheader', { name: `Version ${first + 1}` })).toBeVisible();
  await expect(versions.getByRole('row', { name: new RegExp(`Version ${first + 1}`) })).toContainText(
    'Edited',
  );
  const saved = await host.call('letters.get', { id: before.id });
  expect(JSON.stringify(saved.version.doc)).toContain('Typed in the editor for the record.');

  // Compare the drafted version with the edited one: the typed words are inserted.
  await versions.getByRole('combobox', { name: 'Compare version' }).selectOption(String(first));
  await versions.getByRole('combobox', { name: 'with version' }).selectOption(String(first + 1));
  await versions.getByRole('button', { name: 'Compare' }).click();
  const diff = versions.getByRole('region', {
    name: `Changes from version ${first} to version ${first + 1}`,
  });
  // A word diff: the typed words are inserted runs, the spaces between them are shared.
  await expect(diff.locator('.letter-diff__text')).toContainText(
    'Typed in the editor for the record. We sincerely regret any concern this incident may cause you.',
  );
  const inserted = (await diff.locator('.letter-diff__text ins').allTextContents()).join(' ');
  expect(inserted).toContain('Typed');
  expect(inserted).toContain('for the record.');
  await expect(diff.locator('.letter-diff__text del')).toHaveCount(0);

  // A past version opens read-only.
  await versions.getByRole('button', { name: `View version ${first}` }).click();
  const past = versions.getByRole('document', { name: `Version ${first}, read-only` });
  await expect(past).toContainText('We sincerely regret any concern');
  await expect(past).not.toContainText('Typed in the editor');

  // Undo is the editor's history: Ctrl+Z takes the typing back, and that is saved too.
  await editor.click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(editor).not.toContainText('Typed in the editor for the record.');
  await expect
    .poll(async () => (await host.call('letters.get', { id: before.id })).letter.latestVersion)
    .toBe(first + 2);

  // With a merge field left empty a check fails: approval needs a reason, and the service says so.
  const facts = await host.call('facts.get', {});
  await host.call('facts.update', { patch: { organisation: { ...facts.organisation, contactPhone: '' } } });
  const checks = page.getByRole('region', { name: 'Checks' });
  await expect(checks.getByRole('listitem', { name: /^Fails: / }).first()).toBeVisible();
  const status = page.getByRole('group', { name: 'Letter status' });
  await status.getByRole('button', { name: 'Send for review' }).click();
  await expect(status).toContainText('In review');
  await status.getByRole('button', { name: 'Approve…' }).click();
  const approve = page.getByRole('dialog', { name: 'Approve letter' });
  await expect(approve).toContainText('check');
  await approve.getByRole('button', { name: 'Approve with override' }).click();
  await expect(approve.getByRole('alert')).toBeVisible();
  await expect(status).toContainText('In review');
  await page.screenshot({ path: artifactPath('letters-approve-override.png') });
  const reason = 'The phone line opens on Monday; counsel approved sending without it.';
  await approve.getByRole('textbox', { name: 'Override reason' }).fill(reason);
  await approve.getByRole('button', { name: 'Approve with override' }).click();
  await expect(approve).toBeHidden();
  await expect(status).toContainText('Approved');
  await expect(page.getByRole('main')).toContainText('is approved and locked');
  await expect(page.getByRole('main')).toContainText(reason);
  const approved = await host.call('letters.get', { id: before.id });
  expect(approved.letter.status).toBe('approved');
  expect(approved.letter.override?.reason).toBe(reason);

  // Output: the dialog stub answers, main writes, the panel says where and the SHA-256.
  const output = page.getByRole('region', { name: 'Export' });
  const files = {
    pdf: join(host.dir, 'notice.pdf'),
    docx: join(host.dir, 'notice.docx'),
    html: join(host.dir, 'notice.html'),
  };
  for (const [format, label] of [
    ['html', 'Export HTML…'],
    ['docx', 'Export Word (DOCX)…'],
    ['pdf', 'Export PDF…'],
  ] as const) {
    host.dialogs.answerExport(files[format]);
    await output.getByRole('button', { name: label }).click();
    await expect(output.getByRole('status')).toContainText(files[format], { timeout: 15_000 });
    await expect(output.getByRole('status')).toContainText('SHA-256');
  }
  expect(host.dialogs.suggestedNames.some((name) => name.endsWith('.pdf'))).toBe(true);
  expect(readFileSync(files.pdf).subarray(0, 4).toString('latin1')).toBe('%PDF');
  expect(readFileSync(files.docx).subarray(0, 2).toString('latin1')).toBe('PK');
  const html = readFileSync(files.html, 'utf8');
  expect(html).toContain('Notice of Data Breach');
  expect(html).toContain('What Information Was Involved');
  await tallScreenshot(page, 'letters-approved.png');

  // Sent: when and how.
  await status.getByRole('button', { name: 'Mark sent…' }).click();
  const sent = page.getByRole('dialog', { name: 'Mark letter sent' });
  await sent.getByRole('textbox', { name: 'Channel' }).fill('First-class mail');
  await sent.getByRole('button', { name: 'Record as sent' }).click();
  await expect(sent).toBeHidden();
  await expect(status).toContainText('Sent');
  await expect(page.getByRole('main')).toContainText('via First-class mail');
});

test('a new letter from a template, with a merge field inserted from the menu; freezing makes the fields text', async ({
  page,
  host,
}) => {
  await openDemoLetters(page, host);
  await page.getByRole('button', { name: 'New letter…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New letter' });
  const template = dialog.getByRole('combobox', { name: 'Template' });
  const passwordReset = await template
    .locator('option')
    .filter({ hasText: /password/i })
    .first()
    .getAttribute('value');
  await template.selectOption(passwordReset ?? '');
  await dialog.getByRole('textbox', { name: 'Recipient name' }).fill('Sonora account holders');
  await expectEveryControlNamed(page);
  await dialog.getByRole('button', { name: 'Create draft' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('list', { name: 'Letters' }).getByRole('button', { name: /Sonora account holders/ }),
  ).toHaveAttribute('aria-current', 'true');

  const editor = page.getByRole('textbox', { name: 'Letter text' });
  await expect(editor.locator('h1')).toBeVisible();
  await editor.locator('h1').click();
  await page.keyboard.press('End');
  await page.getByRole('button', { name: 'Insert merge field ▾' }).click();
  const menu = page.getByRole('menu', { name: 'Merge fields' });
  await menu.getByRole('menuitem', { name: /^Case title/ }).click();
  await expect(menu).toBeHidden();
  await expect(chip(editor.locator('h1'), 'case.title')).toHaveText(
    'Partner API exposure (partner-sync 3.2)',
  );
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');

  // A table from the toolbar (no inline styles under the CSP), typed into and saved in the schema.
  await editor.locator('p').last().click();
  await page.keyboard.press('ControlOrMeta+End');
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  await toolbar.getByRole('button', { name: 'Insert table' }).click();
  await expect(editor.locator('table')).toHaveCount(1);
  await page.keyboard.type('Step');
  await page.keyboard.press('Tab');
  await page.keyboard.type('When');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const letterId = (await host.call('letters.list', {})).find((l) =>
    l.recipient.name.includes('Sonora account holders'),
  )?.id;
  const withTable = await host.call('letters.get', { id: letterId ?? '' });
  const table = withTable.version.doc.content.find((block) => block.type === 'table');
  expect(JSON.stringify(table)).toContain('"text":"Step"');
  expect(JSON.stringify(table)).toContain('"text":"When"');
  expect(JSON.stringify(table)).not.toContain('colwidth');

  await page.getByRole('button', { name: 'Freeze merge fields…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Freeze merge fields' });
  await expect(confirm).toContainText('becomes plain text');
  await confirm.getByRole('button', { name: 'Freeze merge fields' }).click();
  await expect(confirm).toBeHidden();
  await expect(editor.locator('.merge-chip')).toHaveCount(0);
  await expect(editor.locator('h1')).toContainText('Partner API exposure (partner-sync 3.2)');
  await expect(page.getByRole('region', { name: 'Versions' })).toContainText('Frozen');
});

test('a version saved elsewhere while typing is reported, and the editor shows it', async ({
  page,
  host,
}) => {
  await openDemoLetters(page, host);
  const editor = await openCaliforniaNotice(page);
  const letter = (await host.call('letters.list', {})).find((l) =>
    l.recipient.name.includes('California account holders'),
  );
  if (letter === undefined) throw new Error('the demo has no California notice');
  const latest = await host.call('letters.get', { id: letter.id });

  // Typing starts the one-second pause; meanwhile another window saves a version.
  await editor.getByText('We sincerely regret any concern').click({ position: { x: 2, y: 4 } });
  await page.keyboard.type('Lost words. ');
  const elsewhere = {
    type: 'doc' as const,
    content: [
      ...latest.version.doc.content,
      { type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'Added in another window.' }] },
    ],
  };
  await host.call('letters.save', { id: letter.id, baseVersion: latest.version.version, doc: elsewhere });

  await expect(page.getByRole('alert')).toContainText('changed elsewhere');
  await expect(editor).toContainText('Added in another window.');
  await expect(editor).not.toContainText('Lost words.');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  expect((await host.call('letters.get', { id: letter.id })).letter.latestVersion).toBe(
    latest.version.version + 1,
  );
});

test('a letter names the obligation it answers, and its title and recipient can be changed afterwards', async ({
  page,
  host,
}) => {
  await openDemoLetters(page, host);
  await page
    .getByRole('list', { name: 'Letters' })
    .getByRole('button', { name: /Integritetsskyddsmyndigheten/ })
    .click();
  await expect(
    page.getByText(/Answers: Notify the lead supervisory authority \(GDPR Art\. 33\)/),
  ).toBeVisible();

  await page
    .getByRole('list', { name: 'Letters' })
    .getByRole('button', { name: /Beatline Devices Ltd/ })
    .click();
  await page.getByRole('button', { name: 'Details…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Letter details' });
  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('Deletion request: Beatline');
  await dialog.getByRole('textbox', { name: 'Recipient address' }).fill('1 Harbour Road, London');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 3, name: 'Deletion request: Beatline' })).toBeVisible();
  const editor = page.getByRole('textbox', { name: 'Letter text' });
  await expect(chip(editor, 'recipient.address').first()).toContainText('1 Harbour Road, London');
  const audit = await host.call('audit.list', { limit: 1 });
  expect(audit.entries[0]?.action).toBe('letter.updated');
});
