import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

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

export interface TestServer {
  url: string;
  dataDir: string;
  /** The link the server prints: signs the local admin in and opens the example notebook. */
  signInUrl: string;
  /** The local admin's token (the one in signInUrl). */
  token: string;
  close: () => Promise<void>;
}

/**
 * Starts the real liftbook server on a free port with a fresh temporary data directory (the
 * server creates the local admin; `token` is theirs).
 *
 * @example
 * const server = await startTestServer();
 * await server.close();
 */
export async function startTestServer(): Promise<TestServer> {
  const { startServer } = await import('../../server/app/start.js');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'liftbook-browser-'));
  const started = await startServer({ port: 0, host: '127.0.0.1', dataDir, build: false, log: () => {} });
  return {
    url: started.url.replace(/\/$/, ''),
    dataDir,
    signInUrl: started.signInUrl!,
    token: started.token!,
    close: async () => {
      await started.close();
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

/** A parsed API answer: the status, the JSON body (or text) and the headers. */
export interface ApiAnswer<T = any> { status: number; body: T; headers: Headers }
export type ApiCall = <T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<ApiAnswer<T>>;

/**
 * Calls the server's API as the owner of `token` (`Authorization: Bearer`), for test set-up and
 * for checking what the server holds after a browser step.
 *
 * @example
 * const asAdmin = apiAs(server.url, server.token);
 * const { body } = await asAdmin('POST', '/api/users', { name: 'ana' });
 */
export function apiAs(url: string, token: string): ApiCall {
  return async (method, path, body, headers = {}) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as any, headers: response.headers };
  };
}

/**
 * Makes a team member through the API as the admin; returns their name and token.
 *
 * @example
 * const ana = await addUser(server, 'ana');
 */
export async function addUser(server: TestServer, name: string, role: 'admin' | 'member' = 'member'): Promise<{ name: string; token: string }> {
  const { status, body } = await apiAs(server.url, server.token)('POST', '/api/users', { name, role });
  if (status !== 201) throw new Error(`POST /api/users ${name}: ${status} ${JSON.stringify(body)}`);
  return { name: body.user.name, token: body.token };
}

/**
 * Signs a page in with a token through the sign-in link (`#/signin?token=…`) and waits for the
 * home page; the session cookie then serves every page of the page's browser context.
 *
 * @example
 * await signIn(page, server.url, server.token);
 */
export async function signIn(page: Page, url: string, token: string): Promise<void> {
  await page.goto(`${url}/#/signin?token=${encodeURIComponent(token)}`);
  await page.locator('.home .user-badge').waitFor({ timeout: 30_000 });
}

/**
 * A browser context (its own cookies, like another person's browser) signed in with `token`.
 * It signs in through the API the sign-in page posts to (`POST /api/session`, from the context so
 * the session cookie lands in its jar): loading the whole client for a page that only signs in was
 * ~5 s of CPU per context. The sign-in page itself is tested where it is the subject (team.test.ts).
 *
 * @example
 * const ana = await signedInContext(browser, server.url, anaToken);
 * const page = await ana.newPage();
 */
export async function signedInContext(browser: Browser, url: string, token: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await signInContext(context, url, token);
  return context;
}

/**
 * Signs a browser context in with `token` through `POST /api/session` (what the sign-in page
 * posts), without loading a page: the session cookie then serves every page of the context.
 *
 * @example
 * const context = await browser.newContext({ colorScheme: 'dark' });
 * await signInContext(context, server.url, server.token);
 */
export async function signInContext(context: BrowserContext, url: string, token: string): Promise<void> {
  const response = await context.request.post(`${url}/api/session`, { data: { token }, headers: { origin: url } });
  if (response.status() !== 200) throw new Error(`POST /api/session: ${response.status()} ${await response.text()}`);
}

/**
 * The code cell `id` of the notebook open in `page`.
 *
 * @example
 * await cell(page, 'lift').locator('.metric-card').first().waitFor();
 */
export function cell(page: Page, id: string): Locator {
  return page.locator(`[data-cell="${id}"]`);
}

/**
 * Waits until the first element of `locator` contains `text` (Monaco's non-breaking spaces read as spaces).
 *
 * @example
 * await waitForText(cell(page, 'b').locator('.outputs'), '20');
 */
