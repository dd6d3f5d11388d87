import { Hono } from 'hono';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from './precompress.js';
import { serveClient } from './static-client.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'liftbook-static-'));
const built = path.join(root, 'built');
const plain = path.join(root, 'plain');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const script = `export const words = ${JSON.stringify(Array.from({ length: 3000 }, (_, i) => `word${i % 97}`))};\n`;
const page = `<!doctype html><title>liftbook</title><div id="app"></div>${'<!-- padding -->'.repeat(80)}`;

function client(dir: string): Hono {
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), page);
  writeFileSync(path.join(dir, 'assets', 'index-3f2a.js'), script);
  writeFileSync(path.join(dir, 'assets', 'tiny-77.js'), 'export {}');
  writeFileSync(path.join(dir, 'assets', 'logo-1c.png'), Buffer.alloc(5000, 1));
  const app = new Hono();
  serveClient(app, dir);
  return app;
}

const builtApp = client(built);
const plainApp = client(plain);
beforeAll(async () => {
  await precompressDir(built);
});

const get = (app: Hono, url: string, headers: Record<string, string> = {}, method = 'GET') => app.request(url, { method, headers });
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('serveClient', () => {
  it('sends the precompressed brotli file of a hashed asset, cached for a year', async () => {
    const res = await get(builtApp, '/assets/index-3f2a.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = await bytes(res);
    expect(body).toEqual(readFileSync(path.join(built, 'assets', 'index-3f2a.js.br')));
    expect(Number(res.headers.get('content-length'))).toBe(body.length);
    expect(zlib.brotliDecompressSync(body).toString()).toBe(script);
  });

  it('sends gzip to a browser without brotli, and the plain bytes to one that takes neither', async () => {
    const gz = await get(builtApp, '/assets/index-3f2a.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(zlib.gunzipSync(await bytes(gz)).toString()).toBe(script);
    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const res = await get(builtApp, '/assets/index-3f2a.js', accept ? { 'accept-encoding': accept } : {});
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect((await bytes(res)).toString()).toBe(script);
      expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(script));
    }
  });

  it('compresses on request when the build left no .br/.gz', async () => {
    const first = await get(plainApp, '/assets/index-3f2a.js', { 'accept-encoding': 'br' });
    expect(first.headers.get('content-encoding')).toBe('br');
    const body = await bytes(first);
    expect(zlib.brotliDecompressSync(body).toString()).toBe(script);
    const again = await get(plainApp, '/assets/index-3f2a.js', { 'accept-encoding': 'br' });
    expect(await bytes(again)).toEqual(body);
    const gz = await get(plainApp, '/assets/index-3f2a.js', { 'accept-encoding': 'gzip' });
    expect(zlib.gunzipSync(await bytes(gz)).toString()).toBe(script);
  });

  it('does not use a precompressed file older than its source', async () => {
    const dir = path.join(root, 'stale');
    const app = client(dir);
    await precompressDir(dir);
    const changed = script.replace('word1"', 'changed"');
    writeFileSync(path.join(dir, 'assets', 'index-3f2a.js'), changed);
    const later = Date.now() / 1000 + 60;
    utimesSync(path.join(dir, 'assets', 'index-3f2a.js'), later, later);
    const res = await get(app, '/assets/index-3f2a.js', { 'accept-encoding': 'br' });
    expect(zlib.brotliDecompressSync(await bytes(res)).toString()).toBe(changed);
  });

  it('leaves tiny and already-compressed files alone', async () => {
    const tiny = await get(builtApp, '/assets/tiny-77.js', { 'accept-encoding': 'br, gzip' });
    expect(tiny.headers.get('content-encoding')).toBeNull();
    expect(await tiny.text()).toBe('export {}');
    const png = await get(builtApp, '/assets/logo-1c.png', { 'accept-encoding': 'br, gzip' });
    expect(png.headers.get('content-encoding')).toBeNull();
    expect(png.headers.get('vary')).toBeNull();
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('serves index.html, compressed, revalidated on every visit, for / and client routes', async () => {
    for (const url of ['/', '/index.html', '/notebooks/some-route']) {
      const res = await get(builtApp, url, { 'accept-encoding': 'gzip, br' });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-encoding')).toBe('br');
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(zlib.brotliDecompressSync(await bytes(res)).toString()).toBe(page);
    }
  });

  it('answers a revalidation with 304 when nothing changed, per encoding', async () => {
    const first = await get(builtApp, '/', { 'accept-encoding': 'br' });
    const tag = first.headers.get('etag')!;
    expect(tag).toMatch(/^".+-br"$/);
    const again = await get(builtApp, '/', { 'accept-encoding': 'br', 'if-none-match': tag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // The gzip body is another representation: the brotli tag does not match it.
    expect((await get(builtApp, '/', { 'accept-encoding': 'gzip', 'if-none-match': tag })).status).toBe(200);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await get(builtApp, '/assets/index-3f2a.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(Number(res.headers.get('content-length'))).toBe(readFileSync(path.join(built, 'assets', 'index-3f2a.js.br')).length);
    expect(await res.text()).toBe('');
  });

  it('404s missing assets and the .br/.gz files themselves, and never leaves the client folder', async () => {
    expect((await get(builtApp, '/assets/gone-123.js')).status).toBe(404);
    expect((await get(builtApp, '/assets/index-3f2a.js.br')).status).toBe(404);
    writeFileSync(path.join(root, 'secret.txt'), 'secret');
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%E0%A4%A']) {
      const res = await get(builtApp, url);
      expect(await res.text()).not.toContain('secret');
    }
  });

  it('says how to build the client when it is not built', async () => {
    const app = new Hono();
    serveClient(app, path.join(root, 'nothing-here'));
    const res = await get(app, '/');
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/npm run build/);
  });
});
