import { defineConfig } from 'vitest/config';

const ALL = ['test/**/*.test.ts', 'test/**/*.test.tsx'];
/** Files that mock a module another file may already have loaded: they get modules of their own. */
const MOCKING = ['test/store/data-dir.test.ts', 'test/store/password-hash.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    // The end-to-end tests drive real terminals in tmux; two cores, so keep the pool small.
    maxWorkers: 2,
    setupFiles: ['test/setup.ts'],
    projects: [
      // Loading the simulator's modules once per worker rather than once per file saves about a
      // third of the suite's CPU time.
      { extends: true, test: { name: 'shared', include: ALL, exclude: MOCKING, isolate: false } },
      { extends: true, test: { name: 'isolated', include: MOCKING } },
    ],
  },
});
