import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import { expectEveryControlNamed } from './support/named-controls';
import { artifactPath } from './support/paths';
import { expect, test } from './host/test-host';

const pack = DEFAULT_RULE_PACK;
const lawless = Object.entries(pack.withoutBreachLaw);
/** Jurisdictions with rules, and those the pack knows to have no breach law (listed with 0 rules). */
const codes = [
  ...new Set([...pack.rules.map((r) => r.jurisdiction), ...lawless.map(([code]) => code)]),
].sort();
const rulesOf = (code: string) => pack.rules.filter((r) => r.jurisdiction === code);
const unverifiedOf = (code: string) => rulesOf(code).filter((r) => r.verification === 'unverified');
/** A jurisdiction with rules to be verified, and one with none (the GDPR's France). */
const WITH_WARNINGS = codes.find((code) => unverifiedOf(code).length > 0) ?? 'US-NY';

function table(scope: Locator | Page): Locator {
  return scope.getByRole('table', { name: 'Jurisdictions of the rule pack, by code' });
}

function jurisdictionRow(scope: Locator, code: string): Locator {
  // A `has` locator is looked for inside the row: it starts from the page, not from the scope.
  return table(scope)
    .getByRole('row')
    .filter({ has: scope.page().getByRole('rowheader', { name: code, exact: true }) });
}

test('Rule pack… on the welcome screen lists every jurisdiction by code, with its rules, citations and ⚠ counts', async ({
  page,
  host,
}) => {
  await host.start();
  const open = page.getByRole('button', { name: 'Rule pack…' });
  await expect(open).toHaveAccessibleDescription(/jurisdictions the obligations engine covers/);
  await open.click();

  const dialog = page.getByRole('dialog', { name: 'Rule pack' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Rule pack ${pack.id} ${pack.version}, published ${pack.published}`);
  // One row per jurisdiction (and the header row), sorted by code.
  await expect(table(dialog).getByRole('row')).toHaveCount(codes.length + 1);
  await expect(table(dialog).getByRole('rowheader')).toHaveText(codes);

  const france = jurisdictionRow(dialog, 'FR');
  await expect(france.getByRole('cell')).toHaveText([
    'France',
    String(rulesOf('FR').length),
    '0',
    '2018-05-25 → open',
    'Show',
  ]);
  const flagged = jurisdictionRow(dialog, WITH_WARNINGS);
  await expect(flagged.getByRole('cell').nth(2)).toHaveText(`⚠ ${unverifiedOf(WITH_WARNINGS).length}`);

  // Keyboard: the row's toggle opens its rules, each with its citation and ⚠ where unverified.
  const name = flagged.getByRole('cell').first();
  const toggle = flagged.getByRole('button', {
    name: `Show the rules of ${WITH_WARNINGS} ${await name.innerText()}`,
  });
  await toggle.focus();
  await page.keyboard.press('Enter');
  const hide = flagged.getByRole('button', { name: /^Hide the rules of / });
  await expect(hide).toHaveAttribute('aria-expanded', 'true');
  const rules = dialog.getByRole('list', { name: new RegExp(`^Rules of ${WITH_WARNINGS} `) });
  await expect(rules.getByRole('listitem')).toHaveCount(rulesOf(WITH_WARNINGS).length);
  const first = rulesOf(WITH_WARNINGS)[0];
  if (first === undefined) throw new Error('no rule');
  const item = rules.getByRole('listitem', { name: first.title, exact: true });
  await expect(item).toContainText(first.citation);
  await expect(item).toContainText(`Last reviewed${first.lastReviewed}`);
  await expect(rules.getByText('to be verified')).toHaveCount(unverifiedOf(WITH_WARNINGS).length);
  const references = Object.entries(pack.references[WITH_WARNINGS] ?? {});
  if (references.length > 0) {
    const region = dialog.getByRole('region', { name: new RegExp(`^References of ${WITH_WARNINGS} `) });
    for (const [key, reference] of references)
      await expect(region).toContainText(`${key}${reference.supports}`);
  }

  await expectEveryControlNamed(page);
  await page.screenshot({ path: artifactPath('rule-pack.png') });

  await page.keyboard.press('Enter');
  await expect(rules).toHaveCount(0);

  // A jurisdiction without a breach law is listed, with 0 rules and why, never left out.
  for (const [code, known] of lawless) {
    const row = jurisdictionRow(dialog, code);
    await expect(row.getByRole('cell').nth(1)).toHaveText('0');
    await expect(row.getByRole('cell').nth(3)).toHaveText('No breach law');
    await row.getByRole('button', { name: /^Show the rules of / }).click();
    await expect(dialog).toContainText(known.note.replace(/^⚠\s*/, ''));
    await row.getByRole('button', { name: /^Hide the rules of / }).click();
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(open).toBeFocused();
});

test('the Obligations section shows the same rule pack in its Rule pack view', async ({ page, host }) => {
  await host.call('case.create', {
    path: join(host.dir, 'rules.bdcase'),
    title: 'Rule pack coverage',
    organisation: 'Northwind Ltd',
    plaintext: true,
  });
  await host.start();
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Obligations' })
    .click();
  const tab = page
    .getByRole('tablist', { name: 'Obligations views' })
    .getByRole('tab', { name: 'Rule pack' });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByRole('tabpanel', { name: 'Rule pack' });
  await expect(table(panel).getByRole('rowheader')).toHaveText(codes);
  const california = jurisdictionRow(panel, 'US-CA');
  await expect(california.getByRole('cell').nth(1)).toHaveText(String(rulesOf('US-CA').length));
  await california.getByRole('button', { name: 'Show the rules of US-CA California (US)' }).click();
  await expect(
    panel.getByRole('list', { name: 'Rules of US-CA California (US)' }).getByRole('listitem'),
  ).toHaveCount(rulesOf('US-CA').length);
  await expectEveryControlNamed(page);
});
