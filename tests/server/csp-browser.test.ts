// In a real browser: the page may call the API, a worker whose file name says "sandbox" may not.
import { serve } from '@hono/node-server';
import { existsSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness } from './harness.js';

const CHROMIUM = '/usr/bin/chromium';
const h = harness();
const assets = path.join(h.deps.clientDir, 'assets');
const probe = `fetch('/api/notebooks').then((r) => postMessage('fetched ' + r.status), (e) => postMessage('blocked: ' + e.message));`;
writeFileSync(path.join(assets, 'sandbox-worker-probe.js'), probe);
writeFileSync(path.join(assets, 'helper-worker-probe.js'), probe);
writeFileSync(
  path.join(assets, 'probe-page.js'),
  `window.results = {};
   for (const name of ['sandbox-worker-probe', 'helper-worker-probe']) {
     new Worker('/assets/' + name + '.js').onmessage = (e) => { window.results[name] = e.data; };
   }
   fetch('/api/notebooks').then((r) => { window.results.page = 'fetched ' + r.status; });`,
);
writeFileSync(path.join(h.deps.clientDir, 'index.html'), '<!doctype html><title>probe</title><script src="/assets/probe-page.js"></script>');

const server = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' });
let browser: Browser | undefined;
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) return;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

describe('CSP in Chromium', () => {
  it.skipIf(!existsSync(CHROMIUM))('blocks API calls from the sandbox worker only', async () => {
    const page = await browser!.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => Object.keys((window as unknown as { results: object }).results ?? {}).length === 3, null, { timeout: 20_000 });
    const results = await page.evaluate(() => (window as unknown as { results: Record<string, string> }).results);
    // Not signed in, so the API answers 401: what matters is that the request went out.
    expect(results.page).toBe('fetched 401');
    expect(results['helper-worker-probe']).toBe('fetched 401');
    expect(results['sandbox-worker-probe']).toMatch(/^blocked/);
  });
});
