import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  addUser, apiAs, cell, ensureClientBuilt, hasChromium, launchBrowser, signedInContext, startTestServer, step, waitForText,
  type ApiCall, type TestServer, fence, notebook,
} from './harness.js';

// Issue 12, what a user test found: each check below failed before its fix. One server, one
// browser; the local admin (who owns the examples nobody owns) and a member, ana.

const EXAMPLE = 'did-personalization-work';

describe.skipIf(!hasChromium)('user-test fixes in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: { name: string; api: ApiCall; context: BrowserContext };
  let ana: { api: ApiCall; context: BrowserContext };

  beforeAll(async () => {
    ensureClientBuilt();
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const api = apiAs(server.url, server.token);
    admin = { name: (await api('GET', '/api/session')).body.user.name, api, context: await signedInContext(browser, server.url, server.token) };
    const { token } = await addUser(server, 'ana');
    ana = { api: apiAs(server.url, token), context: await signedInContext(browser, server.url, token) };
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function create(title: string, source: string): Promise<string> {
    const { status, body } = await admin.api('POST', '/api/notebooks', { title, source });
    expect(status).toBe(201);
    return body.id as string;
  }

  async function open(context: BrowserContext, id: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${server.url}/#/notebook/${id}`);
    await page.locator(`.editor-layout[data-notebook="${id}"] .cells`).waitFor();
    return page;
  }

  async function home(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${server.url}/#/`);
    await page.locator('.home-main:not([aria-busy])').waitFor();
    return page;
  }

  it('shows the whole notebook title in a 1400 px wide window', async () => {
    const title = 'Which customers are still alive, and is the personalized cohort worth more?';
    const cells = Array.from({ length: 30 }, (_, i) => fence(`c${i}`, `const v${i} = ${i}`));
    const page = await open(admin.context, await create(title, notebook(title, ...cells)));
    await step(page, 'title-width', async () => {
      const input = page.locator('.title-input');
      expect(await input.inputValue()).toBe(title);
      const { scroll, client, right } = await input.evaluate((el: HTMLInputElement) => ({ scroll: el.scrollWidth, client: el.clientWidth, right: el.getBoundingClientRect().right }));
      expect(scroll).toBeLessThanOrEqual(client);
      expect(right).toBeLessThanOrEqual(1400);
      // The bar may wrap to a second row for it; the sticky datasets panel then starts below the bar.
      await page.mouse.wheel(0, 1500);
      await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(500);
      const [barBottom, panelTop] = await page.evaluate(() => [document.querySelector('.editor-layout > .toolbar')!.getBoundingClientRect().bottom, document.querySelector('.datasets-panel')!.getBoundingClientRect().top]);
      expect(panelTop).toBeGreaterThanOrEqual(barBottom! - 1);
    });
    await page.close();
  }, 90_000);

  it('previews a dataset in a dialog in view, not at the foot of the sidebar', async () => {
    const page = await open(admin.context, await create('Preview', notebook('Preview', fence('a', 'const a = 1'))));
    await step(page, 'dataset-preview', async () => {
      await page.locator('[data-dataset="shop/orders"] .preview').click();
      const dialog = page.locator('.dataset-preview-dialog');
      await waitForText(dialog.locator('.row-count'), 'rows');
      const box = (await dialog.locator('.table-viewer').boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + 100).toBeLessThanOrEqual(900);
      // Wider than the 330 px sidebar: the columns have room.
      expect(box.width).toBeGreaterThan(600);
      await waitForText(dialog.locator('.modal-title'), 'shop/orders');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    });
    await page.close();
  }, 90_000);

  it('shows every digit of the row index, even with a larger table font', async () => {
    const page = await open(admin.context, await create('Index', notebook('Index', fence('t', 'const t = aq.table({ id: Array.from({ length: 12345 }, (_, i) => i) })'))));
    await step(page, 'row-index', async () => {
      // A reader's larger font (minimum font size, text-only zoom) widens the digits; the column follows.
      await page.addStyleTag({ content: '.table-viewer .td { font-size: 17px !important; }' });
      const viewer = cell(page, 't').locator('.table-viewer');
      await viewer.locator('.tr').first().waitFor({ timeout: 60_000 });
      await viewer.locator('.scroller').evaluate((el) => (el.scrollTop = el.scrollHeight));
      await waitForText(viewer.locator('.tbody'), '12345');
      const clipped = await viewer.evaluate((el) => [...el.querySelectorAll('.td.index')].filter((td) => td.scrollWidth > td.clientWidth).map((td) => td.textContent));
      expect(clipped).toEqual([]);
      // Header and rows still line up.
      const [head, first] = await viewer.evaluate((el) => [el.querySelector('.thead .th.index')!.getBoundingClientRect().width, el.querySelector('.tbody .td.index')!.getBoundingClientRect().width]);
      expect(Math.abs(head! - first!)).toBeLessThanOrEqual(1);
    });
    await page.close();
  }, 90_000);

  it('lists the examples apart from your notebooks, and "Copy to my notebooks" makes an owned copy', async () => {
    const page = await home(admin.context);
    await step(page, 'examples-section', async () => {
      await page.locator(`.example-notebooks [data-notebook="${EXAMPLE}"]`).waitFor();
      expect(await page.locator(`.my-notebooks [data-notebook="${EXAMPLE}"]`).count()).toBe(0);
      expect(await page.locator('.my-notebooks .notebook-team').count()).toBe(0);
      await page.locator(`.example-notebooks [data-notebook="${EXAMPLE}"] .copy-example`).click();
      await waitForText(page.locator('.role-badge'), 'owner');
      const copyId = decodeURIComponent(new URL(page.url()).hash.replace('#/notebook/', ''));
      expect(copyId).not.toBe(EXAMPLE);
      const copy = (await admin.api('GET', `/api/notebooks/${copyId}`)).body;
      expect(copy.owner).toBe(admin.name);
      expect(copy.source).toBe((await admin.api('GET', `/api/notebooks/${EXAMPLE}`)).body.source);
      await page.evaluate(() => (location.hash = '#/'));
      await page.locator(`.my-notebooks [data-notebook="${copyId}"]`).waitFor();
    });
    await page.close();
    // A member sees the examples in the same section, not as "shared with me".
    const member = await home(ana.context);
    await step(member, 'examples-member', async () => {
      await member.locator(`.example-notebooks [data-notebook="${EXAMPLE}"]`).waitFor();
      expect(await member.locator(`.shared-notebooks [data-notebook="${EXAMPLE}"]`).count()).toBe(0);
      await member.locator(`.example-notebooks [data-notebook="${EXAMPLE}"] .copy-example`).click();
      await waitForText(member.locator('.role-badge'), 'owner');
      const copyId = decodeURIComponent(new URL(member.url()).hash.replace('#/notebook/', ''));
      expect((await ana.api('GET', `/api/notebooks/${copyId}`)).body.owner).toBe('ana');
    });
    await member.close();
  }, 90_000);

  it('does not offer you yourself in the Share dialog', async () => {
    const page = await open(admin.context, EXAMPLE);
    await step(page, 'share-not-self', async () => {
      await page.locator('button.share').click();
      const who = page.locator('.share-dialog .share-user');
      await who.locator('option[value="ana"]').waitFor({ state: 'attached' });
      expect(await who.locator(`option[value="${admin.name}"]`).count()).toBe(0);
    });
    await page.close();
  }, 90_000);

  it('names the author of every version in the History, the examples included', async () => {
    const id = await create('Authors', notebook('Authors', fence('a', 'const a = 1')));
    const current = (await admin.api('GET', `/api/notebooks/${id}`)).body;
    expect((await ana.api('GET', `/api/notebooks/${id}`)).status).toBe(404);
    await admin.api('POST', `/api/notebooks/${id}/share`, { user: 'ana', role: 'editor' });
    expect((await ana.api('PUT', `/api/notebooks/${id}`, { source: current.source.replace('= 1', '= 2') }, { 'if-match': '"1"' })).status).toBe(200);
    const page = await open(admin.context, id);
    await step(page, 'history-authors', async () => {
      await page.locator('button.history').click();
      const dialog = page.locator('.history-dialog');
      await waitForText(dialog.locator('.revision[data-version="2"] .revision-meta'), 'ana');
      await waitForText(dialog.locator('.revision[data-version="1"] .revision-meta'), admin.name);
      await waitForText(dialog.locator('.history-detail-head'), 'by ana');
    });
    await page.goto(`${server.url}/#/notebook/${EXAMPLE}`);
    await step(page, 'history-example-author', async () => {
      await page.locator(`.editor-layout[data-notebook="${EXAMPLE}"] .cells`).waitFor();
      await page.locator('button.history').click();
      const dialog = page.locator('.history-dialog');
      await waitForText(dialog.locator('.revision[data-version="1"] .revision-meta'), 'liftbook');
      await waitForText(dialog.locator('.history-detail-head'), 'by liftbook');
      expect(await dialog.textContent()).not.toContain('unknown');
    });
    await page.close();
  }, 90_000);

  it('highlights what changed inside a changed line in the History diff', async () => {
    const v1 = notebook('Words', fence('a', 'const total = price * 2 + shipping'), fence('b', 'const b = 1'));
    const id = await create('Words', v1);
    const v2 = v1.replace('price * 2 + shipping', 'price * 3 + shipping');
    expect((await admin.api('PUT', `/api/notebooks/${id}`, { source: v2 }, { 'if-match': '"1"' })).status).toBe(200);
    const page = await open(admin.context, id);
    await step(page, 'inline-diff', async () => {
      await page.locator('button.history').click();
      const dialog = page.locator('.history-dialog');
      await dialog.locator('.revision[data-version="1"]').waitFor();
      await dialog.locator('.diff-show').click();
      const change = dialog.locator('.diff-change[data-key="a"][data-status="changed"]');
      await waitForText(change.locator('.diff-before'), 'price * 2 + shipping');
      // Only the changed word is marked; the rest of the line (and the fence) is not.
      expect(await change.locator('.diff-before del').allTextContents()).toEqual(['2']);
      expect(await change.locator('.diff-after ins').allTextContents()).toEqual(['3']);
      await waitForText(change.locator('.diff-after'), 'const total = price * 3 + shipping');
    });
    await page.close();
  }, 90_000);
});
