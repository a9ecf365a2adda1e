import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // 2-core machines: two workers, each file in its own process.
    pool: 'forks',
    maxWorkers: 2,
  },
});