export async function waitForText(locator: Locator, text: string | RegExp, timeout = 30_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = ((await locator.first().textContent({ timeout: 1000 }).catch(() => '')) ?? '').replace(/\u00a0/g, ' ');
    if (typeof text === 'string' ? last.includes(text) : text.test(last)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${String(text)}; last text: ${JSON.stringify(last.slice(0, 300))}`);
}

/**
 * Replaces the code of cell `id` as a user would: click into its editor, select all, type.
 *
 * @example
 * await typeCode(page, 'a', 'const a = 3');
 */
export async function typeCode(page: Page, id: string, code: string): Promise<void> {
  await cell(page, id).locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(code);
}

/** A code cell of a notebook source, as the format writes it. */
export const fence = (id: string, code: string, attrs = '', lang = 'js') => `\`\`\`${lang} id=${id}${attrs ? ` ${attrs}` : ''}\n${code}\n\`\`\`\n`;

/** A notebook source with a title and the given cells. */
export const notebook = (title: string, ...cells: string[]) => `---\ntitle: ${title}\n---\n# ${title}\n\n${cells.join('\n')}`;

if (!hasChromium) console.warn('\n*** SKIPPING the browser tests: /usr/bin/chromium is missing (apt-get install -y chromium). ***\n');

/** A test file's workbench: the real server, Chromium, and the local admin signed in once. */
export interface Workbench {
  server: TestServer;
  browser: Browser;
  /** The admin's browser context: every page of it has the session cookie. */
  context: BrowserContext;
  asAdmin: ApiCall;
  /** Saves a notebook as the admin; returns its id. */
  create: (title: string, source: string) => Promise<string>;
  /**
   * Opens a saved notebook in a page of the admin's context and waits for its cells: a new page,
   * or one an earlier test closed, back home and clean (see reusableTabs), routed to the notebook.
   */
  open: (id: string, viewport?: { width: number; height: number }) => Promise<Page>;
  /** `create` then `open`. */
  openNew: (title: string, source: string, viewport?: { width: number; height: number }) => Promise<Page>;
  close: () => Promise<void>;
}

/**
 * The tabs `Workbench.open` hands out. A tab whose test is done with it (`page.close()`) goes back
 * home (`#/`, which disposes the notebook as leaving it in the app does) and is kept for the next
 * `open`, which routes it to its notebook as a link in the app would: a fresh page pays ~9 s of
 * Chromium CPU (the 5.7 MB bundle, Monaco, the TypeScript worker's libraries), a route ~1.2 s.
 * A tab is only kept when it is back to what a fresh one shows: no unsaved draft in its
 * sessionStorage, nothing but the app in the body (no dialog, backdrop or panel left open); the
 * test's listeners and routes are removed, the mouse is back at the corner and any toast cleared.
 * Otherwise it is closed for real.
 */
function reusableTabs(context: BrowserContext) {
  const spares: Page[] = [];
  const release = async (page: Page) => {
    if (page.isClosed()) return;
    try {
      await page.removeAllListeners(undefined, { behavior: 'ignoreErrors' });
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      await page.mouse.move(0, 0);
      if (new URL(page.url()).hash !== '#/') await page.evaluate(() => void (location.hash = '#/'));
      await page.locator('.home .user-badge').waitFor({ timeout: 10_000 });
      const clean = await page.evaluate(() => {
        document.querySelector('.toasts')?.replaceChildren();
        window.scrollTo(0, 0);
        // Monaco keeps its screen-reader live region and an (empty unless a menu is open) context view.
        const others = [...document.body.children].filter((el) => el.id !== 'app' && !el.matches('script, .toasts, .monaco-aria-container, .context-view:empty'));
        return sessionStorage.length === 0 && others.length === 0 && !document.querySelector('dialog[open]');
      });
      if (clean) return void spares.push(page);
    } catch {
      // not in a state to hand on: close it below
    }
    await page.close().catch(() => {});
  };
  return {
    take: (): Page | undefined => {
      for (let page = spares.pop(); page; page = spares.pop()) if (!page.isClosed() && page.context() === context) return page;
      return undefined;
    },
    /** The page as the test sees it: the same Page, whose close() hands it back instead. */
    lend: (page: Page): Page => {
      let released = false;
      return new Proxy(page, {
        get(target, key) {
          if (key === 'close') return async () => { if (!released) { released = true; await release(target); } };
          const value = Reflect.get(target, key, target) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    },
  };
}

/**
 * Builds the client if stale, starts a server and Chromium, and signs the local admin in.
 *
 * @example
 * let wb: Workbench;
 * beforeAll(async () => { wb = await startWorkbench(); }, 240_000);
 * afterAll(() => wb?.close());
 * const page = await wb.openNew('Deps', notebook('Deps', fence('a', 'const a = 1')));
 */
export async function startWorkbench(): Promise<Workbench> {
  ensureClientBuilt();
  const [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const asAdmin = apiAs(server.url, server.token);
  const context = await signedInContext(browser, server.url, server.token);
  const create = async (title: string, source: string) => {
    const { status, body } = await asAdmin('POST', '/api/notebooks', { title, source });
    if (status !== 201) throw new Error(`POST /api/notebooks ${title}: ${status} ${JSON.stringify(body)}`);
    return (body as { id: string }).id;
  };
  const tabs = reusableTabs(context);
  const open = async (id: string, viewport = { width: 1400, height: 900 }) => {
    const spare = tabs.take();
    const page = spare ?? (await context.newPage());
    await page.setViewportSize(viewport);
    const hash = `#/notebook/${id}`;
    if (!spare) await page.goto(`${server.url}/${hash}`);
    else if (new URL(page.url()).hash === hash) await page.reload();
    else await page.evaluate((h) => void (location.hash = h), hash);
    await page.locator(`.editor-layout[data-notebook="${id}"] .cells`).waitFor();
    return tabs.lend(page);
  };
  return {
    server, browser, context, asAdmin, create, open,
    openNew: async (title, source, viewport) => open(await create(title, source), viewport),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
