import { defineConfig } from 'vitest/config';

/** The vitest tiers of DESIGN.md §9; Playwright (test/e2e) runs separately. */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      // The demo case counts its 350,000 people from a generated roster: a few seconds to build.
      {
        test: {
          name: 'db',
          include: ['test/db/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'ipc',
          include: ['test/ipc/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'cli',
          include: ['test/cli/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/cli/build-cli.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // DESIGN.md §9 crash tier: long writes in a CLI subprocess killed with SIGKILL (test/crash).
        // One file at a time: the kill points poll the child's files on every event-loop turn,
        // and each file's child wants a core of its own.
        test: {
          name: 'crash',
          include: ['test/crash/**/*.crash.test.ts'],
          environment: 'node',
          globalSetup: ['test/cli/build-cli.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
