import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Locator, Page } from '@playwright/test';
import { APP_URL } from '../e2e/host/serve-renderer';
import { expect, test, type TestHost } from '../e2e/host/test-host';
import { median } from './stats';
import { csvOfEvents } from '../helpers/timeline-csv';

const RUNS = 5;
const LARGE = 100_000;
/** The baseline: a timeline of one fetched page, loaded the same way in the same run. */
const SMALL = 100;
const WHEEL_STEPS = 40;

async function caseWithEvents(host: TestHost, name: string, total: number): Promise<void> {
  if ((await host.call('case.current', {})) !== null) await host.call('case.close', {});
  await host.call('case.create', {
    path: join(host.dir, name),
    title: name,
    organisation: 'Sonora Streaming AB',
    // Encrypted, as real case files are by default.
    passphrase: 'timeline bench passphrase',
  });
  for (let from = 0; from < total; from += 25_000) {
    const result = await host.call('events.importCsv', {
      csv: csvOfEvents(from, Math.min(total, from + 25_000)),
    });
    expect(result.errors).toEqual([]);
  }
}

async function timed(action: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

interface Figures {
  firstRows: number[];
  end: number[];
  wheel: number[];
}

/** Each run on a freshly loaded renderer: open the section, End, then wheel through the list. */
async function measure(page: Page, total: number): Promise<Figures> {
  const figures: Figures = { firstRows: [], end: [], wheel: [] };
  for (let run = 0; run < RUNS; run += 1) {
    await page.goto(APP_URL);
    const sections = page.getByRole('navigation', { name: 'Case sections' });
    await expect(sections).toBeVisible();
    const list: Locator = page.getByRole('listbox', { name: 'Timeline events' });
    const firstRow = list.getByRole('option', { name: /Partner call 1\b/ });
    figures.firstRows.push(
      await timed(async () => {
        await sections.getByRole('button', { name: 'Timeline' }).click();
        await expect(firstRow).toBeVisible();
      }),
    );
    await firstRow.click();
    const last = list.getByRole('option', { name: new RegExp(`Partner call ${total}\\b`) });
    figures.end.push(
      await timed(async () => {
        await page.keyboard.press('End');
        await expect(last).toHaveAttribute('aria-selected', 'true');
      }),
    );
    await page.keyboard.press('Home');
    await expect(firstRow).toBeVisible();
    const box = await list.boundingBox();
    if (box === null) throw new Error('the list has no box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    figures.wheel.push(
      await timed(async () => {
        for (let i = 0; i < WHEEL_STEPS; i += 1) await page.mouse.wheel(0, 2_000);
        await expect(list.getByText('Loading…')).toHaveCount(0);
      }),
    );
  }
  return figures;
}

const ms = (values: number[]): string => `${median(values).toFixed(0)} ms`;
const ratio = (large: number[], small: number[]): string => `${(median(large) / median(small)).toFixed(2)}×`;

test(`timeline list of ${LARGE.toLocaleString('en')} events against ${SMALL} (median of ${RUNS} loads)`, async ({
  page,
  host,
}) => {
  test.setTimeout(300_000);
  await caseWithEvents(host, 'small.bdcase', SMALL);
  const small = await measure(page, SMALL);
  await caseWithEvents(host, 'large.bdcase', LARGE);
  const large = await measure(page, LARGE);

  const line = (label: string, pick: (f: Figures) => number[]) =>
    `${label}: ${ms(pick(large))} for ${LARGE.toLocaleString('en')} events, ${ms(pick(small))} for ${SMALL} = ${ratio(pick(large), pick(small))}`;
  console.log(
    [
      `timeline list (median of ${RUNS} loads each, wall time through Playwright):`,
      line('  open the section to the first rows', (f) => f.firstRows),
      line('  End to the last row selected     ', (f) => f.end),
      line(`  ${WHEEL_STEPS} wheel steps, rows filled     `, (f) => f.wheel),
    ].join('\n'),
  );
  expect(host.pageProblems).toEqual([]);
});
