import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureClientBuilt } from './build-client.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'liftbook-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('ensureClientBuilt', () => {
  it('says so and returns false when there are no client sources', async () => {
    const lines: string[] = [];
    expect(await ensureClientBuilt({ root, log: (l) => lines.push(l) })).toBe(false);
    expect(lines.join('\n')).toMatch(/no client sources/);
  });

  it('builds a missing or stale client with the repo vite config, and skips a fresh one', async () => {
    mkdirSync(path.join(root, 'client'));
    writeFileSync(path.join(root, 'client', 'index.html'), '<!doctype html><title>v1</title><p>one</p>');
    writeFileSync(path.join(root, 'vite.config.ts'), "export default { root: 'client', build: { outDir: '../dist/client', emptyOutDir: true } };\n");
    const lines: string[] = [];
    const log = (l: string) => lines.push(l);
    expect(await ensureClientBuilt({ root, log })).toBe(true);
    const built = path.join(root, 'dist', 'client', 'index.html');
    expect(readFileSync(built, 'utf8')).toContain('one');
    expect(lines).toContain('liftbook: client built.');

    lines.length = 0;
    expect(await ensureClientBuilt({ root, log })).toBe(true);
    expect(lines).toEqual([]); // fresh: no build

    writeFileSync(path.join(root, 'client', 'index.html'), '<!doctype html><title>v2</title><p>two</p>');
    const later = statSync(built).mtimeMs / 1000 + 10;
    utimesSync(path.join(root, 'client', 'index.html'), later, later);
    expect(await ensureClientBuilt({ root, log })).toBe(true);
    expect(readFileSync(built, 'utf8')).toContain('two');
  });

  it('reports a failed build and returns false, so the server still starts', async () => {
    writeFileSync(path.join(root, 'client', 'index.html'), '<!doctype html><script type="module" src="./missing.js"></script>');
    const later = Date.now() / 1000 + 60;
    utimesSync(path.join(root, 'client', 'index.html'), later, later);
    const lines: string[] = [];
    expect(await ensureClientBuilt({ root, log: (l) => lines.push(l) })).toBe(false);
    expect(lines.at(-1)).toMatch(/client build failed .*serving the API only/);
  });
});
