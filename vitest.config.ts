import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Browser suites launch Chromium; two cores cannot run several at once without starving streams.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
