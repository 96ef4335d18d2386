import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/e2e/support/chromium';

/** `npm run bench` (Playwright part): renderer start-up figures, printed, never asserted against a time. */
export default defineConfig({
  testDir: 'test/bench',
  testMatch: /.*\.spec\.ts$/,
  outputDir: 'test-results/bench',
  globalSetup: './test/e2e/global-setup.ts',
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: 'list',
  projects: [
    {
      name: 'bench-chromium',
      use: {
        browserName: 'chromium',
        launchOptions: chromiumLaunchOptions(),
        viewport: { width: 1280, height: 800 },
      },
    },
  ],
});
