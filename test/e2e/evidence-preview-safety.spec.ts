import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from '@playwright/test';
import { APP_URL, ORIGIN } from './host/serve-renderer';
import { artifactPath } from './support/paths';
import { expect, test } from './host/test-host';

declare global {
  interface Window {
    __pwned?: string;
  }
}

/**
 * Hostile evidence (DESIGN §8, issue 4 point 4): markup that would run script, fire an event
 * handler or fetch something if it were ever rendered. Every file is opened in every mode through
 * the UI, and nothing may run, open a dialog or make a request.
 */
const HOSTILE_HTML = [
  '<!doctype html>',
  '<html><head><title>Invoice</title>',
  '<link rel="stylesheet" href="http://attacker.test/x.css">',
  '<meta http-equiv="refresh" content="0; url=http://attacker.test/">',
  '</head><body>',
  "<script>window.__pwned = 'script'; alert('script')</script>",
  '<img src=x onerror="window.__pwned=\'onerror\'; alert(1)">',
  '<iframe src="http://attacker.test/frame"></iframe>',
  '<a href="javascript:window.__pwned=\'link\'">pay now</a>',
  '<p>Please pay the attached invoice.</p>',
  '</body></html>',
  '',
].join('\n');

const HOSTILE_SVG = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100"',
  '     onload="window.__pwned=\'svg-onload\'; alert(2)">',
  "  <script>window.__pwned='svg'; alert(3)</script>",
  '  <image href="http://attacker.test/tracker.png" width="10" height="10"/>',
  '  <foreignObject width="100" height="100"><img xmlns="http://www.w3.org/1999/xhtml" src="x" onerror="window.__pwned=\'fo\'"/></foreignObject>',
  '  <rect width="100" height="100" fill="red"/>',
  '</svg>',
  '',
].join('\n');

const HOSTILE_EMAIL = [
  'From: Billing <billing@attacker.test>',
  'To: finance@sonora.test',
  'Subject: Overdue invoice',
  'Date: Mon, 16 Nov 2020 09:30:00 +0100',
  'MIME-Version: 1.0',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<html><body><script>window.__pwned=\'email\'</script><img src="http://attacker.test/pixel.gif" onerror="window.__pwned=\'email-img\'"><p>Pay now</p></body></html>',
  '',
].join('\r\n');

interface HostileFile {
  name: string;
  content: string;
  /** Text that must be visible (as text) in the natural preview. */
  literal: string;
  /** Whether the natural preview must carry the "shown as source" banner. */
  source: boolean;
}

const FILES: HostileFile[] = [
  { name: 'invoice.html', content: HOSTILE_HTML, literal: '<script>', source: true },
  { name: 'chart.svg', content: HOSTILE_SVG, literal: '<script>', source: true },
  // Markup under an innocent name: the content decides, not the extension.
  { name: 'readme.txt', content: HOSTILE_HTML, literal: '<script>', source: true },
  { name: 'photo.png', content: HOSTILE_SVG, literal: '<script>', source: true },
  { name: 'overdue.eml', content: HOSTILE_EMAIL, literal: 'Overdue invoice', source: false },
];

const BANNER = 'Shown as source text. Breachdesk never renders HTML, SVG or scripts from evidence.';

function watch(page: Page) {
  const requests: string[] = [];
  const dialogs: string[] = [];
  const inFlight = new Set<Request>();
  page.on('request', (request) => {
    requests.push(request.url());
    inFlight.add(request);
  });
  page.on('requestfinished', (request) => inFlight.delete(request));
  page.on('requestfailed', (request) => inFlight.delete(request));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { requests, dialogs, inFlight };
}

/**
 * Gives anything the evidence could have set off its turn, by states rather than a pause: every
 * page timer due within a minute runs (the page is on Playwright's clock), every request the page
 * started has ended (an image's onerror or onload comes after its request), and two frames have
 * been rendered since.
 */
async function settle(page: Page, inFlight: ReadonlySet<Request>): Promise<void> {
  await page.clock.runFor(60_000);
  await expect.poll(() => inFlight.size).toBe(0);
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
      }),
  );
}

async function pwned(page: Page): Promise<string | undefined> {
  return page.evaluate(() => window.__pwned);
}

test('hostile HTML, SVG and e-mail evidence is shown as text in every mode and runs nothing', async ({
  page,
  host,
}) => {
  const seen = watch(page);
  await host.call('case.create', {
    path: join(host.dir, 'hostile.bdcase'),
    title: 'Phishing campaign',
    organisation: 'Sonora Streaming AB',
    plaintext: true,
  });
  const paths = FILES.map((file) => {
    const path = join(host.dir, file.name);
    writeFileSync(path, file.content);
    return path;
  });
  const { added } = await host.call('evidence.add', { jobId: randomUUID(), paths });
  expect(added.map((item) => item.name).sort()).toEqual(FILES.map((file) => file.name).sort());
  // Scriptable content is classified as source whatever its name says.
  for (const file of FILES.filter((f) => f.source)) {
    expect(added.find((item) => item.name === file.name)?.kind, file.name).toBe('source');
  }

  // The page's timers run on Playwright's clock, so the verdict can wait for all of them to run.
  await page.clock.install();
  await host.start();
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Evidence' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Evidence' })).toBeVisible();
  const list = page.getByRole('list', { name: 'Evidence items' });

  for (const file of FILES) {
    await list.getByRole('button', { name: new RegExp(`^${file.name.replace('.', '\\.')}`) }).click();
    const tabs = page.getByRole('tablist', { name: 'Show the item as' });
    await expect(tabs).toBeVisible();
    const panel = page.getByRole('tabpanel');

    // Natural view: the markup as literal text, under the banner.
    await tabs.getByRole('tab', { name: 'Preview' }).click();
    await expect(panel.getByText(file.literal).first()).toBeVisible();
    if (file.source) await expect(panel.getByRole('note')).toHaveText(BANNER);
    expect(await panel.locator('iframe, object, embed, script, svg, img').count(), file.name).toBe(0);
    if (file.name === 'invoice.html')
      await page.screenshot({ path: artifactPath('evidence-preview-source.png') });

    // Every other mode the item offers.
    const names = await tabs.getByRole('tab').allTextContents();
    for (const name of names) {
      await tabs.getByRole('tab', { name }).click();
      await expect(tabs.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
      await expect(panel).toHaveAttribute('aria-busy', 'false');
      await expect(panel.getByText(/\S/).first()).toBeVisible();
      expect(
        await panel.locator('iframe, object, embed, script, svg, img').count(),
        `${file.name} ${name}`,
      ).toBe(0);
    }
    await expect(tabs.getByRole('tab', { name: 'Hex' })).toBeVisible();
    expect(await pwned(page), file.name).toBeUndefined();
  }

  // The e-mail's HTML body arrives as its text: readable words, no element from it.
  await list.getByRole('button', { name: /^overdue\.eml/ }).click();
  await page.getByRole('tab', { name: 'Preview' }).click();
  await expect(page.getByRole('tabpanel').getByLabel('Message body')).toContainText('Pay now');

  // Give any deferred handler (timers, onload, onerror, refresh) its chance before the verdict.
  await settle(page, seen.inFlight);
  expect(page.url()).toBe(APP_URL);
  expect(await pwned(page)).toBeUndefined();
  expect(seen.dialogs).toEqual([]);
  const foreign = seen.requests.filter((url) => !url.startsWith(`${ORIGIN}/`));
  expect(foreign, 'requests outside the app’s own files').toEqual([]);
});
