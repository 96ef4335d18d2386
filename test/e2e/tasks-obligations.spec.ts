import { join } from 'node:path';
import { TZDate } from '@date-fns/tz';
import type { Locator, Page } from '@playwright/test';
import { artifactPath } from './support/paths';
import { expect, test, type TestHost } from './host/test-host';

const ART_33 = 'Notify the lead supervisory authority (GDPR Art. 33)';
/** The demo case's zone (main/demo/scenario.ts): its times are entered, and shown, there. */
const CASE_ZONE = 'Europe/Stockholm';
const DEMO_TASK = 'Notify the lead supervisory authority (IMY) under Art. 33';
const NEW_TASK = 'File the Art. 33 notice in the IMY e-service';

/** A pattern matching the text exactly somewhere (parentheses and dots taken literally). */
function literal(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

function section(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'Case sections' }).getByRole('button', { name });
}

async function openArt33(page: Page, host: TestHost): Promise<Locator> {
  await host.call('demo.create', { path: join(host.dir, 'sonora.bdcase') });
  await host.start();
  await section(page, 'Obligations').click();
  const board = page.getByRole('list', { name: 'Obligations, soonest deadline first' });
  await expect(board).toBeVisible({ timeout: 10_000 });
  const title = literal(ART_33);
  const art33 = board.getByRole('listitem', { name: title });
  // The row's own toggle (the row holds other buttons naming the notice, like its letter's).
  await art33.locator('button[aria-expanded]').first().click();
  return art33;
}

test('from a notice: create a linked task, complete it, and record the notice sent when offered', async ({
  page,
  host,
}) => {
  // Day 2 of the demo: 41 hours before the Art. 33 deadline, in the case's zone.
  await page.clock.install({ time: new TZDate(2020, 10, 17, 16, 30, CASE_ZONE).getTime() });
  await page.setViewportSize({ width: 1280, height: 900 });
  const art33 = await openArt33(page, host);
  const status = art33.locator('.obl-row__status');
  const tasks = art33.getByRole('region', { name: 'Tasks for this notice' });

  // The demo's own task is linked to the notice and open, like the notice itself.
  const demoTask = tasks.getByRole('checkbox', { name: DEMO_TASK });
  await expect(demoTask).not.toBeChecked();
  await expect(tasks).toContainText('In progress');
  await expect(status).not.toHaveText(/^Sent/);

  // Completing a task only offers: Cancel leaves the notice's status as it was.
  const before = await status.textContent();
  await demoTask.check();
  const offer = page.getByRole('dialog', { name: 'Mark the notice sent?' });
  await expect(offer).toBeVisible();
  await expect(offer).toContainText(`“${DEMO_TASK}” is done.`);
  await offer.getByRole('button', { name: 'Cancel' }).click();
  await expect(offer).toBeHidden();
  await expect(demoTask).toBeChecked();
  await expect(status).toHaveText(before ?? '');
  await demoTask.uncheck();
  await expect(demoTask).not.toBeChecked();

  // Create a task from the notice: linked, due on the deadline's day.
  await tasks.getByRole('button', { name: 'Create a task…' }).click();
  const create = page.getByRole('dialog', { name: 'Create a task' });
  await expect(create.getByRole('textbox', { name: 'Task' })).toHaveValue(ART_33);
  await expect(create.getByLabel('Due date')).toHaveValue('2020-11-19');
  await create.getByRole('textbox', { name: 'Task' }).fill(NEW_TASK);
  await create.getByRole('textbox', { name: 'Owner' }).fill('DPO');
  await create.getByRole('button', { name: 'Create task' }).click();
  await expect(create).toBeHidden();
  const newTask = tasks.getByRole('checkbox', { name: NEW_TASK });
  await expect(newTask).not.toBeChecked();
  await page.screenshot({ path: artifactPath('tasks-obligations-detail-1280.png') });

  // Complete it and accept: when and how the notice went out.
  await newTask.check();
  await expect(offer).toBeVisible();
  await offer.getByRole('textbox', { name: 'Date and time' }).fill('2020-11-18 14:00');
  await offer.getByRole('combobox', { name: 'Time zone' }).selectOption(CASE_ZONE);
  await offer.getByRole('textbox', { name: 'Channel' }).fill('');
  await offer.getByRole('button', { name: 'Record as sent' }).click();
  await expect(offer).toContainText('Say how it was sent');
  await offer.getByRole('textbox', { name: 'Channel' }).fill('IMY e-service, ref. IMY-2020-7731');
  await page.screenshot({ path: artifactPath('tasks-obligations-offer-1280.png') });
  await offer.getByRole('button', { name: 'Record as sent' }).click();
  await expect(offer).toBeHidden();
  await expect(status).toContainText('Sent on 2020-11-18 14:00 CET via IMY e-service, ref. IMY-2020-7731');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');

  // Tasks & notes: the linked tasks say which notice they serve and its status, not a claim of their own.
  await section(page, 'Tasks & notes').click();
  const taskRow = page.getByRole('row', { name: new RegExp(NEW_TASK) });
  await expect(taskRow).toContainText(`For the notice: ${ART_33} · notice sent on 2020-11-18 14:00 CET`);
  await expect(page.getByRole('row', { name: new RegExp(literal(DEMO_TASK).source) })).toContainText(
    `For the notice: ${ART_33}`,
  );
  await page.screenshot({ path: artifactPath('tasks-obligations-tasks-1280.png') });

  // The same at 1024 px.
  await page.setViewportSize({ width: 1024, height: 800 });
  await section(page, 'Obligations').click();
  const region = art33.getByRole('region', { name: 'Tasks for this notice' });
  await region.scrollIntoViewIfNeeded();
  await expect(region).toBeVisible();
  await page.screenshot({ path: artifactPath('tasks-obligations-detail-1024.png') });
});

