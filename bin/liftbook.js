#!/usr/bin/env node
// Entry point for `npx liftbook`: runs the cached bundle of the CLI (bin/cli-bundle.js), or loads
// the TypeScript through tsx when there is none, so no build step is ever needed. `serve` always
// loads through tsx: a server outlives builds, and loads parts of itself long after it starts.
import { cliBundle } from './cli-bundle.js';

const bundle = process.argv[2] === 'serve' ? null : await cliBundle();
if (bundle) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../server/cli/main.ts');
}
