import { APP_URL } from '../e2e/host/serve-renderer';
import { expect, test } from '../e2e/host/test-host';

const RUNS = 7;

declare global {
  interface Window {
    __welcomeVisibleAt?: number;
  }
}

/**
 * In the page: ms since navigation start of the first animation frame (the one about to be painted)
 * after the welcome heading entered the DOM. FCP is the presentation time, so it is a little later.
 */
function watchForWelcomeHeading(): void {
  const record = (): boolean => {
    if (document.getElementById('welcome-heading') === null) return false;
    requestAnimationFrame(() => {
      window.__welcomeVisibleAt ??= performance.now();
    });
    return true;
  };
  const observer = new MutationObserver(() => {
    if (record()) observer.disconnect();
  });
  document.addEventListener('DOMContentLoaded', () => {
    if (!record()) observer.observe(document.body, { childList: true, subtree: true });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

const format = (values: number[]): string => values.map((value) => value.toFixed(1)).join(', ');

test(`first paint of the built renderer (median of ${RUNS} loads)`, async ({ page, host }) => {
  await page.addInitScript(watchForWelcomeHeading);
  const paints: number[] = [];
  const welcomes: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    await page.goto(APP_URL);
    await page.waitForFunction(
      () =>
        performance.getEntriesByName('first-contentful-paint').length > 0 &&
        window.__welcomeVisibleAt !== undefined,
    );
    const { paint, welcome } = await page.evaluate(() => ({
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      welcome: window.__welcomeVisibleAt ?? NaN,
    }));
    paints.push(paint);
    welcomes.push(welcome);
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Breachdesk' })).toBeVisible();
  expect(host.pageProblems).toEqual([]);

  console.log(
    `renderer first-contentful-paint: median ${median(paints).toFixed(1)} ms (runs: ${format(paints)})`,
  );
  console.log(
    `welcome heading in a frame:       median ${median(welcomes).toFixed(1)} ms (runs: ${format(welcomes)})`,
  );
  expect(paints.every(Number.isFinite)).toBe(true);
  expect(welcomes.every(Number.isFinite)).toBe(true);
});
