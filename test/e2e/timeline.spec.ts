import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { artifactPath } from './support/paths';
import { expect, test } from './host/test-host';
import { csvOfEvents } from '../helpers/timeline-csv';

async function openTimeline(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Timeline' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Timeline' })).toBeVisible();
}

async function addEvent(
  page: Page,
  event: { time: string; title: string; tags?: string; end?: string; detail?: string },
): Promise<void> {
  await page.getByRole('button', { name: 'New event' }).click();
  const form = page.getByRole('region', { name: 'New event' });
  await form.getByRole('textbox', { name: 'Time', exact: true }).fill(event.time);
  await form.getByRole('combobox', { name: 'Time zone' }).selectOption('Europe/Stockholm');
  if (event.end !== undefined) await form.getByRole('textbox', { name: 'End (optional)' }).fill(event.end);
  await form.getByRole('textbox', { name: 'Title' }).fill(event.title);
  if (event.detail !== undefined) await form.getByRole('textbox', { name: 'Detail' }).fill(event.detail);
  if (event.tags !== undefined) await form.getByRole('textbox', { name: 'Tags' }).fill(event.tags);
  await form.getByRole('button', { name: 'Add event' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('option', { name: new RegExp(event.title) })).toBeVisible();
}

test('add, edit, delete and filter events; a bad CSV imports nothing, a good one everything', async ({
  page,
  host,
}) => {
  await host.call('case.create', {
    path: join(host.dir, 'sonora.bdcase'),
    title: 'Partner API exposure',
    organisation: 'Sonora Streaming AB',
    plaintext: true,
  });
  await host.start();
  await openTimeline(page);
  await expect(page.getByRole('main')).toContainText('No events yet');

  await addEvent(page, { time: '2020-11-12 18:40', title: 'Hotfix 3.2.7 deployed', tags: 'containment' });
  await addEvent(page, {
    time: '2020-11-12 14:05',
    title: 'Engineer flags out-of-scope partner queries',
    tags: 'detection, partner-sync',
  });
  await addEvent(page, {
    time: '2020-11-13',
    end: '2020-11-15',
    title: 'Access logs reviewed',
    tags: 'investigation',
  });

  const list = page.getByRole('listbox', { name: 'Timeline events' });
  const rows = list.getByRole('option');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('2020-11-12 14:05 CET');
  await expect(rows.nth(0)).toContainText('Engineer flags out-of-scope partner queries');
  await expect(rows.nth(1)).toContainText('Hotfix 3.2.7 deployed');
  await expect(rows.nth(2)).toContainText('2020-11-13 → 2020-11-15');
  await expect(rows.nth(2)).toContainText('day');
  await expect(page.getByRole('status').filter({ hasText: 'events' })).toHaveText('3 events');

  // Edit: the selected event saves itself.
  await rows.nth(1).click();
  const detail = page.getByRole('region', { name: 'Hotfix 3.2.7 deployed' });
  await detail.getByRole('textbox', { name: 'Title' }).fill('Hotfix 3.2.7 deployed; partner tokens rotated');
  await detail.getByRole('textbox', { name: 'Title' }).press('Tab');
  await expect(rows.nth(1)).toContainText('Hotfix 3.2.7 deployed; partner tokens rotated');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const [hotfix] = (await host.call('events.list', { limit: 10, filter: { tag: 'containment' } })).events;
  expect(hotfix?.title).toBe('Hotfix 3.2.7 deployed; partner tokens rotated');

  // Delete: named, confirmed, audited.
  await rows.nth(2).click();
  await page.getByRole('button', { name: 'Delete event…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this event?' });
  await expect(confirm).toContainText('recorded in the audit log');
  await expect(confirm).toContainText('Access logs reviewed');
  await confirm.getByRole('button', { name: 'Delete event' }).click();
  await expect(confirm).toBeHidden();
  await expect(rows).toHaveCount(2);
  await expect(list).not.toContainText('Access logs reviewed');
  const audit = await host.call('audit.list', { limit: 50 });
  expect(audit.entries.map((entry) => entry.action)).toContain('event.deleted');

  // Filter by tag.
  await page.getByRole('combobox', { name: 'Tag' }).selectOption('detection');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Engineer flags');
  await page.getByRole('combobox', { name: 'Tag' }).selectOption('');
  await expect(rows).toHaveCount(2);

  // CSV: one bad line, nothing imported; then a good file.
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  const importer = page.getByRole('dialog', { name: 'Import events from CSV' });
  await importer
    .getByRole('textbox', { name: 'Or paste the lines' })
    .fill(
      'time,zone,title,precision,end,detail,source,tags\n' +
        '2020-11-17 08:00,Europe/Stockholm,Forced password reset,,,,,response\n' +
        'yesterday,Europe/Stockholm,Deletion requests sent,,,,,response\n',
    );
  await importer.getByRole('button', { name: 'Import events' }).click();
  await expect(importer.getByRole('alert')).toContainText('Nothing was imported');
  await expect(importer.getByRole('alert')).toContainText('Line 3');
  await expect(rows).toHaveCount(2);
  await importer
    .getByRole('textbox', { name: 'Or paste the lines' })
    .fill(
      'time,zone,title,precision,end,detail,source,tags\n' +
        '2020-11-17 08:00,Europe/Stockholm,Forced password reset,,,,,response\n' +
        '2020-11-18 11:00,Europe/Stockholm,Deletion requests sent,,,,,response;partners\n',
    );
  await importer.getByRole('button', { name: 'Import events' }).click();
  await expect(importer).toBeHidden();
  await expect(page.getByText('Imported 2 events.')).toBeVisible();
  await expect(rows).toHaveCount(4);
  await rows.nth(3).click();
  await page.screenshot({ path: artifactPath('timeline.png') });
});

test('100,000 events: the list stays virtualised, End reaches the last event, scrolling fills the rows', async ({
  page,
  host,
}) => {
  // Importing 100,000 events through the service takes some seconds; how fast the list answers
  // is measured in test/bench/timeline-ui.spec.ts, not here.
  test.setTimeout(60_000);
  const total = 100_000;
  await host.call('case.create', {
    path: join(host.dir, 'large.bdcase'),
    title: 'Large timeline',
    organisation: 'Sonora Streaming AB',
    plaintext: true,
  });
  for (let from = 0; from < total; from += 25_000) {
    const result = await host.call('events.importCsv', { csv: csvOfEvents(from, from + 25_000) });
    expect(result.errors).toEqual([]);
  }
  await host.start();

  await openTimeline(page);
  const list = page.getByRole('listbox', { name: 'Timeline events' });
  const rows = list.getByRole('option');
  await expect(list.getByRole('option', { name: /Partner call 1\b/ })).toBeVisible();
  await expect(page.getByText('100,000 events')).toBeVisible();
  // Virtualised: every row says where it stands among 100,000, but only a screenful exists.
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(total));
  expect(await rows.count()).toBeLessThan(100);

  await rows.first().click();
  await page.keyboard.press('End');
  const last = list.getByRole('option', { name: /Partner call 100000\b/ });
  await expect(last).toBeVisible();
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(last).toHaveAttribute('aria-posinset', String(total));
  await expect(list).toHaveAttribute('aria-activedescendant', `timeline-row-${total - 1}`);
  await expect(page.getByRole('region', { name: 'Partner call 100000' })).toBeVisible();
  expect(await rows.count()).toBeLessThan(100);

  // Wheel through the middle of the list: once it has come to rest, the rows in view are the
  // events at that position, none left "Loading…".
  await page.keyboard.press('Home');
  await expect(list.getByRole('option', { name: /Partner call 1\b/ })).toBeVisible();
  const box = await list.boundingBox();
  if (box === null) throw new Error('the list has no box');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 40; i += 1) await page.mouse.wheel(0, 2_000);
  const scrolledTo = () => list.evaluate((element) => element.scrollTop);
  await expect.poll(scrolledTo).toBeGreaterThan(40_000);
  let resting = -1;
  await expect
    .poll(async () => {
      const previous = resting;
      resting = await scrolledTo();
      return resting === previous;
    })
    .toBe(true);
  await expect(list.getByText('Loading…')).toHaveCount(0);
  const inView = await list.evaluate((element) => {
    const frame = element.getBoundingClientRect();
    return [...element.querySelectorAll('[role="option"]')]
      .filter((row) => {
        const box = row.getBoundingClientRect();
        return box.bottom > frame.top && box.top < frame.bottom;
      })
      .map((row) => ({
        position: Number(row.getAttribute('aria-posinset')),
        title: row.querySelector('.tl-row__title')?.textContent ?? '',
      }));
  });
  expect(inView.length).toBeGreaterThan(3);
  expect(inView[0]?.position).toBeGreaterThan(500);
  expect(inView.map((row) => row.title)).toEqual(inView.map((row) => `Partner call ${row.position}`));
  expect(await rows.count()).toBeLessThan(100);
});
