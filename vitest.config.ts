import { defineConfig } from 'vitest/config';

const ALL = ['test/**/*.test.ts', 'test/**/*.test.tsx'];
/** Files that mock a module another file may already have loaded: they get modules of their own. */
const MOCKING = ['test/store/data-dir.test.ts', 'test/store/password-hash.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    // Two cores, and three files at once: the end-to-end tests spend much of their time waiting on
    // real terminals (tmux) and child processes, and a third file keeps the cores busy meanwhile
    // (npm test ~10 s faster on the idle machine than with two).
    maxWorkers: 3,
    setupFiles: ['test/setup.ts'],
    // Transformed modules are kept in node_modules/.vitest between runs (keyed by their content).
    experimental: { fsModuleCache: true },
    projects: [
      // Loading the simulator's modules once per worker rather than once per file saves about a
      // third of the suite's CPU time.
      { extends: true, test: { name: 'shared', include: ALL, exclude: MOCKING, isolate: false } },
      { extends: true, test: { name: 'isolated', include: MOCKING } },
    ],
  },
});
