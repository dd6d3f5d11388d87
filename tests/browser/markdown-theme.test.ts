import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { parseNotebook } from '../../notebook/format.js';
import { notebookReportHtml } from '../../server/report/notebook-report.js';
import { ARTIFACTS, apiAs, cell, ensureClientBuilt, fence, hasChromium, launchBrowser, notebook, signInContext, startTestServer, step, waitForText, type ApiCall, type TestServer } from './harness.js';

// Markdown with math, tables and a live preview; dark mode from the system and from the toggle.

const PROSE = [
  'The relative lift is $\\frac{p_B}{p_A} - 1$, with standard error',
  '',
  '$$',
  '\\operatorname{SE} = \\sqrt{\\frac{p_A(1-p_A)}{n_A} + \\frac{p_B(1-p_B)}{n_B}}',
  '$$',
  '',
  '| arm | users | converted |',
  '| --- | --- | --- |',
  '| control | 1,200 | 3.1% |',
  '| personalized | 980 | 4.4% |',
  '| holdout | 75 | 2.0% |',
].join('\n');

/** WCAG contrast ratio of two CSS colours `rgb(r, g, b)`. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = css.match(/[\d.]+/g)!.slice(0, 3).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The text colour of an element and the background it is actually drawn on (first opaque one up the tree). */
async function colours(locator: Locator): Promise<{ color: string; background: string }> {
  return locator.first().evaluate((el) => {
    const opaque = (c: string) => c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c);
    let node: Element | null = el;
    let background = 'rgb(255, 255, 255)';
    while (node) {
      const bg = getComputedStyle(node).backgroundColor;
      if (opaque(bg)) {
        background = bg;
        break;
      }
      node = node.parentElement;
    }
    return { color: getComputedStyle(el).color, background };
  });
}

/**
 * Every visible, fully opaque text on the page whose colour has less than 4.5:1 contrast (WCAG AA)
 * with the background it sits on; Monaco (its own theme), SVG charts and KaTeX's hidden MathML aside.
 */
async function lowContrast(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const luminance = (css: string) => {
      const [r, g, b] = css.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const backgroundOf = (el: Element | null) => {
      for (; el; el = el.parentElement) {
        const bg = getComputedStyle(el).backgroundColor;
        if (bg !== 'transparent' && !/,\s*0\)$/.test(bg)) return bg;
      }
      return 'rgb(255, 255, 255)';
    };
    const found: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('.monaco-editor, svg, .katex-mathml, [hidden]')) continue;
      const text = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()).map((n) => n.textContent!.trim()).join(' ');
      if (!text || !el.getBoundingClientRect().width || getComputedStyle(el).visibility === 'hidden') continue;
      let opacity = 1;
      for (let p: Element | null = el; p; p = p.parentElement) opacity *= Number(getComputedStyle(p).opacity);
      if (opacity < 1) continue; // faded on purpose until hovered (cell toolbars) or stale
      const [fg, bg] = [getComputedStyle(el).color, backgroundOf(el)];
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
      const ratio = (hi! + 0.05) / (lo! + 0.05);
      if (ratio < 4.5) found.push(`${ratio.toFixed(2)}:1 <${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> "${text.slice(0, 30)}" ${fg} on ${bg}`);
    }
    return found;
  });
}

const isDark = (css: string) => {
  const [r, g, b] = css.match(/[\d.]+/g)!.map(Number);
  return r! + g! + b! < 3 * 60;
};

