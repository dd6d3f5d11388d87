import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { apiCompressible, chooseEncoding } from './accept-encoding.js';

const gzipAsync = promisify(gzip);

/** Below this an answer goes plain: gzip saves a browser little there, and costs the server a stream per request. */
export const COMPRESS_MIN_BYTES = 16 * 1024;

/**
 * Gzips API answers worth it — JSON, text and Arrow IPC of at least COMPRESS_MIN_BYTES — for a
 * client that accepts gzip. zlib runs on libuv's thread pool, so a large page of rows never holds
 * the event loop; event streams pass untouched, each event sent when written.
 *
 * @example
 * app.use('/api/*', compressApi());
 */
export function compressApi(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (c.req.method === 'HEAD' || res.status === 206 || res.status === 204 || res.headers.has('Content-Encoding') || !res.body) return;
    if (!apiCompressible(res.headers.get('Content-Type') ?? '')) return;
    res.headers.append('Vary', 'Accept-Encoding');
    if (chooseEncoding(c.req.header('Accept-Encoding'), ['gzip']) !== 'gzip') return;
    const length = Number(res.headers.get('Content-Length') ?? NaN);
    if (length < COMPRESS_MIN_BYTES) return;
    const body = Buffer.from(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    if (body.length < COMPRESS_MIN_BYTES) {
      c.res = new Response(body, { status: res.status, headers });
      return;
    }
    const packed = await gzipAsync(body);
    headers.set('Content-Encoding', 'gzip');
    headers.set('Content-Length', String(packed.length));
    c.res = new Response(packed, { status: res.status, headers });
  };
}
