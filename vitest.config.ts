import { defineConfig } from 'vitest/config';

// Tests sit beside the code (x.ts + x.test.ts); cross-cutting ones live in tests/.
// recipes/ and notebook/ are pure code (no module mocks, no servers): their files share each test
// process's module cache instead of importing everything again per file, which was most of their time.
// Two test files at a time even on 2 cores (vitest's default is cores - 1): most files wait on
// Chromium, a server, DuckDB's threads or a CLI child, so one at a time left a core idle.
// The team-server load test measures latency, so it runs last and alone (its own project, a later
// group), never beside other test files competing for the same two cores.
const LOAD_TEST = 'tests/server/load.test.ts';
const PURE = ['recipes/**/*.test.ts', 'notebook/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    setupFiles: ['tests/setup/engine.ts'],
    projects: [
      { extends: true, test: { name: 'pure', include: PURE, isolate: false, sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: {
          name: 'main',
          include: ['{server,client,datasets,tests}/**/*.test.ts'],
          exclude: ['node_modules', 'dist', 'tests/bench/**', LOAD_TEST],
          sequence: { groupOrder: 0 },
        },
      },
      { extends: true, test: { name: 'load', include: [LOAD_TEST], sequence: { groupOrder: 1 } } },
    ],
  },
});
