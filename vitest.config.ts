import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 20_000,
    // The end-to-end tests drive real terminals in tmux; two cores, so keep the pool small.
    maxWorkers: 2,
  },
});
