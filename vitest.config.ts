import { defineConfig } from 'vitest/config';

// Tests sit beside the code (x.ts + x.test.ts); cross-cutting ones live in tests/.
// The team-server load test measures latency, so it runs last and alone (its own project, a later
// group), never beside other test files competing for the same two cores.
const LOAD_TEST = 'tests/server/load.test.ts';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    setupFiles: ['tests/setup/engine.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: ['{recipes,notebook,server,client,datasets,tests}/**/*.test.ts'],
          exclude: ['node_modules', 'dist', 'tests/bench/**', LOAD_TEST],
          sequence: { groupOrder: 0 },
        },
      },
      { extends: true, test: { name: 'load', include: [LOAD_TEST], sequence: { groupOrder: 1 } } },
    ],
  },
});
