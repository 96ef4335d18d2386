// Tier 2 (DESIGN.md §9): the real Electron shell, launched through Playwright, where an Electron
// runtime exists. Electron 45 downloads its runtime lazily, so on an offline machine there is
// none: then every test here is skipped with the reason printed in the log.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './support/paths';

const ELECTRON_PACKAGE = join(REPO_ROOT, 'node_modules', 'electron');
const EXECUTABLE_IN_DIST =
  process.platform === 'darwin'
    ? 'Electron.app/Contents/MacOS/Electron'
    : process.platform === 'win32'
      ? 'electron.exe'
      : 'electron';

type LaunchTarget = { executable: string } | { skipReason: string };

/** Where to launch Electron from, or why it cannot run here. */
function launchTarget(): LaunchTarget {
  const runtime = findElectronRuntime();
  if ('skipReason' in runtime) return runtime;
  const noDisplay = displayProblem();
  return noDisplay === null ? runtime : { skipReason: noDisplay };
}

/** The same places `npm start` looks, minus the download (tests never reach a network). */
function findElectronRuntime(): LaunchTarget {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override !== undefined && override !== '') {
    const executable = join(override, EXECUTABLE_IN_DIST);
    return existsSync(executable)
      ? { executable }
      : { skipReason: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${executable} does not exist.` };
  }
  const pathFile = join(ELECTRON_PACKAGE, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : EXECUTABLE_IN_DIST;
  const executable = join(ELECTRON_PACKAGE, 'dist', relative);
  if (existsSync(executable)) return { executable };
  return {
    skipReason:
      'no Electron runtime: node_modules/electron/dist is absent (Electron 45 downloads it on first launch, ' +
      'which cannot happen offline) and ELECTRON_OVERRIDE_DIST_PATH is not set. Point ELECTRON_OVERRIDE_DIST_PATH ' +
      'at an unpacked Electron 45 folder, or run `npx install-electron` where a network is available.',
  };
}

function displayProblem(): string | null {
  if (process.platform !== 'linux') return null;
  const hasDisplay = Boolean(process.env.DISPLAY) || Boolean(process.env.WAYLAND_DISPLAY);
  return hasDisplay
    ? null
    : 'no display server (DISPLAY and WAYLAND_DISPLAY are unset); run the tests under xvfb-run.';
}

test.describe.configure({ mode: 'serial' });

let app: ElectronApplication | undefined;
let page: Page;
let userData: string | undefined;

function launched(): ElectronApplication {
  if (app === undefined) throw new Error('Electron was not launched.');
  return app;
}

test.beforeAll(async () => {
  const target = launchTarget();
  if ('skipReason' in target) {
    console.log(`[tier2-electron] Electron smoke tests skipped: ${target.skipReason}`);
    test.skip(true, target.skipReason);
    return;
  }

  // The main-process bundles are quick to rebuild; the renderer is built by the global setup.
  const build = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build-node.mjs')], {
    stdio: 'inherit',
  });
  expect(build.status, 'scripts/build-node.mjs failed').toBe(0);

  userData = mkdtempSync(join(tmpdir(), 'breachdesk-electron-e2e-'));
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  delete env.ELECTRON_RUN_AS_NODE;
  app = await electron.launch({
    executablePath: target.executable,
    args: [REPO_ROOT],
    cwd: REPO_ROOT,
    env: { ...env, BREACHDESK_USER_DATA_DIR: userData, BREACHDESK_ACTOR: 'Electron smoke test' },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (userData !== undefined) rmSync(userData, { recursive: true, force: true });
});

test('opens one window titled Breachdesk on the welcome screen, served from app://', async () => {
  expect(launched().windows()).toHaveLength(1);
  expect(page.url()).toBe('app://breachdesk/index.html');
  await expect(page).toHaveTitle('Breachdesk');
  const windowTitles = await launched().evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((window) => window.getTitle()),
  );
  expect(windowTitles).toEqual(['Breachdesk']);
  await expect(page.getByRole('heading', { level: 1, name: 'Breachdesk' })).toBeVisible();
});

test('the page sees one frozen bridge and nothing of Node or Electron', async () => {
  const world = await page.evaluate(() => {
    const scope = window as unknown as Record<string, unknown>;
    const bridge = scope.breachdesk as object | undefined;
    return {
      bridgeType: typeof bridge,
      frozen: bridge !== undefined && Object.isFrozen(bridge),
      keys: bridge === undefined ? [] : Object.keys(bridge).sort(),
      require: typeof scope.require,
      process: typeof scope.process,
      module: typeof scope.module,
      Buffer: typeof scope.Buffer,
      ipcRenderer: typeof scope.ipcRenderer,
    };
  });
  expect(world).toEqual({
    bridgeType: 'object',
    frozen: true,
    keys: ['invoke', 'on'],
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    Buffer: 'undefined',
    ipcRenderer: 'undefined',
  });
});

test('the bridge reaches the dispatcher and refuses unknown channels', async () => {
  const answers = await page.evaluate(async () => {
    const bridge = (
      window as unknown as { breachdesk: { invoke(channel: string, input: unknown): Promise<unknown> } }
    ).breachdesk;
    return {
      info: await bridge.invoke('app.info', {}),
      unknown: await bridge.invoke('fs.readFile', { path: '/etc/passwd' }),
    };
  });
  const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  expect(answers.info).toMatchObject({ ok: true, value: { version } });
  expect(answers.unknown).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' });
});

test('window.open is denied and navigation away is blocked', async () => {
  const opened = await page.evaluate(() => [
    window.open('https://example.com/') === null,
    window.open('app://breachdesk/index.html', '_blank') === null,
  ]);
  expect(opened).toEqual([true, true]);
  expect(launched().windows()).toHaveLength(1);

  // Watch the main process decide: the shell's guard (registered first) refuses the navigation,
  // so by the time this listener runs the event is already prevented.
  await launched().evaluate(({ BrowserWindow }) => {
    const scope = globalThis as unknown as { __navigations?: { url: string; prevented: boolean }[] };
    const seen: { url: string; prevented: boolean }[] = [];
    scope.__navigations = seen;
    const contents = BrowserWindow.getAllWindows()[0]?.webContents;
    contents?.on('will-frame-navigate', (event) => {
      seen.push({ url: event.url, prevented: event.defaultPrevented });
    });
    contents?.on('will-navigate', (event) => {
      seen.push({ url: event.url, prevented: event.defaultPrevented });
    });
  });
  await page.evaluate(() => {
    (window as unknown as { __samePage?: boolean }).__samePage = true;
    window.location.href = 'https://example.com/';
  });
  const attempts = () =>
    launched().evaluate(
      () =>
        (globalThis as unknown as { __navigations?: { url: string; prevented: boolean }[] }).__navigations ??
        [],
    );
  await expect.poll(attempts).toContainEqual({ url: 'https://example.com/', prevented: true });
  expect((await attempts()).filter((attempt) => !attempt.prevented)).toEqual([]);
  expect(page.url()).toBe('app://breachdesk/index.html');
  expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
  await expect(page.getByRole('heading', { level: 1, name: 'Breachdesk' })).toBeVisible();
});
