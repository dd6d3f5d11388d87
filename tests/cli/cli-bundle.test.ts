// The CLI's cached bundle: built once, reused while its sources stay as they were, rebuilt when one changes.
import { statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { cliBundle } from '../../bin/cli-bundle.js';
import { ROOT, SPAWN_TIMEOUT } from './spawn-cli.js';

test('reuses the bundle while no source changes, and builds a new one when a source does', { timeout: SPAWN_TIMEOUT }, async () => {
  const first = await cliBundle();
  expect(first).toMatch(/^file:.*node_modules\/\.cache\/liftbook-cli\/.*\/main\.js$/);
  expect(await cliBundle()).toBe(first);

  // A source several imports deep: the bundle must notice it, not just the entry.
  const source = path.join(ROOT, 'recipes', 'lift', 'notes.ts');
  const { atime, mtime } = statSync(source);
  try {
    utimesSync(source, atime, new Date(mtime.getTime() + 5_000));
    const rebuilt = await cliBundle();
    expect(rebuilt).not.toBe(first);
    expect(await cliBundle()).toBe(rebuilt);
  } finally {
    utimesSync(source, atime, mtime);
  }

  // The bundle runs the command line, with the data files its modules find next to themselves.
  const { stdout } = await promisify(execFile)(process.execPath, [fileURLToPath((await cliBundle())!), 'recipes', '--json'], { cwd: ROOT });
  expect(JSON.parse(stdout).map((r: { id: string }) => r.id)).toContain('lift');
});
