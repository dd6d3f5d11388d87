import type { Context, Hono } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { createReadStream, existsSync, statSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { chooseEncoding } from './accept-encoding.js';
import { compressBytes, COMPRESSIBLE, ENCODINGS, MIN_BYTES, type Encoding } from './precompress.js';

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>liftbook</title>
<h1>liftbook</h1><p>The workbench client is not built yet: run <code>npm run build</code> (or start with
<code>liftbook serve --build</code>) and reload. The API is running: <a href="/api/openapi.json">/api/openapi.json</a>.</p>`;

/** Hashed build output: its name changes with its content, so browsers may keep it for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html above all): revalidate each time, so a new build is picked up. */
export const REVALIDATE = 'no-cache';

/**
 * Serves the built client from `clientDir`: hashed files under /assets/ cached for a year, any
 * other non-API GET falls back to index.html (the client routes itself), never cached without
 * revalidating. Text files go out brotli- or gzip-compressed as the browser accepts: the build's
 * precompressed `.br`/`.gz` beside the file, else compressed once here and kept in memory. When
 * the client is not built, pages say how to build it and the API keeps working.
 *
 * @example
 * serveClient(app, path.resolve('dist/client'));
 */
export function serveClient(app: Hono, clientDir: string): void {
  const root = path.resolve(clientDir);
  const compressed = new CompressedCache();
  app.get('*', async (c) => {
    const index = path.join(root, 'index.html');
    const file = resolveInside(root, c.req.path);
    const stats = file && fileStats(file);
    if (file && stats && !file.endsWith('.br') && !file.endsWith('.gz')) {
      return sendFile(c, file, stats, c.req.path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE, compressed);
    }
    // A missing asset is a 404, not the page: a stale tab asking for an old chunk must fail loudly.
    if (c.req.path.startsWith('/assets/')) return c.text('Not found', 404);
    const indexStats = fileStats(index);
    if (!indexStats) return c.html(NOT_BUILT, 503);
    return sendFile(c, index, indexStats, REVALIDATE, compressed);
  });
}

/** The file a URL path names inside `root`, or undefined for one that is malformed or escapes it. */
function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = path.join(root, path.normalize(decoded.endsWith('/') ? `${decoded}index.html` : decoded));
  return file.startsWith(root + path.sep) ? file : undefined;
}

function fileStats(file: string): Stats | undefined {
  if (!existsSync(file)) return undefined;
  const stats = statSync(file);
  return stats.isFile() ? stats : undefined;
}

async function sendFile(c: Context, file: string, stats: Stats, cacheControl: string, cache: CompressedCache): Promise<Response> {
  const headers: Record<string, string> = {
    'Content-Type': getMimeType(file) ?? 'application/octet-stream',
    'Cache-Control': cacheControl,
  };
  const compressible = COMPRESSIBLE.test(file) && stats.size >= MIN_BYTES;
  // Caches must key compressible files on Accept-Encoding, whichever coding this answer has.
  if (compressible) headers.Vary = 'Accept-Encoding';
  const encoding = compressible ? chooseEncoding(c.req.header('accept-encoding'), ENCODINGS.map((e) => e.name)) : undefined;
  const tag = `"${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}${encoding ? `-${encoding}` : ''}"`;
  headers.ETag = tag;
  if (c.req.header('if-none-match')?.split(',').some((t) => t.trim().replace(/^W\//, '') === tag)) {
    return new Response(null, { status: 304, headers });
  }
  let body: ReadableStream | Uint8Array<ArrayBuffer>;
  let length: number;
  if (encoding) {
    headers['Content-Encoding'] = encoding;
    const suffix = ENCODINGS.find((e) => e.name === encoding)!.suffix;
    const variant = fileStats(file + suffix);
    if (variant && variant.mtimeMs >= stats.mtimeMs) {
      [body, length] = [stream(file + suffix), variant.size];
    } else {
      const bytes = await cache.get(file, stats, encoding);
      [body, length] = [bytes, bytes.length];
    }
  } else {
    [body, length] = [stream(file), stats.size];
  }
  headers['Content-Length'] = String(length);
  if (c.req.method === 'HEAD') {
    if (body instanceof ReadableStream) await body.cancel();
    return new Response(null, { status: 200, headers });
  }
  return new Response(body, { status: 200, headers });
}

function stream(file: string): ReadableStream {
  return Readable.toWeb(createReadStream(file)) as ReadableStream;
}

/**
 * Files compressed on request when the build left no `.br`/`.gz` (a client built without the
 * precompress plugin): each is compressed once per version and coding, and the cache forgets the
 * oldest entries past 64 MB.
 */
class CompressedCache {
  private entries = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  private sizes = new Map<string, number>();
  private total = 0;
  constructor(private readonly limit = 64 * 2 ** 20) {}

  get(file: string, stats: Stats, encoding: Encoding): Promise<Uint8Array<ArrayBuffer>> {
    const key = `${file}\0${stats.size}\0${stats.mtimeMs}\0${encoding}`;
    let entry = this.entries.get(key);
    if (!entry) {
      // Copied once into its own ArrayBuffer: a Response body, unlike a pooled Buffer.
      entry = readFile(file).then(async (bytes) => new Uint8Array(await compressBytes(bytes, encoding, 'fast')));
      this.entries.set(key, entry);
      entry.then(
        (bytes) => this.remember(key, bytes.length),
        () => this.entries.delete(key),
      );
    }
    return entry;
  }

  private remember(key: string, size: number): void {
    this.sizes.set(key, size);
    this.total += size;
    for (const [oldest, bytes] of this.sizes) {
      if (this.total <= this.limit || oldest === key) break;
      this.sizes.delete(oldest);
      this.entries.delete(oldest);
      this.total -= bytes;
    }
  }
}
