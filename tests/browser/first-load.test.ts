import { build } from 'esbuild';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cell, ensureClientBuilt, hasChromium, launchBrowser, ROOT, startTestServer, step, type TestServer } from './harness.js';

// What a first visit costs: the sign-in link opening the example notebook in a browser with an
// empty cache, counted in bytes the server actually sends (a TCP relay in front of it counts
// every byte, worker scripts and headers included, which the browser's own per-response sizes
// leave out for workers).
const BUDGET = 4_000_000;

/** A TCP relay to `port` that counts the bytes flowing back to the browser. */
function countingRelay(port: number): Promise<{ server: Server; port: number; bytes: () => number }> {
  let bytes = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port });
    sockets.add(client).add(upstream);
    upstream.on('data', (chunk: Buffer) => (bytes += chunk.length));
    client.pipe(upstream).pipe(client);
    const close = () => (client.destroy(), upstream.destroy());
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  const closeAll = server.close.bind(server);
  server.close = (callback) => {
    for (const socket of sockets) socket.destroy();
    return closeAll(callback);
  };
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port, bytes: () => bytes })));
}

describe.skipIf(!hasChromium)('first load of the example notebook', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ensureClientBuilt();
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`sends at most ${BUDGET / 1e6} MB over the wire on a cold cache, compressed, and draws its charts without colliding labels`, async () => {
    const relay = await countingRelay(Number(new URL(server.url).port));
    const origin = `http://127.0.0.1:${relay.port}`;
    // A new context is a new profile: nothing cached.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const responses: { url: string; encoding: string; length: number }[] = [];
    context.on('response', (r) => {
      const h = r.headers();
      responses.push({ url: r.url().replace(origin, ''), encoding: h['content-encoding'] ?? '', length: Number(h['content-length'] ?? NaN) });
    });
    const page = await context.newPage();
    try {
      await step(page, 'first-load', async () => {
        await page.goto(server.signInUrl.replace(server.url, origin));
        await cell(page, 'segment_chart').locator('.chart svg').first().waitFor({ timeout: 120_000 });
        await cell(page, 'weekly_chart').locator('.chart svg').first().waitFor({ timeout: 60_000 });
        await cell(page, 'lift').locator('.metric-card').first().waitFor({ timeout: 60_000 });
        await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
        // Then until nothing more arrives for 3 s (Monaco's workers and language chunks load late).
        let last = -1;
        while (relay.bytes() !== last) {
          last = relay.bytes();
          await page.waitForTimeout(3000);
        }
      });
      const sent = relay.bytes();
      console.log(`first load of the example notebook: ${(sent / 1e6).toFixed(2)} MB over ${responses.length} responses`);
      const scripts = responses.filter((r) => /\.(?:js|css)$/.test(r.url));
      expect(scripts.length).toBeGreaterThan(3);
      // Every script and stylesheet of the build goes out compressed (the browser offers br),
      // but for a few tiny ones not worth it.
      expect(scripts.filter((r) => r.encoding !== 'br' && !(r.length < 1024)).map((r) => r.url)).toEqual([]);
      expect(sent).toBeLessThanOrEqual(BUDGET);
      // The notebook's charts (recipe results and the cells' own Plot charts) as the page drew them.
      const checks = await build({ entryPoints: [`${ROOT}tests/browser/chart-checks.ts`], bundle: true, format: 'iife', globalName: 'liftbookChartChecks', write: false, logLevel: 'silent' });
      // Evaluated by the debugger, so the page's CSP (no inline scripts) does not apply.
      await page.evaluate(`${checks.outputFiles[0]!.text}\nwindow.liftbookChartChecks = liftbookChartChecks;`);
      const problems = await page.evaluate(() => {
        const { chartProblems } = (window as unknown as { liftbookChartChecks: { chartProblems: (el: Element, name: string) => string[] } }).liftbookChartChecks;
        return [...document.querySelectorAll<HTMLElement>('[data-cell] .outputs')].flatMap((outputs) => chartProblems(outputs, outputs.closest<HTMLElement>('[data-cell]')!.dataset.cell!));
      });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await new Promise((resolve) => relay.server.close(resolve));
    }
  }, 300_000);
});