test('completing a linked task in Tasks & notes offers to mark its notice sent', async ({ page, host }) => {
  await page.clock.install({ time: new TZDate(2020, 10, 17, 16, 30, CASE_ZONE).getTime() });
  await host.call('demo.create', { path: join(host.dir, 'sonora.bdcase') });
  await host.start();
  await section(page, 'Tasks & notes').click();
  await page.getByRole('combobox', { name: `Status of ${DEMO_TASK}` }).selectOption('done');
  const offer = page.getByRole('dialog', { name: 'Mark the notice sent?' });
  await expect(offer).toBeVisible();
  await offer.getByRole('textbox', { name: 'Date and time' }).fill('2020-11-18 15:10');
  await offer.getByRole('combobox', { name: 'Time zone' }).selectOption(CASE_ZONE);
  await offer.getByRole('textbox', { name: 'Channel' }).fill('IMY e-service');
  await offer.getByRole('button', { name: 'Record as sent' }).click();
  await expect(offer).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(literal(DEMO_TASK).source) })).toContainText(
    'notice sent on 2020-11-18 15:10 CET via IMY e-service',
  );
  await section(page, 'Obligations').click();
  const art33 = page
    .getByRole('list', { name: 'Obligations, soonest deadline first' })
    .getByRole('listitem', { name: literal(ART_33) });
  await expect(art33.locator('.obl-row__status')).toContainText(
    'Sent on 2020-11-18 15:10 CET via IMY e-service',
  );

  // A task typed by hand is linked afterwards through Edit, and unlinked the same way.
  await section(page, 'Tasks & notes').click();
  await page.getByRole('textbox', { name: 'Task' }).fill('Call the CNIL about the French users');
  await page.getByRole('button', { name: 'Add task' }).click();
  const typed = page.getByRole('row', { name: /Call the CNIL about the French users/ });
  await expect(typed).not.toContainText('For the notice');
  await typed.getByRole('button', { name: 'Edit Call the CNIL about the French users' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit task' });
  await edit.getByRole('combobox', { name: 'For the notice' }).selectOption({ label: ART_33 });
  await edit.getByRole('button', { name: 'Save task' }).click();
  await expect(edit).toBeHidden();
  await expect(typed).toContainText(`For the notice: ${ART_33} · notice sent on 2020-11-18 15:10 CET`);
  await typed.getByRole('button', { name: 'Edit Call the CNIL about the French users' }).click();
  await edit.getByRole('combobox', { name: 'For the notice' }).selectOption({ label: 'None' });
  await edit.getByRole('button', { name: 'Save task' }).click();
  await expect(edit).toBeHidden();
  await expect(typed).not.toContainText('For the notice');
});
