import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cell, hasChromium, step, typeCode, waitForText, fence, notebook, startWorkbench, type Workbench } from './harness.js';

// End-to-end: the real server (temp data dir) and the built client in Debian's Chromium.


describe.skipIf(!hasChromium)('workbench in the browser', () => {
  let wb: Workbench;

  beforeAll(async () => {
    wb = await startWorkbench();
  }, 240_000);

  afterAll(() => wb?.close());

  const create = (title: string, source: string) => wb.create(title, source);

  async function open(id: string): Promise<Page> {
    const page = await wb.open(id);
    page.on('dialog', (dialog) => void dialog.accept());
    return page;
  }

  it('opens the example notebook and draws its charts, with tooltips', async () => {
    const page = await open('did-personalization-work');
    await step(page, 'example-notebook', async () => {
      const started = Date.now();
      const chart = cell(page, 'segment_chart').locator('.chart svg');
      await chart.first().waitFor({ timeout: 90_000 });
      // Drawn in the page from the recorded Plot call (interactive), not as the worker's static SVG.
      await cell(page, 'weekly_chart').locator('.chart svg').first().waitFor({ timeout: 60_000 });
      await cell(page, 'lift').locator('.metric-card').first().waitFor({ timeout: 60_000 });
      console.log(`example notebook ran in ${Date.now() - started} ms`);
      // Plot's pointer tip appears over a bar.
      await chart.locator('rect').nth(3).hover({ force: true });
      await page.locator('[data-cell="segment_chart"] g[aria-label="tip"] text').first().waitFor({ timeout: 5000 });
      expect(await page.locator('.table-viewer').count()).toBeGreaterThan(0);
    });
    await page.close();
  }, 150_000);

  it('re-runs dependents when a cell is edited, and marks them stale in lazy mode', async () => {
    const id = await create('Reactive', notebook('Reactive', fence('a', 'const a = 2'), fence('b', 'const b = a * 10')));
    const page = await open(id);
    await step(page, 'reactive-edit', async () => {
      await waitForText(cell(page, 'b').locator('.outputs'), '20');
      await typeCode(page, 'a', 'const a = 3');
      await page.keyboard.press('Shift+Enter');
      await waitForText(cell(page, 'b').locator('.outputs'), '30');
      await page.locator('.lazy-toggle').click();
      await typeCode(page, 'a', 'const a = 4');
      await page.keyboard.press('Shift+Enter');
      await cell(page, 'b').and(page.locator('[data-status="stale"]')).waitFor({ timeout: 10_000 });
      expect(await cell(page, 'b').locator('.outputs').textContent()).toContain('30');
      // Run all from the command palette.
      await page.keyboard.press('Control+K');
      await page.locator('.palette-input').fill('run all');
      await page.keyboard.press('Enter');
      await waitForText(cell(page, 'b').locator('.outputs'), '40');
      await page.locator('.lazy-toggle').click();
      // Move, collapse: the document follows (and is now unsaved).
      await cell(page, 'b').locator('button[title="Move up"]').click();
      expect(await page.locator('.code-cell').first().getAttribute('data-cell')).toBe('b');
      await cell(page, 'a').locator('button.collapse').click();
      expect(await cell(page, 'a').getAttribute('class')).toContain('collapsed');
      await page.locator('.dirty:not([hidden])').waitFor();
    });
    await page.close();
  }, 60_000);

  it('runs a recipe cell from its form', async () => {
    const id = await create('Recipe form', notebook('Recipe form', fence('units', 'const units = await load("shop/units")'), fence('r', 'const r = await recipe("lift", {}, {})', 'recipe=lift')));
    const page = await open(id);
    await step(page, 'recipe-form', async () => {
      const form = cell(page, 'r').locator('.recipe-form');
      await form.locator('select[data-input="units"] option[value="units"]').waitFor({ state: 'attached', timeout: 60_000 });
      await form.locator('select[data-input="units"]').selectOption('units');
      await form.locator('select[data-param="variant"]').selectOption('variant');
      await form.locator('[data-param="metrics"] label', { hasText: /^converted$/ }).locator('input').check();
      await form.locator('input[data-param="alpha"]').fill('0.1');
      await form.locator('input[data-param="alpha"]').press('Tab');
      await waitForText(cell(page, 'r').locator('.view-lines'), /metrics: \["converted"\]/);
      // Record what the cell's progress bar says while the recipe streams its progress (SSE).
      await cell(page, 'r').evaluate((el) => {
        const seen: string[] = ((window as unknown as { progressSeen: string[] }).progressSeen = []);
        new MutationObserver(() => {
          const label = el.querySelector('.progress:not([hidden]) .progress-label')?.textContent;
          if (label) seen.push(label);
        }).observe(el, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      await cell(page, 'r').locator('.run-recipe').click();
      await cell(page, 'r').locator('.metric-card[data-metric="srm_p_value"]').waitFor({ timeout: 60_000 });
      const progress = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
      expect(progress.some((label) => /\d+%/.test(label) && !label.startsWith('Running lift 0%'))).toBe(true);
      await cell(page, 'r').locator('.result-chart svg').first().waitFor();
      await waitForText(cell(page, 'r').locator('.view-lines'), 'alpha: 0.1');
    });
    await page.close();
  }, 120_000);

  it('gives code cells types: autocomplete on other cells\' tables, and type errors', async () => {
    const tsFence = (id: string, code: string) => fence(id, code, '', 'ts');
    const id = await create('Types', notebook('Types', tsFence('t', 'const t = aq.table({ x: [1, 2] })'), tsFence('u', 'const n: string = t.numRows()'), tsFence('v', 'const m = 1')));
    const page = await open(id);
    await step(page, 'monaco-types', async () => {
      await cell(page, 't').and(page.locator('[data-status="done"]')).waitFor({ timeout: 20_000 });
      // Arquero's own declarations: numRows() returns a number, so assigning it to a string is an error.
      await cell(page, 'u').locator('.squiggly-error').first().waitFor({ timeout: 45_000 });
      await cell(page, 'u').locator('.view-line').first().hover({ position: { x: 40, y: 8 } });
      await waitForText(page.locator('.monaco-hover').first(), "Type 'number' is not assignable to type 'string'", 15_000);
      await typeCode(page, 'v', 't.colu');
      await page.keyboard.press('Control+Space');
      await waitForText(page.locator('.suggest-widget'), 'columnNames', 20_000);
    });
    await page.close();
  }, 90_000);

  it('stops a runaway cell without reloading the page', async () => {
    const id = await create('Runaway', notebook('Runaway', fence('x', 'const x = 1'), fence('spin', 'while (true) {}'), fence('y', 'const y = x + 1'),
      // The sandbox may not call the API with the user's session (server CSP: connect-src 'none').
      fence('leak', 'const leak = await fetch("/api/notebooks").then((r) => "reached the API: " + r.status, (e) => "blocked: " + e.name)')));
    const page = await open(id);
    await step(page, 'runaway', async () => {
      await cell(page, 'spin').and(page.locator('[data-status="running"]')).waitFor({ timeout: 20_000 });
      const marker = await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
      await cell(page, 'spin').locator('.stop').click();
      await cell(page, 'spin').and(page.locator('[data-status="cancelled"]')).waitFor({ timeout: 10_000 });
      await waitForText(cell(page, 'y').locator('.outputs'), '2');
      await waitForText(page.locator('.statusbar'), 'sandbox worker #2');
      await waitForText(cell(page, 'leak').locator('.outputs'), 'blocked: TypeError');
      // Same page (no reload), and the new sandbox runs edits.
      expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(marker);
      await typeCode(page, 'x', 'const x = 41');
      await page.keyboard.press('Shift+Enter');
      await waitForText(cell(page, 'y').locator('.outputs'), '42');
    });
    await page.close();
  }, 60_000);

  it('uploads a CSV, previews it and loads it in a cell', async () => {
    const id = await create('Upload', notebook('Upload', fence('c1', 'const one = 1')));
    const page = await open(id);
    await step(page, 'upload', async () => {
      const csv = 'customer,variant,amount\nA1,control,10.5\nA2,personalized,12\nA3,personalized,\n';
      await page.locator('.dataset-file').setInputFiles({ name: 'tiny upload.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      expect(await page.locator('.dataset-name').inputValue()).toBe('tiny_upload');
      await page.locator('button.upload').click();
      await waitForText(page.locator('.dataset-preview'), 'personalized');
      await waitForText(page.locator('.dataset-preview .row-count'), '3 rows');
      await page.locator('.dataset-preview .filter').fill('personalized');
      await waitForText(page.locator('.dataset-preview .row-count'), '2 of 3 rows');
      // The preview is a dialog over the page: close it to reach the sidebar.
      await page.keyboard.press('Escape');
      await page.locator('.dataset-preview-dialog').waitFor({ state: 'detached' });
      await page.locator('[data-dataset="tiny_upload"] .insert').click();
      const inserted = page.locator('.code-cell', { hasText: 'tiny_upload' });
      await inserted.locator('.run').click();
      await inserted.locator('.table-viewer[data-rows="3"]').waitFor({ timeout: 20_000 });
      await waitForText(inserted.locator('.th', { hasText: 'amount' }), '1 missing');
    });
    await page.close();
  }, 60_000);

  it('shows a 1,000,000-row table and scrolls it smoothly', async () => {
    const code = 'const big = aq.table({ id: Float64Array.from({ length: 1e6 }, (_, i) => i), group: Array.from({ length: 1e6 }, (_, i) => "g" + (i % 7)) })';
    const id = await create('Big table', notebook('Big table', fence('big', code)));
    const page = await open(id);
    await step(page, 'million-rows', async () => {
      const t0 = Date.now();
      const lap = (label: string) => console.log(`1M rows: ${label} at ${Date.now() - t0} ms`);
      const viewer = cell(page, 'big').locator('.table-viewer[data-rows="1000000"]');
      await viewer.waitFor({ timeout: 60_000 });
      lap('viewer shown');
      await waitForText(viewer.locator('.row-count'), '1,000,000 rows');
      // Only the rows in view exist in the page.
      expect(await viewer.locator('.tr').count()).toBeLessThan(100);
      const scroller = viewer.locator('.scroller');
      const started = Date.now();
      for (const fraction of [0.25, 0.5, 0.75, 1]) {
        await scroller.evaluate((el, f) => (el.scrollTop = (el.scrollHeight - el.clientHeight) * f), fraction);
        await page.waitForTimeout(50);
      }
      await waitForText(viewer.locator('.tbody'), '999999', 10_000);
      expect(Date.now() - started).toBeLessThan(8000);
      lap('scrolled to the end');
      // Sort descending by id: the worker sorts, the page gets one page.
      await viewer.locator('.th', { hasText: 'id' }).first().click();
      await viewer.locator('.th', { hasText: 'id' }).first().click();
      await waitForText(viewer.locator('.tr').first(), '999999', 20_000);
      lap('sorted');
      await waitForText(viewer.locator('.th', { hasText: 'group' }), '7 distinct', 20_000);
    });
    await page.close();
  }, 120_000);

  it('saves with Ctrl-S and finds the edit after a reload', async () => {
    const id = await create('Save me', notebook('Save me', fence('s', 'const s = "before"')));
    const page = await open(id);
    await step(page, 'save-reload', async () => {
      await waitForText(cell(page, 's').locator('.outputs'), 'before');
      await typeCode(page, 's', 'const s = "after the edit"');
      await page.locator('.dirty:not([hidden])').waitFor();
      await page.keyboard.press('Control+S');
      await page.locator('.dirty[hidden]').waitFor({ state: 'attached', timeout: 10_000 });
      await page.reload();
      await waitForText(cell(page, 's').locator('.view-lines'), 'after the edit');
      await waitForText(cell(page, 's').locator('.outputs'), 'after the edit');
      const saved = (await wb.asAdmin('GET', `/api/notebooks/${id}`)).body as { source: string; version: number };
      expect(saved.source).toContain('const s = "after the edit"');
      expect(saved.version).toBe(2);
      // Exports: the notebook file and a self-contained HTML report, built in the page.
      const [markdown] = await Promise.all([page.waitForEvent('download'), page.locator('.export-md').click()]);
      expect(markdown.suggestedFilename()).toBe('save-me.lb.md');
      expect(readFileSync((await markdown.path())!, 'utf8')).toBe(saved.source);
      const [report] = await Promise.all([page.waitForEvent('download'), page.locator('.export-html').click()]);
      const html = readFileSync((await report.path())!, 'utf8');
      expect(html).toContain('<title>Save me</title>');
      expect(html).toContain('<h1>Save me</h1>');
      expect(html).toContain('after the edit');
    });
    await page.close();
  }, 60_000);
});
