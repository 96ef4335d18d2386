import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { renderBundleIndex } from '../../main/services/bundles/index-html';
import type { BundleIndexModel } from '../../main/services/bundles/index-page/model';
import { demoBundleIndexModel, evidenceBagPath } from '../helpers/bundle-index-model';
import { requireChromium } from './support/chromium';
import { artifactPath } from './support/paths';

const HEADINGS = [
  'Summary',
  'Timeline',
  'People and data',
  'Recipients and parties',
  'Evidence',
  'Obligations',
  'Letters',
  'Tasks',
  'Notes',
  'About this bundle',
];

/** A name a browser would cut at `#` or `?` unless the link encodes it. */
const AWKWARD_NAME = 'access log #2?.csv';

let dir = '';
let dataDir = '';
let model: BundleIndexModel;

/** The model's evidence and letter files written where the bag puts them, beside index.html. */
function writePayload(data: string, bundleModel: BundleIndexModel): void {
  for (const { item, bagPath } of bundleModel.evidence) {
    if (bagPath === null) continue;
    mkdirSync(dirname(join(data, bagPath)), { recursive: true });
    copyFileSync(item.originalPath, join(data, bagPath));
  }
  for (const { files } of bundleModel.letters) {
    for (const file of files) {
      mkdirSync(dirname(join(data, file.bagPath)), { recursive: true });
      writeFileSync(join(data, file.bagPath), `placeholder ${file.format}`);
    }
  }
}

/** The demo with one more evidence file whose name needs encoding. */
function withAwkwardName(base: BundleIndexModel): BundleIndexModel {
  const [first] = base.evidence;
  if (first === undefined) throw new Error('the demo has no evidence');
  const bagPath = evidenceBagPath(base.evidence.length, AWKWARD_NAME);
  return { ...base, evidence: [...base.evidence, { item: { ...first.item, name: AWKWARD_NAME }, bagPath }] };
}

test.beforeAll(async () => {
  requireChromium();
  dir = mkdtempSync(join(tmpdir(), 'breachdesk-e2e-index-'));
  dataDir = join(dir, 'bag', 'data');
  model = withAwkwardName(await demoBundleIndexModel(dir));
  writePayload(dataDir, model);
  writeFileSync(join(dataDir, 'index.html'), renderBundleIndex(model));
});

test.afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

/** Opens the page offline: every request that is not file: is aborted, and all are recorded. */
async function openOffline(page: Page): Promise<{ requests: string[]; problems: string[] }> {
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.route('**/*', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort(),
  );
  await page.goto(pathToFileURL(join(dataDir, 'index.html')).href);
  return { requests, problems };
}

test('the bundle summary opens offline, loads nothing, and reads as a report', async ({ page }) => {
  const { requests, problems } = await openOffline(page);

  await expect(page).toHaveTitle(`${model.case.title} · case bundle summary`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(model.case.title);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(HEADINGS);
  for (const heading of HEADINGS) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.getByRole('table', { name: /events in time order/ })).toContainText(
    '2020-11-16 08:30 UTC',
  );
  const evidence = page.getByRole('region', { name: 'Evidence' });
  for (const { item } of model.evidence) await expect(evidence).toContainText(item.sha256);
  await expect(page.getByRole('region', { name: 'Notes' })).toContainText(
    'Privileged notes were left out of this bundle.',
  );

  // Nothing can run: no script element, no event-handler attribute, no javascript: link.
  const active = await page.evaluate(() => {
    const elements = [...document.querySelectorAll('*')];
    return {
      scripts: document.scripts.length,
      handlers: elements.flatMap((e) => e.getAttributeNames().filter((n) => n.startsWith('on'))),
      schemes: [...document.querySelectorAll('a')].map((a) => a.protocol).filter((p) => p !== 'file:'),
    };
  });
  expect(active).toEqual({ scripts: 0, handlers: [], schemes: [] });

  await page.screenshot({ path: artifactPath('bundle-index-top.png') });
  await page.screenshot({ path: artifactPath('bundle-index.png'), fullPage: true });
  for (const heading of HEADINGS) {
    const name = heading.toLowerCase().replace(/\W+/g, '-');
    await page
      .getByRole('region', { name: heading })
      .screenshot({ path: artifactPath(`bundle-index-${name}.png`) });
  }

  expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
  expect(requests).toEqual([pathToFileURL(join(dataDir, 'index.html')).href]);
  expect(problems, 'console errors (a CSP violation among them)').toEqual([]);
});

test('every file link resolves to the file beside index.html, awkward names included', async ({ page }) => {
  await openOffline(page);
  const links = await page
    .locator('a[href^="evidence/"], a[href^="letters/"]')
    .evaluateAll((anchors) =>
      anchors.map((a) => ({ raw: a.getAttribute('href') ?? '', url: (a as HTMLAnchorElement).href })),
    );
  expect(links.length).toBe(model.evidence.length + model.letters.reduce((n, l) => n + l.files.length, 0));
  for (const link of links) {
    expect(link.url.startsWith('file:'), link.raw).toBe(true);
    expect(new URL(link.url).hash, link.raw).toBe('');
    expect(new URL(link.url).search, link.raw).toBe('');
    expect(existsSync(fileURLToPath(link.url)), link.raw).toBe(true);
  }
  const awkward = page.getByRole('link', { name: AWKWARD_NAME });
  await expect(awkward).toHaveAttribute('href', /access%20log%20%232%3F\.csv$/);
});

test('the summary reads on a phone and prints without its contents list', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openOffline(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Summary' })).toBeVisible();
  // Nothing but the tables' own scrolling boxes may be wider than the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: artifactPath('bundle-index-phone.png') });

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Contents' })).toBeHidden();
  await page.screenshot({ path: artifactPath('bundle-index-print.png') });
});

/** A file name that would be a script URL if a link used it unencoded. */
const SCHEME_NAME = 'javascript:alert(3).txt';

test('hostile case text shows as text and runs nothing', async ({ page }) => {
  const hostileTitle = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  const [first] = model.evidence;
  if (first === undefined) throw new Error('the demo has no evidence');
  const hostile: BundleIndexModel = {
    ...model,
    case: { ...model.case, title: hostileTitle },
    evidence: [{ item: { ...first.item, name: SCHEME_NAME }, bagPath: `evidence/${SCHEME_NAME}` }],
  };
  writeFileSync(join(dataDir, 'hostile.html'), renderBundleIndex(hostile));
  writeFileSync(join(dataDir, 'evidence', SCHEME_NAME), 'evidence text');
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.route('**/*', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort(),
  );
  await page.goto(pathToFileURL(join(dataDir, 'hostile.html')).href);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(hostileTitle);
  const link = page.getByRole('link', { name: SCHEME_NAME });
  expect(await link.evaluate((a) => (a as HTMLAnchorElement).protocol)).toBe('file:');
  expect(await page.locator('img, script').count()).toBe(0);
  // Following the link opens the file beside the page; the name is never run as script.
  await link.click();
  await expect(page).toHaveURL(/^file:.*\/evidence\/javascript%3Aalert\(3\)\.txt$/);
  expect(dialogs).toEqual([]);
  expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
});
