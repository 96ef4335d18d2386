import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expectEveryControlNamed } from './support/named-controls';
import { artifactPath, REPO_ROOT } from './support/paths';
import { expect, test, type TestHost } from './host/test-host';

/** Creates a case, writes the files into the host's folder, attaches them and opens the section. */
async function attach(page: Page, host: TestHost, files: Record<string, string | Buffer>): Promise<void> {
  await host.call('case.create', {
    path: join(host.dir, 'preview.bdcase'),
    title: 'Partner API exposure',
    organisation: 'Sonora Streaming AB',
    plaintext: true,
  });
  const paths = Object.entries(files).map(([name, content]) => {
    const path = join(host.dir, name);
    writeFileSync(path, content);
    return path;
  });
  await host.call('evidence.add', { jobId: randomUUID(), paths });
  await host.start();
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Evidence' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Evidence' })).toBeVisible();
}

async function open(page: Page, name: string): Promise<void> {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page
    .getByRole('list', { name: 'Evidence items' })
    .getByRole('button', { name: new RegExp(`^${escaped}`) })
    .click();
  await expect(page.getByRole('tablist', { name: 'Show the item as' })).toBeVisible();
}

/** The preview's panel, scrolled into view for a screenshot. */
async function shoot(page: Page, file: string): Promise<void> {
  await page.getByRole('tabpanel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifactPath(file) });
}

// ---- Files made here, so the spec needs no fixtures ----

function logLines(count: number): string {
  const lines: string[] = [];
  for (let n = 1; n <= count; n += 1) {
    const user = String((n * 7919) % 100_000).padStart(5, '0');
    lines.push(
      `2020-11-12T13:${String(n % 60).padStart(2, '0')}:00Z api-gw GET /v2/users/${user} partner=adcircle status=200 line=${n}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 96×64 RGB PNG: a blue field with a red square. */
function png(): Buffer {
  const width = 96;
  const height = 64;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      const red = x > 32 && x < 64 && y > 16 && y < 48;
      row.set(red ? [200, 30, 30] : [31, 79, 154], 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A two-page PDF drawn with filled rectangles (no fonts needed to draw it). */
function pdf(): Buffer {
  const streams = ['0.12 0.31 0.6 rg 20 20 260 160 re f', '0.8 0.1 0.1 rg 50 50 100 100 re f'];
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${streams[0]?.length} >>\nstream\n${streams[0]}\nendstream`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 6 0 R /Resources << >> >>',
    `<< /Length ${streams[1]?.length} >>\nstream\n${streams[1]}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(out.length);
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const EMAIL = [
  'From: Dana Reyes <dana.reyes@sonora.test>',
  'To: Counsel <counsel@lawfirm.test>',
  'Subject: Partner API logs for the exposure window',
  'Date: Fri, 13 Nov 2020 10:12:00 +0100',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Attached are the gateway logs for 12 November.',
  'The out-of-scope calls start at 13:05 CET.',
  '--b1',
  'Content-Type: text/csv; name="calls.csv"',
  'Content-Disposition: attachment; filename="calls.csv"',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('partner,calls\nadcircle,1200\n').toString('base64'),
  '--b1--',
  '',
].join('\r\n');

// ---- Specs ----

test('a multi-page log pages with Previous/Next, and Go to line opens the page holding that line, highlighted', async ({
  page,
  host,
}) => {
  await attach(page, host, { 'api-gateway.log': logLines(5000) });
  await open(page, 'api-gateway.log');
  const panel = page.getByRole('tabpanel');
  await expect(panel.locator('li[data-line="1"]')).toContainText('line=1');
  await expect(panel.getByText(/^Page 1 of \d+$/)).toBeVisible();
  const pages = Number((await panel.getByText(/^Page 1 of \d+$/).textContent())?.match(/of (\d+)/)?.[1]);
  expect(pages).toBeGreaterThan(2);
  await expect(panel.getByRole('button', { name: 'Previous page' })).toBeDisabled();

  await panel.getByRole('button', { name: 'Next page' }).click();
  await expect(panel.getByText(`Page 2 of ${pages}`)).toBeVisible();
  await expect(panel.locator('li[data-line="1"]')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Previous page' })).toBeEnabled();

  await panel.getByRole('textbox', { name: 'Go to line' }).fill('4321');
  await panel.getByRole('textbox', { name: 'Go to line' }).press('Enter');
  const target = panel.locator('li[data-line="4321"]');
  await expect(target).toHaveAttribute('aria-current', 'true');
  await expect(target).toContainText('line=4321');
  await expect(target).toBeInViewport();
  await expect(panel.locator('li[aria-current="true"]')).toHaveCount(1);
  await expect(panel.getByText(new RegExp(`^Page \\d+ of ${pages}$`))).not.toHaveText(`Page 2 of ${pages}`);
  await shoot(page, 'evidence-preview-text.png');
  await expectEveryControlNamed(page);
  for (const role of ['tab', 'tabpanel', 'table'] as const) {
    for (const element of await page.getByRole(role).all()) await expect(element).toHaveAccessibleName(/\S/);
  }

  // A line past the end is refused in place, in one sentence.
  await panel.getByRole('textbox', { name: 'Go to line' }).fill('999999');
  await panel.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(panel.getByText('The text has 5,000 lines.')).toBeVisible();
});

test('the mode tabs move with the arrow keys, Home and End', async ({ page, host }) => {
  await attach(page, host, { 'notes.txt': 'Call with AdCircle at 14:00.\nThey confirm deletion.\n' });
  await open(page, 'notes.txt');
  const tabs = page.getByRole('tablist', { name: 'Show the item as' });
  await expect(tabs.getByRole('tab')).toHaveText(['Preview', 'Text', 'Hex']);
  await tabs.getByRole('tab', { name: 'Preview' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: 'Text' })).toBeFocused();
  await expect(tabs.getByRole('tab', { name: 'Text' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(tabs.getByRole('tab', { name: 'Hex' })).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Hex' }).getByRole('table')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: 'Preview' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(tabs.getByRole('tab', { name: 'Hex' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(page.getByRole('tabpanel', { name: 'Preview' })).toContainText('They confirm deletion.');
  // One tab stop: Tab leaves the tablist for the panel's controls.
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).not.toHaveAttribute('role', 'tab');
});

test('CSV as a table with its header, JSON pretty-printed', async ({ page, host }) => {
  const csv = ['email,country,plan', 'ana@example.test,SE,family', 'ben@example.test,DE,student', ''].join(
    '\n',
  );
  await attach(page, host, {
    'affected-users.csv': csv,
    'token.json': '{"partner":"adcircle","scopes":["users.read","users.email"],"expires":null}',
  });
  await open(page, 'affected-users.csv');
  const table = page.getByRole('tabpanel').getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Line', 'email', 'country', 'plan']);
  await expect(table.getByRole('row', { name: /ben@example\.test/ }).getByRole('cell')).toHaveText([
    'ben@example.test',
    'DE',
    'student',
  ]);
  await shoot(page, 'evidence-preview-csv.png');

  await open(page, 'token.json');
  const json = page.getByRole('tabpanel').getByLabel('JSON of token.json');
  await expect(json).toContainText('"partner": "adcircle"');
  await expect(json).toContainText('"users.email"');
});

test('an e-mail shows its headers, its body as text and its attachments as a list', async ({
  page,
  host,
}) => {
  await attach(page, host, { 'logs-for-counsel.eml': EMAIL });
  await open(page, 'logs-for-counsel.eml');
  const panel = page.getByRole('tabpanel');
  const headers = panel.getByRole('term');
  await expect(headers.filter({ hasText: /^Subject$/ })).toBeVisible();
  await expect(
    panel.getByRole('definition').filter({ hasText: 'Partner API logs for the exposure window' }),
  ).toBeVisible();
  await expect(panel.getByLabel('Message body')).toContainText('The out-of-scope calls start at 13:05 CET.');
  const attachments = panel.getByRole('list', { name: 'Attachments' });
  await expect(attachments.getByRole('listitem')).toHaveCount(1);
  await expect(attachments).toContainText('calls.csv');
  await expect(attachments).toContainText('text/csv');
  await expect(attachments.getByRole('link')).toHaveCount(0);
  await expect(attachments.getByRole('button')).toHaveCount(0);
  await shoot(page, 'evidence-preview-email.png');
});

test('a PNG is shown as an image named after the item', async ({ page, host }) => {
  await attach(page, host, { 'dashboard.png': png() });
  await open(page, 'dashboard.png');
  const image = page.getByRole('tabpanel').getByRole('img', { name: 'dashboard.png' });
  await expect(image).toBeVisible();
  expect(await image.evaluate((node: HTMLImageElement) => node.complete && node.naturalWidth)).toBe(96);
  expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  await shoot(page, 'evidence-preview-image.png');
});

test('a PDF is drawn page by page on a canvas', async ({ page, host }) => {
  await attach(page, host, { 'incident-report.pdf': pdf() });
  await open(page, 'incident-report.pdf');
  const panel = page.getByRole('tabpanel');
  const canvas = panel.getByRole('img', { name: 'incident-report.pdf, page 1 of 2' });
  await expect(canvas).toHaveAttribute('data-state', 'drawn', { timeout: 15_000 });
  await expect(panel.getByText('Page 1 of 2')).toBeVisible();
  const inked = (node: HTMLCanvasElement) => {
    const context = node.getContext('2d');
    if (context === null || node.width === 0) return 0;
    const { data } = context.getImageData(0, 0, node.width, node.height);
    let count = 0;
    for (let index = 0; index < data.length; index += 4) {
      if ((data[index] ?? 255) < 200 || (data[index + 1] ?? 255) < 200 || (data[index + 2] ?? 255) < 200)
        count += 1;
    }
    return count;
  };
  expect(await canvas.evaluate(inked)).toBeGreaterThan(1000);
  await shoot(page, 'evidence-preview-pdf.png');

  await panel.getByRole('button', { name: 'Next page' }).click();
  const second = panel.getByRole('img', { name: 'incident-report.pdf, page 2 of 2' });
  await expect(second).toHaveAttribute('data-state', 'drawn');
  expect(await second.evaluate(inked)).toBeGreaterThan(1000);
});

test('binary content is shown as hex rows with offsets, a page at a time', async ({ page, host }) => {
  const bytes = Buffer.alloc(10_000);
  for (let index = 0; index < bytes.length; index += 1) bytes[index] = (index * 31) % 256;
  bytes.set([0x7f, 0x45, 0x4c, 0x46], 0);
  await attach(page, host, { 'dropper.bin': bytes });
  await open(page, 'dropper.bin');
  const panel = page.getByRole('tabpanel');
  const table = panel.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Offset', 'Hex', 'ASCII']);
  const first = table.getByRole('row').nth(1);
  await expect(first.getByRole('rowheader')).toHaveText('00000000');
  await expect(first.getByRole('cell').first()).toContainText('7f 45 4c 46');
  await expect(first.getByRole('cell').last()).toContainText('.ELF');
  await expect(panel.getByText('Page 1 of 3')).toBeVisible();
  await shoot(page, 'evidence-preview-hex.png');
  await panel.getByRole('button', { name: 'Next page' }).click();
  await expect(panel.getByText('Page 2 of 3')).toBeVisible();
  await expect(table.getByRole('row').nth(1).getByRole('rowheader')).toHaveText('00001000');
});

test('a PDF that cannot be drawn says so in place and points to another view', async ({ page, host }) => {
  const broken = Buffer.concat([
    Buffer.from('%PDF-1.7\n', 'latin1'),
    Buffer.alloc(2048, 0x41),
    Buffer.from('\n%%EOF\n'),
  ]);
  await attach(page, host, { 'damaged.pdf': broken });
  await open(page, 'damaged.pdf');
  const panel = page.getByRole('tabpanel');
  await expect(panel.getByRole('alert')).toContainText('This PDF could not be drawn', { timeout: 15_000 });
  await page.getByRole('tablist', { name: 'Show the item as' }).getByRole('tab', { name: 'Hex' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Hex' }).getByRole('table')).toContainText('%PDF-1.7');
});

test('a PDF with text offers its text beside the drawn pages', async ({ page, host }) => {
  await attach(page, host, {
    'two-pages.pdf': readFileSync(join(REPO_ROOT, 'test/fixtures/evidence/two-pages.pdf')),
  });
  await open(page, 'two-pages.pdf');
  const panel = page.getByRole('tabpanel');
  await expect(panel.getByRole('img', { name: /^two-pages\.pdf, page 1 of 2$/ })).toHaveAttribute(
    'data-state',
    'drawn',
    { timeout: 15_000 },
  );
  await shoot(page, 'evidence-preview-pdf-text.png');
  await panel.getByRole('button', { name: 'Show the text instead' }).click();
  await expect(page.getByRole('tab', { name: 'Text' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Text' }).locator('li[data-line="1"]')).toBeVisible();
});
