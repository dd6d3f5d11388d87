import { defineConfig } from 'vitest/config';

// Tests sit beside the code (x.ts + x.test.ts); cross-cutting ones live in tests/.
export default defineConfig({
  test: {
    include: ['{recipes,notebook,server,client,datasets,tests}/**/*.test.ts'],
    exclude: ['node_modules', 'dist', 'tests/bench/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    setupFiles: ['tests/setup/engine.ts'],
  },
});
