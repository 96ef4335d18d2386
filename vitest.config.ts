import { defineConfig } from 'vitest/config';

/** The vitest tiers of DESIGN.md §9; Playwright (test/e2e) runs separately. */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'db', include: ['test/db/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'ipc', include: ['test/ipc/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'cli',
          include: ['test/cli/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/cli/build-cli.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