describe.skipIf(!hasChromium)('Markdown math and dark mode in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let asAdmin: ApiCall;
  let notebookId: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureClientBuilt();
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    asAdmin = apiAs(server.url, server.token);
    const { status, body } = await asAdmin('POST', '/api/notebooks', {
      title: 'Math',
      source: notebook('Math', `${PROSE}\n`, fence('t', 'const t = aq.table({ arm: ["A", "B"], users: [1200, 980] })'), fence('v', 'const v = { lift: 0.42 }\nv')),
    });
    expect(status).toBe(201);
    notebookId = (body as { id: string }).id;
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  async function contextWith(colorScheme: 'light' | 'dark'): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, colorScheme, acceptDownloads: true });
    contexts.push(context);
    await signInContext(context, server.url, server.token);
    return context;
  }

  async function openNotebook(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${server.url}/#/notebook/${notebookId}`);
    await page.locator('.cells .markdown-body .katex').first().waitFor({ timeout: 30_000 });
    return page;
  }

  it('renders inline and displayed math with KaTeX\'s own fonts, and tables ruled, striped, numbers on the right', async () => {
    const page = await openNotebook(await contextWith('light'));
    await step(page, 'markdown-math', async () => {
      const body = page.locator('.markdown-body').filter({ has: page.locator('.katex') }).first();
      expect(await body.locator('p .katex').count()).toBe(1);
      expect(await body.locator('.math-display .katex-display .katex').count()).toBe(1);
      expect(await body.locator('.katex-display annotation').textContent()).toContain('\\operatorname{SE}');
      // The fraction is laid out by KaTeX's CSS (stacked: numerator above denominator), in KaTeX's bundled font.
      const stacked = await body.locator('p .katex .mfrac .vlist > span').evaluateAll((spans) => spans.map((s) => s.getBoundingClientRect().top));
      expect(new Set(stacked.map(Math.round)).size).toBeGreaterThan(1);
      expect(await page.evaluate(async () => {
        await document.fonts.ready;
        return document.fonts.check('16px KaTeX_Main') && [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'KaTeX_Math' && f.status === 'loaded');
      })).toBe(true);

      const table = body.locator('.md-table table');
      const cells = await table.locator('tbody tr:first-child td').evaluateAll((tds) => tds.map((td) => ({ cls: td.className, align: getComputedStyle(td).textAlign, border: getComputedStyle(td).borderTopStyle })));
      expect(cells).toEqual([
        { cls: '', align: 'left', border: 'solid' },
        { cls: 'num', align: 'right', border: 'solid' },
        { cls: 'num', align: 'right', border: 'solid' },
      ]);
      const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => getComputedStyle(tr).backgroundColor));
      expect(rows[0]).not.toBe(rows[1]);
      expect(rows[0]).toBe(rows[2]);
    });
    await page.close();
  }, 120_000);

  it('shows a live preview while a Markdown block is edited, and keeps the text when done', async () => {
    const page = await openNotebook(await contextWith('light'));
    await step(page, 'markdown-live-preview', async () => {
      const block = page.locator('.markdown-cell').filter({ has: page.locator('.katex') }).first();
      await block.locator('.markdown-body').first().dblclick();
      const editor = block.locator('.markdown-editor');
      const preview = block.locator('.markdown-preview');
      await editor.waitFor();
      expect(await preview.locator('.katex').count()).toBeGreaterThan(0);
      await editor.press('Control+End');
      await editor.pressSequentially('\n\nVariance $\\sigma^2$ is **small**');
      // Still editing (the box has focus) and the preview already shows the new math and bold text.
      await waitForText(preview.locator('strong'), 'small', 5000);
      expect(await editor.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await preview.locator('.katex annotation').allTextContents()).toContain('\\sigma^2');
      // A half-typed formula shows KaTeX's error in place, not a broken page; finishing it renders it.
      await editor.pressSequentially(' and $\\frac{1}{2$');
      await preview.locator('.katex-error').waitFor({ timeout: 5000 });
      await editor.press('Backspace');
      await editor.pressSequentially('}$.');
      await expect.poll(() => preview.locator('.katex-error').count(), { timeout: 5000 }).toBe(0);
      await editor.press('Escape');
      const rendered = block.locator('.markdown-body');
      await waitForText(rendered, 'Variance');
      expect(await rendered.locator('.katex annotation').allTextContents()).toEqual(expect.arrayContaining(['\\sigma^2', '\\frac{1}{2}']));
      // The preview leaves with the editor: one rendering of the block on the page.
      expect(await rendered.count()).toBe(1);
      expect(await preview.count()).toBe(0);
      await page.locator('.toolbar .dirty').waitFor();
    });
    await page.close();
  }, 120_000);

  it('follows prefers-color-scheme: dark pages, panels, tables, dialogs and the Monaco editor, all legible', async () => {
    const page = await openNotebook(await contextWith('dark'));
    await step(page, 'dark-system', async () => {
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await cell(page, 't').locator('.table-viewer .tr').first().waitFor({ timeout: 60_000 });
      await cell(page, 'v').locator('.outputs').first().waitFor();
      const views: [string, Locator][] = [
        ['page', page.locator('.notebook')],
        ['toolbar', page.locator('.toolbar .title-input')],
        ['prose', page.locator('.markdown-body p').first()],
        ['markdown table', page.locator('.md-table td').first()],
        ['math', page.locator('.markdown-body .katex').first()],
        ['cell header', cell(page, 't').locator('.cell-id')],
        ['table viewer', cell(page, 't').locator('.td').nth(1)],
        ['datasets panel', page.locator('.datasets-panel h3').first()],
      ];
      for (const [name, locator] of views) {
        const { color, background } = await colours(locator);
        expect({ name, dark: isDark(background) }).toEqual({ name, dark: true });
        expect({ name, readable: contrast(color, background) >= 4.5 }).toEqual({ name, readable: true });
      }
      await waitForText(cell(page, 'v').locator('.outputs'), '0.42');
      expect(await lowContrast(page)).toEqual([]);
      const monaco = await colours(cell(page, 't').locator('.monaco-editor .monaco-editor-background'));
      expect(isDark(monaco.background)).toBe(true);
      expect(await cell(page, 't').locator('.monaco-editor').getAttribute('class')).toContain('vs-dark');
      // A dialog (Share) is dark too.
      await page.locator('button.share').click();
      const dialog = page.locator('.modal').first();
      await dialog.waitFor();
      const modal = await colours(dialog.locator('.modal-title'));
      expect(isDark(modal.background)).toBe(true);
      expect(contrast(modal.color, modal.background)).toBeGreaterThanOrEqual(7);
      await page.keyboard.press('Escape');
    });
    await page.close();
  }, 120_000);

  it('downloads a chart in dark mode as it is seen: light marks and text on the dark background (SVG and PNG)', async () => {
    const context = await contextWith('dark');
    const { status, body } = await asAdmin('POST', '/api/notebooks', {
      title: 'Dark chart',
      source: notebook('Dark chart', fence('chart', 'Plot.plot({ marks: [Plot.barY([{ x: "a", y: 1 }, { x: "b", y: 2 }], { x: "x", y: "y" })] })')),
    });
    expect(status).toBe(201);
    const page = await context.newPage();
    await page.goto(`${server.url}/#/notebook/${(body as { id: string }).id}`);
    await step(page, 'dark-chart-download', async () => {
      await cell(page, 'chart').locator('.chart svg').first().waitFor({ timeout: 60_000 });
      await cell(page, 'chart').locator('.chart').hover();
      const [svgFile] = await Promise.all([page.waitForEvent('download'), cell(page, 'chart').locator('.chart-svg').click()]);
      const style = /^<svg[^>]*style="([^"]*)"/.exec(readFileSync((await svgFile.path())!, 'utf8'))?.[1] ?? '';
      const color = /(?:^|;)\s*color:\s*([^;]+)/.exec(style)?.[1] ?? '';
      const background = /background-color:\s*([^;]+)/.exec(style)?.[1] ?? '';
      expect({ color: isDark(color), background: isDark(background) }).toEqual({ color: false, background: true });
      const [pngFile] = await Promise.all([page.waitForEvent('download'), cell(page, 'chart').locator('.chart-png').click()]);
      const png = readFileSync((await pngFile.path())!).toString('base64');
      const pixels = await page.evaluate(async (data) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
        const context2d = canvas.getContext('2d')!;
        context2d.drawImage(image, 0, 0);
        const { data: rgba } = context2d.getImageData(0, 0, canvas.width, canvas.height);
        let lightest = 0;
        for (let i = 0; i < rgba.length; i += 4) lightest = Math.max(lightest, rgba[i]! + rgba[i + 1]! + rgba[i + 2]!);
        return { corner: `rgb(${rgba[0]}, ${rgba[1]}, ${rgba[2]})`, alpha: rgba[3], lightest };
      }, png);
      // An opaque dark ground (not transparent, not white), and light marks and text on it.
      expect(pixels.alpha).toBe(255);
      expect(isDark(pixels.corner)).toBe(true);
      expect(pixels.lightest).toBeGreaterThan(3 * 180);
    });
    await page.close();
  }, 120_000);

  it('switches with the toolbar toggle, remembers it across reloads, and goes back to following the system', async () => {
    const context = await contextWith('light');
    const page = await openNotebook(context);
    await step(page, 'dark-toggle', async () => {
      const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
      const stored = () => page.evaluate(() => localStorage.getItem('liftbook.theme'));
      expect(await theme()).toBe('light');
      await waitForText(cell(page, 'v').locator('.outputs'), '0.42');
      expect(await lowContrast(page)).toEqual([]);
      const light = await colours(page.locator('.markdown-body p').first());
      expect(isDark(light.background)).toBe(false);
      expect(contrast(light.color, light.background)).toBeGreaterThanOrEqual(7);

      const toggle = page.locator('.theme-toggle').first();
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      await toggle.click();
      expect(await theme()).toBe('dark');
      expect(await stored()).toBe('dark');
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      const dark = await colours(page.locator('.markdown-body p').first());
      expect(isDark(dark.background)).toBe(true);
      expect(contrast(dark.color, dark.background)).toBeGreaterThanOrEqual(7);
      await expect.poll(() => page.locator('.monaco-editor').first().getAttribute('class')).toContain('vs-dark');

      await page.reload();
      await page.locator('.cells .markdown-body .katex').first().waitFor();
      expect(await theme()).toBe('dark');
      // The list of notebooks is dark as well.
      await page.goto(`${server.url}/#/`);
      await page.locator('.my-notebook-list li a').first().waitFor();
      expect(isDark((await colours(page.locator('.my-notebook-list'))).background)).toBe(true);
      expect(await lowContrast(page)).toEqual([]);

      // Back to light, which is what the system prefers: the choice is forgotten.
      await page.locator('.theme-toggle').first().click();
      expect(await theme()).toBe('light');
      expect(await stored()).toBeNull();
      // Now the system turns dark, and the page follows.
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect.poll(theme).toBe('dark');
    });
    await page.close();
  }, 120_000);

  it('puts the same math in both HTML reports, with KaTeX styles and fonts inline, under their CSP', async () => {
    const context = await contextWith('light');
    const page = await openNotebook(context);
    const reports: string[] = [];
    await step(page, 'report-math', async () => {
      await cell(page, 't').locator('.table-viewer .tr').first().waitFor({ timeout: 60_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.export-html').click()]);
      reports.push(readFileSync((await download.path())!, 'utf8'));
    });
    await page.close();
    reports.push(await notebookReportHtml(parseNotebook(notebook('Math', `${PROSE}\n`)), {}, { generatedAt: new Date(0) }));
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const [i, html] of reports.entries()) {
      expect(html).toContain('@font-face');
      const file = path.join(ARTIFACTS, `math-report-${i}.html`);
      writeFileSync(file, html);
      const viewer = await context.newPage();
      const problems: string[] = [];
      viewer.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      viewer.on('request', (r) => !r.url().startsWith('file:') && !r.url().startsWith('data:') && problems.push(`request ${r.url()}`));
      await step(viewer, `report-math-${i}`, async () => {
        await viewer.goto(`file://${file}`);
        const ok = await viewer.evaluate(async () => {
          await document.fonts.ready;
          const loaded = [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, ''));
          const frac = [...document.querySelectorAll('.katex .mfrac .vlist > span')].map((s) => Math.round(s.getBoundingClientRect().top));
          return { loaded, stacked: new Set(frac).size > 1, num: getComputedStyle(document.querySelector('.md-table td.num')!).textAlign };
        });
        expect(ok.loaded).toEqual(expect.arrayContaining(['KaTeX_Main', 'KaTeX_Math']));
        expect(ok.stacked).toBe(true);
        expect(ok.num).toBe('right');
        expect(problems).toEqual([]);
      });
      await viewer.close();
    }
  }, 120_000);
});
