import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const DIST_INDEX = path.join(ROOT, 'dist/client/index.html');

/** True when Debian's Chromium is installed; the browser suite skips loudly without it. */
export const hasChromium = existsSync(CHROMIUM);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Builds the client with Vite when dist/client is missing or older than its sources (client/,
 * notebook/, vite.config.ts). A lock directory keeps parallel test files from building twice.
 *
 * @example
 * ensureClientBuilt();
 */
export function ensureClientBuilt(): void {
  const sources = Math.max(newestMtime(path.join(ROOT, 'client')), newestMtime(path.join(ROOT, 'notebook')), statSync(path.join(ROOT, 'vite.config.ts')).mtimeMs);
  const fresh = () => existsSync(DIST_INDEX) && statSync(DIST_INDEX).mtimeMs >= sources;
  if (fresh()) return;
  mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
  const lock = path.join(ROOT, 'dist/.client-build.lock');
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is building; a lock older than 10 minutes is left from a crash.
      if (Date.now() - statSync(lock).mtimeMs > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('Timed out waiting for another client build (dist/.client-build.lock).');
      spawnSync('sleep', ['1']);
    }
  }
  try {
    if (fresh()) return;
    const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface TestServer { url: string; dataDir: string; close: () => Promise<void> }

/**
 * Starts the real liftbook server on a free port with a fresh temporary data directory.
 *
 * @example
 * const server = await startTestServer();
 * await server.close();
 */
export async function startTestServer(): Promise<TestServer> {
  const { startServer } = await import('../../server/app/start.js');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'liftbook-browser-'));
  const started: any = await startServer({ port: 0, host: '127.0.0.1', dataDir, build: false });
  const url: string = started.url ?? `http://127.0.0.1:${started.port ?? started.address?.().port}`;
  return {
    url: url.replace(/\/$/, ''),
    dataDir,
    close: async () => {
      await (started.close?.() ?? started.server?.close?.());
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Launches Debian's Chromium headless with the flags this machine needs.
 *
 * @example
 * const browser = await launchBrowser();
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Runs a browser step; on failure keeps a full-page screenshot in test-artifacts/<name>.png and
 * the page's console errors in the thrown message.
 *
 * @example
 * await step(page, 'open-example', async () => { await page.goto(url); });
 */
export async function step<T>(page: Page, name: string, body: () => Promise<T>): Promise<T> {
  const errors: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => m.type() === 'error' && errors.push(m.text());
  page.on('console', onConsole);
  try {
    return await body();
  } catch (error) {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${name.replace(/[^\w-]+/g, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    const err = error as Error;
    err.message += `\n(screenshot: ${path.relative(ROOT, file)}${errors.length ? `; console errors: ${errors.slice(-5).join(' | ')}` : ''})`;
    throw err;
  } finally {
    page.off('console', onConsole);
  }
}
