import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { precompressDir } from './precompress.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'liftbook-precompress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('precompressDir', () => {
  it('writes .br and .gz beside text files that decode to the same bytes, and skips tiny and binary ones', async () => {
    mkdirSync(path.join(dir, 'assets'));
    const js = 'export const rows = ['.concat(Array.from({ length: 2000 }, (_, i) => `{"id":${i},"name":"row ${i}"}`).join(','), '];\n');
    writeFileSync(path.join(dir, 'assets', 'app-1a2b.js'), js);
    writeFileSync(path.join(dir, 'index.html'), `<!doctype html>${'<p>liftbook</p>'.repeat(100)}`);
    writeFileSync(path.join(dir, 'assets', 'tiny-9f.js'), 'export {}');
    writeFileSync(path.join(dir, 'assets', 'photo.png'), Buffer.alloc(4096, 7));
    const written = await precompressDir(dir);
    expect(written.map((f) => path.relative(dir, f))).toEqual(['assets/app-1a2b.js.br', 'assets/app-1a2b.js.gz', 'index.html.br', 'index.html.gz']);
    const br = readFileSync(path.join(dir, 'assets', 'app-1a2b.js.br'));
    expect(zlib.brotliDecompressSync(br).toString()).toBe(js);
    expect(zlib.gunzipSync(readFileSync(path.join(dir, 'assets', 'app-1a2b.js.gz'))).toString()).toBe(js);
    expect(br.length).toBeLessThan(js.length / 5);
  });

  it('writes no variant that would be larger, and removes a stale one', async () => {
    writeFileSync(path.join(dir, 'assets', 'noise.js'), randomBytes(4096));
    writeFileSync(path.join(dir, 'assets', 'noise.js.gz'), 'stale');
    await precompressDir(dir);
    expect(existsSync(path.join(dir, 'assets', 'noise.js.gz'))).toBe(false);
  });
});
