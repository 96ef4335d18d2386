import { defineConfig } from 'vitest/config';

/** `npm run bench`: figures printed to the console, not timed assertions. */
export default defineConfig({
  test: {
    name: 'bench',
    include: ['test/bench/**/*.bench.ts'],
    environment: 'node',
    testTimeout: 600_000,
    // One file at a time, so two benchmarks never share the two cores.
    fileParallelism: false,
  },
});
