import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectEveryControlNamed } from './support/named-controls';
import { artifactPath } from './support/paths';
import { expect, test } from './host/test-host';

/** The whole pane in one picture: the main pane scrolls, so the window is made tall for a moment. */
async function tallScreenshot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 3000 });
  await page.screenshot({ path: artifactPath(name) });
  if (size !== null) await page.setViewportSize(size);
}

const RATIONALE = 'Passwords are likely reused elsewhere; 350,000 people; we treat the risk as high.';

test('the breach register shows the facts and the confirmed decision, follows changes, and exports as HTML', async ({
  page,
  host,
}) => {
  const path = join(host.dir, 'demo.bdcase');
  await host.call('demo.create', { path });
  await host.start();
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Obligations' })
    .click();
  await page
    .getByRole('tablist', { name: 'Obligations views' })
    .getByRole('tab', { name: 'Breach register' })
    .click();

  const panel = page.getByRole('region', { name: 'Breach register' });
  await expect(panel).toContainText('kept for every breach, notified or not');
  const entry = panel.getByRole('article', { name: /Breach register entry \(GDPR Art\. 33\(5\)\)/ });
  await expect(entry).toContainText('Partner API exposure (partner-sync 3.2)');

  const breach = entry.getByRole('region', { name: 'The breach' });
  await expect(breach.getByRole('term').first()).toHaveText('Summary');
  await expect(breach.locator('dt:text-is("Discovered") + dd')).toHaveText(
    '2020-11-12 14:05 Europe/Stockholm',
  );
  await expect(breach.locator('dt:text-is("Aware (notification clocks start)") + dd')).toHaveText(
    '2020-11-16 09:30 Europe/Stockholm',
  );
  // Counts are right-aligned figures.
  const people = entry.getByRole('table', { name: 'People affected by jurisdiction' });
  await expect(people.getByRole('cell', { name: '1,240' })).toHaveCSS('text-align', 'right');
  const decision = entry.getByRole('region', { name: 'Risk decision' });
  await expect(decision).toContainText('No risk decision confirmed yet');

  // A decision confirmed elsewhere (another window, the CLI) shows without reopening the tab.
  await host.call('assessments.save', {
    enisa: {
      dpc: { category: 'simple', score: 1, rationale: 'Simple data; credentials unlock simple data.' },
      ei: { value: 1, rationale: 'Full names.' },
      cb: {
        confidentiality: 0.25,
        integrity: 0,
        availability: 0,
        malicious: 0,
        rationale: 'Known partners.',
      },
    },
    factors: { number: { applies: true, note: 'About 350,000 people.' } },
    decision: { risk: 'high', rationale: RATIONALE },
  });
  await expect(decision).toContainText('high');
  await expect(decision).toContainText(RATIONALE);
  await expect(decision).toContainText('e2e tester');
  await expect(entry.getByRole('region', { name: 'Effects and likely consequences' })).toContainText(
    'SE = DPC × EI + CB = 1 × 1 + 0.25 = 1.25: Low',
  );
  await expect(entry.getByRole('table', { name: 'Notifications and decisions' })).toContainText(
    /Art\. 34|data subjects/i,
  );
  await expectEveryControlNamed(page);
  await tallScreenshot(page, 'register.png');

  // Export: the dialog suggests the name; the file holds the case title and the decision.
  const target = join(host.dir, 'breach-register.html');
  host.dialogs.answerExport(target);
  await panel.getByRole('button', { name: 'Export as HTML…' }).click();
  await expect(panel.getByRole('status')).toContainText(`Register written to ${target}`);
  expect(host.dialogs.suggestedNames).toContain('breach-register.html');
  const html = readFileSync(target, 'utf8');
  expect(html).toContain('Partner API exposure (partner-sync 3.2)');
  expect(html).toContain(RATIONALE);
  expect(html).toContain('<dt>Risk to people</dt><dd>high</dd>');

  // Cancel writes nothing and says nothing.
  host.dialogs.answerExport(null);
  await panel.getByRole('button', { name: 'Export as HTML…' }).click();
  await expect(panel.getByRole('status')).toHaveCount(0);
  await expect(panel.getByRole('alert')).toHaveCount(0);
});
