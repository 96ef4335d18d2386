import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactPath } from './support/paths';
import { expect, test } from './host/test-host';

/** A gateway log of `count` lines; line `at` holds `word`, which appears nowhere else. */
function log(count: number, at: number, word: string): string {
  const lines: string[] = [];
  for (let n = 1; n <= count; n += 1) {
    const minute = String(n % 60).padStart(2, '0');
    const extra = n === at ? ` note=${word}` : '';
    lines.push(
      `2020-11-12T13:${minute}:00Z api-gw GET /v2/users/${(n * 7919) % 100_000} partner=adcircle status=200${extra}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

test('Ctrl+K finds a word on line 1234 of an attached log; Enter opens the evidence with that line highlighted', async ({
  page,
  host,
}) => {
  await host.call('case.create', {
    path: join(host.dir, 'sonora.bdcase'),
    title: 'Partner API exposure',
    organisation: 'Sonora Streaming AB',
    plaintext: true,
  });
  const path = join(host.dir, 'api-gateway-2020-11-12.log');
  writeFileSync(path, log(3000, 1234, 'quokkaflare'));
  writeFileSync(join(host.dir, 'other.log'), log(50, 0, ''));
  await host.call('evidence.add', { jobId: randomUUID(), paths: [path, join(host.dir, 'other.log')] });
  await host.start();
  await expect(page.getByRole('textbox', { name: 'Title' })).toBeVisible();

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Search the case' });
  await palette.getByRole('combobox', { name: 'Search the case' }).fill('quokkaflare');
  const results = palette.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('group', { name: 'Evidence' })).toBeVisible();
  const hit = results.getByRole('option', { name: /api-gateway-2020-11-12\.log/ });
  await expect(hit).toContainText('line 1234');
  await expect(hit.locator('mark')).toHaveText('quokkaflare');
  await expect(hit).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: artifactPath('evidence-search.png') });

  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Evidence' })).toBeVisible();
  await expect(
    page
      .getByRole('list', { name: 'Evidence items' })
      .getByRole('button', { name: /^api-gateway-2020-11-12\.log/ }),
  ).toHaveAttribute('aria-current', 'true');
  const panel = page.getByRole('tabpanel');
  const line = panel.locator('li[data-line="1234"]');
  await expect(line).toHaveAttribute('aria-current', 'true');
  await expect(line).toContainText('note=quokkaflare');
  await expect(line).toBeInViewport();
  await expect(panel.locator('li[aria-current="true"]')).toHaveCount(1);
  // Line 1234 lies past the first page, so the preview opened on a later one.
  await expect(panel.getByText(/^Page [2-9] of \d+$/)).toBeVisible();
  await page.screenshot({ path: artifactPath('evidence-search-opened.png') });
});

test('a click on an evidence result opens it too', async ({ page, host }) => {
  await host.call('case.create', {
    path: join(host.dir, 'click.bdcase'),
    title: 'Lost laptop',
    organisation: 'Contoso',
    plaintext: true,
  });
  const path = join(host.dir, 'dhcp.log');
  writeFileSync(path, log(40, 17, 'wallabyhost'));
  await host.call('evidence.add', { jobId: randomUUID(), paths: [path] });
  await host.start();
  await page.getByRole('button', { name: 'Search the case' }).click();
  const palette = page.getByRole('dialog', { name: 'Search the case' });
  await palette.getByRole('combobox', { name: 'Search the case' }).fill('wallabyhost');
  const hit = palette.getByRole('option', { name: /dhcp\.log/ });
  await expect(hit).toContainText('line 17');
  await hit.click();
  await expect(palette).toBeHidden();
  const line = page.getByRole('tabpanel').locator('li[data-line="17"]');
  await expect(line).toHaveAttribute('aria-current', 'true');
  await expect(line).toBeInViewport();
});
