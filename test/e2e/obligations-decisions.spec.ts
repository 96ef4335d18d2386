import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expectEveryControlNamed } from './support/named-controls';
import { artifactPath } from './support/paths';
import { expect, test, type TestHost } from './host/test-host';

const ART_33 = /Notify the lead supervisory authority \(GDPR Art\. 33\)/;
const ART_34 = 'Communicate the breach to the people affected (GDPR Art. 34)';

/** A saved draft, no decision: financial data, fully identifiable (SE = 3 × 1 = 3, high band). */
async function saveHighDraft(host: TestHost): Promise<void> {
  await host.call('assessments.save', {
    enisa: {
      dpc: { category: 'financial', score: 3, rationale: 'Bank account numbers, unencrypted.' },
      ei: { value: 1, rationale: 'Full names.' },
      cb: { confidentiality: 0, integrity: 0, availability: 0, malicious: 0, rationale: '' },
    },
    factors: {},
    decision: null,
  });
}

async function openObligations(page: Page, host: TestHost): Promise<void> {
  await host.call('demo.create', { path: join(host.dir, 'demo.bdcase') });
  await saveHighDraft(host);
  await host.start();
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Obligations' })
    .click();
  await expect(owed(page)).toBeVisible({ timeout: 10_000 });
}

function owed(page: Page): Locator {
  return page.getByRole('list', { name: 'Obligations, soonest deadline first' });
}

function waiting(page: Page): Locator {
  return page.getByRole('list', { name: 'Notices waiting for a decision' });
}

test('a notice that turns on an unmade risk decision shows "Decision needed" with the suggestion, and its button leads to the decision', async ({
  page,
  host,
}) => {
  await openObligations(page, host);

  // Art. 34: neither owed nor "not triggered", but waiting, with the calculator's suggestion.
  await expect(page.getByRole('heading', { name: 'Decision needed (1)' })).toBeVisible();
  const card = waiting(page).getByRole('listitem', { name: ART_34 });
  await expect(card).toContainText('Decision needed');
  await expect(card).toContainText('Owed only if a person confirms');
  await expect(card).toContainText('Suggested by the severity calculator: a high risk (not confirmed)');
  await expect(owed(page).getByRole('listitem', { name: ART_34 })).toHaveCount(0);
  await page.screenshot({ path: artifactPath('obligations-decision-needed.png') });
  await page.getByText(/^Not triggered \(\d+\)$/).click();
  const notTriggered = page.getByRole('list', { name: 'Rules not triggered' });
  await expect(notTriggered).not.toContainText('(GDPR Art. 34)');

  // Art. 33 stays owed, its clock running, marked as resting on the same decision.
  const art33 = owed(page).getByRole('listitem', { name: ART_33 });
  await expect(art33.getByRole('note', { name: /^Decision needed for / })).toContainText(
    'Owed unless a person confirms that the breach is unlikely to result in a risk',
  );
  await expectEveryControlNamed(page);

  // The button is a real button: Enter on it opens the severity view at the decision, the
  // keyboard on the suggested level, nothing chosen for the person.
  const decide = card.getByRole('button', { name: 'Make the risk decision' });
  await expect(decide).toHaveAccessibleDescription(ART_34);
  await expect(art33.getByRole('button', { name: 'Make the risk decision' })).toBeVisible();
  await decide.focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('tablist', { name: 'Obligations views' }).getByRole('tab', { name: 'Severity' }),
  ).toHaveAttribute('aria-selected', 'true');
  const high = page.getByRole('radio', { name: /^A high risk/ });
  await expect(high).toBeFocused();
  await expect(high).not.toBeChecked();
  await page.keyboard.press('Space');
  await expect(high).toBeChecked();
  await page.getByRole('textbox', { name: 'Why this risk level' }).fill('Bank account numbers with names.');
  await page.getByRole('button', { name: 'Confirm decision' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Decision confirmed' })).toBeVisible();

  // Decided: Art. 34 is owed, nothing waits, and Art. 33 no longer rests on an open decision.
  await page
    .getByRole('tablist', { name: 'Obligations views' })
    .getByRole('tab', { name: 'Notifications' })
    .click();
  await expect(
    owed(page).getByRole('listitem', { name: new RegExp(ART_34.replace(/[.()]/g, '\\$&')) }),
  ).toBeVisible();
  await expect(waiting(page)).toHaveCount(0);
  await expect(art33.getByRole('note', { name: /^Decision needed for / })).toHaveCount(0);
});

test('an unverified rule that is not owed still shows ⚠ to be verified', async ({ page, host }) => {
  await openObligations(page, host);
  await page.getByText(/^Not triggered \(\d+\)$/).click();
  const notTriggered = page.getByRole('list', { name: 'Rules not triggered' });
  // 120 Washington residents: under the AG's threshold, and the rule is unverified.
  const washington = notTriggered
    .getByRole('listitem')
    .filter({ hasText: 'Notify the Washington Attorney General' });
  await expect(washington).toContainText('120');
  await expect(washington).toContainText('⚠ to be verified');
  // A verified rule not owed carries no mark.
  const cnil = notTriggered.getByRole('listitem').filter({ hasText: 'Initial notification to the CNIL' });
  await expect(cnil).not.toContainText('to be verified');
});

test('the breach register lists the notices waiting for the decision, with the suggestion, apart from those not owed', async ({
  page,
  host,
}) => {
  await openObligations(page, host);
  await page
    .getByRole('tablist', { name: 'Obligations views' })
    .getByRole('tab', { name: 'Breach register' })
    .click();
  const entry = page.getByRole('article', { name: /Breach register entry/ });
  const decisions = entry.getByRole('table', { name: 'Decisions needed' });
  const art34 = decisions.getByRole('row').filter({ hasText: 'GDPR Art. 34' });
  await expect(art34).toContainText('decision needed: not owed until decided');
  await expect(art34).toContainText('a high risk (severity calculator, not confirmed)');
  await expect(decisions.getByRole('row').filter({ hasText: 'GDPR Art. 33' })).toContainText(
    'owed unless decided otherwise',
  );
  const notOwed = entry.getByRole('table', { name: 'Notices not owed' });
  await expect(notOwed).not.toContainText('(GDPR Art. 34)');
  await expect(
    notOwed.getByRole('row').filter({ hasText: 'Notify the Washington Attorney General' }),
  ).toContainText('⚠ to be verified');
});
