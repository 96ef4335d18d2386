import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/e2e/support/chromium';

const ELECTRON_SPECS = /electron-[^/]*\.spec\.ts$/;

/**
 * Tier 1: the built renderer in a system Chromium, driven through the e2e test host over the
 * real services (always runs). Tier 2: the packaged shell through Playwright's Electron support
 * (test/e2e/electron-*.spec.ts; skips itself where no Electron runtime exists).
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  forbidOnly: process.env.CI !== undefined,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI !== undefined ? 'line' : 'list',
  projects: [
    {
      name: 'tier1-chromium',
      testIgnore: ELECTRON_SPECS,
      use: {
        browserName: 'chromium',
        launchOptions: chromiumLaunchOptions(),
        viewport: { width: 1280, height: 800 },
        locale: 'en-GB',
        timezoneId: 'Europe/Paris',
        screenshot: 'only-on-failure',
        serviceWorkers: 'block',
      },
    },
    {
      name: 'tier2-electron',
      testMatch: ELECTRON_SPECS,
    },
  ],
});
