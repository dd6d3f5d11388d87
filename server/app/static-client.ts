import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>liftbook</title>
<h1>liftbook</h1><p>The workbench client is not built yet: run <code>npm run build</code> (or start with
<code>liftbook serve --build</code>) and reload. The API is running: <a href="/api/openapi.json">/api/openapi.json</a>.</p>`;

/**
 * Serves the built client from `clientDir`: hashed files under /assets/ cached for a year, any
 * other non-API GET falls back to index.html (the client routes itself). When the client is not
 * built, pages say how to build it and the API keeps working.
 *
 * @example
 * serveClient(app, path.resolve('dist/client'));
 */
export function serveClient(app: Hono, clientDir: string): void {
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.get('*', serveStatic({ root: clientDir }));
  app.get('*', (c) => {
    const index = path.join(clientDir, 'index.html');
    // A missing asset is a 404, not the page: a stale tab asking for an old chunk must fail loudly.
    if (c.req.path.startsWith('/assets/') || !existsSync(index)) {
      return c.html(existsSync(index) ? 'Not found' : NOT_BUILT, existsSync(index) ? 404 : 503);
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(index, 'utf8'));
  });
}
