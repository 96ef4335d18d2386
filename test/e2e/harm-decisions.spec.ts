import { join } from 'node:path';
import { TZDate } from '@date-fns/tz';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type TestHost } from './host/test-host';

/*
 * Issue 17: a US state's risk-of-harm test as a decision a person records, changes and clears,
 * keyboard only. Florida's notice to residents has an exemption ("the breach has not and will not
 * likely result in identity theft or any other financial harm"): owed, with the decision marked,
 * until someone records it. Alabama's test is a condition: "decision needed" until decided.
 */

const ZONE = 'America/New_York';
const FLORIDA = 'Florida (US)';

async function caseWithFloridians(host: TestHost): Promise<void> {
  await host.call('case.create', {
    path: join(host.dir, 'harm.bdcase'),
    title: 'Payroll export',
    organisation: 'Contoso',
    plaintext: true,
  });
  await host.call('facts.update', {
    patch: {
      discoveredAt: { utc: '2026-03-02T14:00:00.000Z', zone: ZONE, precision: 'exact', approximate: false },
      awareAt: { utc: '2026-03-03T14:00:00.000Z', zone: ZONE, precision: 'exact', approximate: false },
    },
  });
  await host.call('dataElements.add', { term: 'name' });
  await host.call('dataElements.add', { term: 'ssn' });
  await host.call('populations.set', { jurisdiction: 'US-FL', count: 600, exact: true });
  await host.call('populations.set', { jurisdiction: 'US-AL', count: 40, exact: true });
}

function board(page: Page): Locator {
  return page.getByRole('list', { name: 'Obligations, soonest deadline first' });
}

function floridaNote(page: Page): Locator {
  return board(page).getByRole('note', { name: /^Decision needed for Notify Florida individuals/ });
}

/** Focuses a control and presses Enter on it: the keyboard's way of pressing a button. */
async function press(control: Locator): Promise<void> {
  await control.focus();
  await control.press('Enter');
}

test('a state harm decision: recorded with its basis, the notice is not owed; cleared, it is owed again (keyboard only)', async ({
  page,
  host,
}) => {
  await page.clock.install({ time: new TZDate(2026, 2, 5, 10, 0, ZONE).getTime() });
  await caseWithFloridians(host);
  await host.start();
  await expect(page.getByRole('textbox', { name: 'Title' })).toBeVisible();
  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { level: 2, name: 'Obligations' })).toBeVisible();
  await expect(board(page)).toBeVisible({ timeout: 10_000 });

  // Undecided: Florida's notice stays owed, the decision marked with the law's test and citation.
  const note = floridaNote(page);
  await expect(note).toContainText('Fla. Stat. §501.171(4)(c)');
  await expect(note).toContainText('nobody has recorded that decision for Florida');
  await expect(note.getByRole('button', { name: 'Make the risk decision' })).toHaveCount(0);
  const record = note.getByRole('button', { name: 'Record the harm decision…' });
  // Alabama's harm test is a condition: decision needed, with the same button.
  const waiting = page.getByRole('list', { name: 'Notices waiting for a decision' });
  await expect(waiting).toContainText('Alabama');
  await expect(waiting.getByRole('button', { name: 'Record the harm decision…' }).first()).toBeVisible();
  const decisions = page.getByRole('list', { name: 'Harm decisions by jurisdiction' });
  await expect(decisions).toContainText(FLORIDA);
  await expect(decisions).toContainText('Alabama (US)');

  // Escape closes the dialog and gives the focus back.
  await press(record);
  const dialog = page.getByRole('dialog', { name: `Harm decision: ${FLORIDA}` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('the breach has not and will not likely result in identity theft');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(record).toBeFocused();

  // Saving without a basis is refused in place: the law asks for the decision in writing.
  await press(record);
  await expect(dialog).toBeVisible();
  const likely = dialog.getByRole('radio', { name: /^Harm is likely: notify/ });
  const notLikely = dialog.getByRole('radio', { name: /^No reasonable likelihood of harm: do not notify/ });
  await likely.focus();
  await page.keyboard.press('Space');
  await expect(likely).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(notLikely).toBeChecked();
  await expect(dialog).toContainText('consultation with relevant federal, state or local law-enforcement');
  await press(dialog.getByRole('button', { name: 'Save' }));
  await expect(dialog).toContainText('Record the basis of the decision: the law asks for it in writing');
  const basis = dialog.getByRole('textbox', { name: 'Basis of the decision (in writing)' });
  await basis.focus();
  await page.keyboard.type(
    'SSNs were in an encrypted archive whose key was not taken; FDLE consulted on 4 March.',
  );
  await press(dialog.getByRole('button', { name: 'Save' }));
  await expect(dialog).toBeHidden();

  // Not owed now, with the reason naming the test; the decision is listed with who, when and the basis.
  await expect(floridaNote(page)).toHaveCount(0);
  await expect(board(page).getByRole('listitem', { name: /Notify Florida individuals/ })).toHaveCount(0);
  const notTriggered = page.getByText(/^Not triggered \(\d+\)$/);
  await press(notTriggered);
  await expect(page.getByRole('list', { name: 'Rules not triggered' })).toContainText(
    /The harm decision recorded for Florida.* is that harm is not likely/,
  );
  const florida = decisions.getByRole('listitem', { name: FLORIDA });
  await expect(florida).toContainText('No reasonable likelihood of harm: do not notify');
  await expect(florida).toContainText('SSNs were in an encrypted archive whose key was not taken');
  await expect(florida).toContainText('decided by');
  await expect(decisions.getByRole('listitem', { name: 'Alabama (US)' })).toContainText('Decision needed');

  // Change… starts from the recorded decision.
  await press(florida.getByRole('button', { name: 'Change…' }));
  await expect(dialog).toBeVisible();
  await expect(notLikely).toBeChecked();
  await expect(basis).toHaveValue(/^SSNs were in an encrypted archive/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Clear… brings the open decision back, and the notice is owed again.
  await press(florida.getByRole('button', { name: 'Clear…' }));
  const confirm = page.getByRole('dialog', { name: `Clear the harm decision for ${FLORIDA}?` });
  await expect(confirm).toBeVisible();
  await press(confirm.getByRole('button', { name: 'Clear the decision' }));
  await expect(confirm).toBeHidden();
  await expect(floridaNote(page)).toBeVisible();
  await expect(florida).toContainText('Decision needed');

  const actions = (await host.call('audit.list', { limit: 2 })).entries.map((e) => e.action);
  expect(actions).toEqual(['harm.cleared', 'harm.determined']);
  expect(host.pageProblems).toEqual([]);
});
