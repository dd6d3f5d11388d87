import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, hasChromium, step, waitForText, fence, notebook, startWorkbench, type Workbench } from './harness.js';

// What a cell shows: tables whose headers stand over their columns, declared values, inspectors.

const tsFence = (id: string, code: string) => fence(id, code, '', 'ts');

describe.skipIf(!hasChromium)('cell outputs in the browser', () => {
  let wb: Workbench;

  beforeAll(async () => {
    wb = await startWorkbench();
  }, 240_000);

  afterAll(() => wb?.close());

  const open = (title: string, source: string) => wb.openNew(title, source);

  it('lines every table header up with its column (2 to 40 columns, within 1 px)', async () => {
    const widths = [2, 3, 5, 12, 40];
    // Mixed columns: long text (whose header summary is wide), numbers, short codes.
    const tableCode = (n: number) =>
      `const t${n} = aq.table(Object.fromEntries(Array.from({ length: ${n} }, (_, c) => ["column_" + c, ` +
      `Array.from({ length: 1200 }, (_, r) => c % 3 === 0 ? "a rather long customer segment label " + (r % 4) : c % 3 === 1 ? r * 1234.5 : "x" + (r % 2))])))`;
    const page = await open('Columns', notebook('Columns', ...widths.map((n) => fence(`t${n}`, tableCode(n)))));
    await step(page, 'table-alignment', async () => {
      for (const n of widths) {
        const viewer = cell(page, `t${n}`).locator('.table-viewer');
        await viewer.locator('.th .distinct').first().waitFor({ timeout: 60_000 });
        await viewer.locator('.tr').first().waitFor();
        const offsets = await viewer.evaluate((el) => {
          const heads = [...el.querySelectorAll('.thead .th')].map((th) => th.getBoundingClientRect());
          const cells = [...el.querySelectorAll('.tbody .tr')][0]!.querySelectorAll('.td');
          return heads.map((head, i) => {
            const td = cells[i]!.getBoundingClientRect();
            return { left: Math.abs(head.left - td.left), width: Math.abs(head.width - td.width) };
          });
        });
        expect(offsets).toHaveLength(n + 1);
        for (const [i, o] of offsets.entries()) {
          expect({ table: n, column: i, off: o.left <= 1 && o.width <= 1 }).toEqual({ table: n, column: i, off: true });
        }
        // The row index shows every digit (1,200 rows: "1200" fits its column).
        await viewer.locator('.scroller').evaluate((el) => (el.scrollTop = el.scrollHeight));
        await waitForText(viewer.locator('.tbody'), '1200');
        const clipped = await viewer.evaluate((el) => [...el.querySelectorAll('.td.index')].some((td) => td.scrollWidth > td.clientWidth));
        expect(clipped).toBe(false);
      }
    });
    await page.close();
  }, 120_000);

  it('shows the values of a cell that only declares names, and the last expression of one that ends in one', async () => {
    const page = await open(
      'Declared',
      notebook(
        'Declared',
        fence('summary', 'const rows = [{ metric: "converted", effect: 0.031 }]\nconst pct = (x) => (100 * x).toFixed(1) + "%"\nconst verdict = rows.map((r) => r.metric + ": " + pct(r.effect)).join("\\n")'),
        fence('expr', 'const hidden = 20\nhidden * 2 + 2'),
        fence('single', 'const answer = "forty-two"'),
      ),
    );
    await step(page, 'declared-values', async () => {
      const out = cell(page, 'summary').locator('.outputs');
      await out.locator('.declared').waitFor({ timeout: 30_000 });
      await waitForText(out, 'converted: 3.1%');
      const names = await out.locator('.declared-name').allTextContents();
      expect(names).toEqual(['rows', 'pct', 'verdict']);
      await waitForText(cell(page, 'expr').locator('.outputs'), '42');
      await waitForText(cell(page, 'single').locator('.outputs'), 'forty-two');
    });
    await page.close();
  }, 60_000);

  it('runs the recipe the form shows, right after a parameter was typed, under a name that follows the recipe', async () => {
    const page = await open('Recipe switch', notebook('Recipe switch', fence('units', 'const units = await load("shop/units")')));
    await step(page, 'recipe-switch', async () => {
      await cell(page, 'units').and(page.locator('[data-status="done"]')).waitFor({ timeout: 60_000 });
      await page.locator('.insert-bar .add-recipe').last().click({ force: true });
      const recipeCell = page.locator('.code-cell.recipe-cell').last();
      const form = recipeCell.locator('.recipe-form');
      await form.waitFor();
      // A new recipe cell waits for its inputs instead of failing.
      await page.waitForTimeout(1500);
      expect(await recipeCell.locator('.outputs .error').count()).toBe(0);
      expect(await recipeCell.getAttribute('data-status')).not.toBe('error');
      await form.locator('.recipe-picker').selectOption('segments');
      await waitForText(recipeCell.locator('.view-lines'), /const segments = await recipe\("segments"/);
      await form.locator('select[data-input="units"]').selectOption('units');
      await form.locator('input[data-param="min_customers"]').fill('40');
      // Straight from typing to the button: the pending change must reach the code that runs.
      await recipeCell.locator('.run-recipe').click();
      await recipeCell.locator('.metric-card').first().waitFor({ timeout: 90_000 });
      await waitForText(recipeCell.locator('.view-lines'), 'min_customers: 40');
      expect(await recipeCell.locator('.outputs .error').count()).toBe(0);
      expect(await recipeCell.locator('.names').textContent()).toBe('segments');
    });
    await page.close();
  }, 150_000);

  it("types the notebook's params and other cells' names in the editor", async () => {
    const source = `---\ntitle: Typed names\nparams:\n  seed: 42\n  since: 2025-01-01\n---\n# Typed names\n\n` +
      tsFence('bad', 'const bad = notDefinedAnywhere + 1') + '\n' + tsFence('uses', 'const doubled: number = seed * 2\nconst year: number = since.getUTCFullYear()') + '\n' +
      tsFence('later', 'const total: number = doubled + year');
    const page = await open('Typed names', source);
    await step(page, 'typed-params', async () => {
      await cell(page, 'later').and(page.locator('[data-status="done"]')).waitFor({ timeout: 30_000 });
      // The language service is up and reporting: the truly unknown name is flagged ...
      await cell(page, 'bad').locator('.squiggly-error').first().waitFor({ timeout: 45_000 });
      await page.waitForTimeout(2500);
      // ... while params and names from other cells are known.
      expect(await cell(page, 'uses').locator('.squiggly-error').count()).toBe(0);
      expect(await cell(page, 'later').locator('.squiggly-error').count()).toBe(0);
    });
    await page.close();
  }, 90_000);

  it("keeps Plot's interactive marks working in cells: tip, pointer transform, crosshair", async () => {
    const rows = 'const rows = [{ a: "north", b: 1 }, { a: "south", b: 3 }, { a: "east", b: 2 }]';
    const page = await open(
      'Interactive plots',
      notebook(
        'Interactive plots',
        fence('rows', rows),
        fence('tipped', 'Plot.plot({ marks: [Plot.barY(rows, { x: "a", y: "b", tip: true })] })'),
        fence('pointed', 'Plot.plot({ marks: [Plot.dot(rows, { x: "a", y: "b" }), Plot.tip(rows, Plot.pointer({ x: "a", y: "b" })), Plot.crosshair(rows, { x: "a", y: "b" })] })'),
      ),
    );
    await step(page, 'plot-interactions', async () => {
      const bars = cell(page, 'tipped').locator('svg g[aria-label="bar"] rect');
      await bars.first().waitFor({ timeout: 30_000 });
      await bars.nth(1).hover({ force: true });
      await waitForText(cell(page, 'tipped').locator('g[aria-label="tip"]'), 'south', 5000);
      const dots = cell(page, 'pointed').locator('svg g[aria-label="dot"] circle');
      await dots.first().waitFor();
      await dots.nth(2).hover({ force: true });
      await waitForText(cell(page, 'pointed').locator('g[aria-label="tip"]'), 'east', 5000);
      await cell(page, 'pointed').locator('g[aria-label^="crosshair"] *').first().waitFor({ state: 'attached', timeout: 5000 });
    });
    await page.close();
  }, 60_000);

  it('makes results readable: decision headlines, numbers by meaning with raw values, declared formats, CSV and copy, charts that fill the width and download', async () => {
    const page = await open(
      'Readable',
      notebook(
        'Readable',
        fence('t', 'const t = aq.table({ segment: ["students", "collectors"], revenue: [1234.5, 99.125], conversion_rate: [0.0312, 0.5] })'),
        fence('shown', 'display(t, { format: { revenue: "$,.2f" } })'),
        fence('chart', 'Plot.plot({ marks: [Plot.barY(t.objects(), { x: "segment", y: "revenue" })] })'),
        fence('lift', 'const lift = await recipe("lift", { units: await load("shop/units") }, { metrics: ["converted"] })'),
      ),
    );
    await step(page, 'readable-results', async () => {
      // Numbers by meaning, the raw value on hover.
      const plain = cell(page, 't').locator('.table-viewer');
      await waitForText(plain.locator('.tbody'), '1,234.50');
      await waitForText(plain.locator('.tbody'), '3.1%');
      expect(await plain.locator('.td', { hasText: '3.1%' }).getAttribute('title')).toBe('0.0312');
      // The cell's declared format wins.
      await waitForText(cell(page, 'shown').locator('.tbody'), '$1,234.50');
      // CSV of the raw values, and the same rows on the clipboard.
      const [csv] = await Promise.all([page.waitForEvent('download'), plain.locator('.table-csv').click()]);
      expect(readFileSync((await csv.path())!, 'utf8')).toBe('segment,revenue,conversion_rate\r\nstudents,1234.5,0.0312\r\ncollectors,99.125,0.5\r\n');
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: wb.server.url });
      await plain.locator('.table-copy').click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('segment\trevenue\tconversion_rate\r\nstudents\t1234.5\t0.0312\r\ncollectors\t99.125\t0.5\r\n');
      // The chart fills the cell and follows a resize.
      const svg = cell(page, 'chart').locator('.chart svg').first();
      await svg.waitFor({ timeout: 30_000 });
      const outputs = cell(page, 'chart').locator('.outputs');
      const fill = async () => (await svg.boundingBox())!.width / (await outputs.boundingBox())!.width;
      await expect.poll(fill, { timeout: 5000 }).toBeGreaterThan(0.9);
      const before = (await svg.boundingBox())!.width;
      await page.setViewportSize({ width: 1000, height: 900 });
      await expect.poll(async () => (await svg.boundingBox())!.width, { timeout: 5000 }).toBeLessThan(before - 100);
      await expect.poll(fill, { timeout: 5000 }).toBeGreaterThan(0.9);
      await cell(page, 'chart').locator('.chart').hover();
      const [svgFile] = await Promise.all([page.waitForEvent('download'), cell(page, 'chart').locator('.chart-svg').click()]);
      expect(readFileSync((await svgFile.path())!, 'utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      const [pngFile] = await Promise.all([page.waitForEvent('download'), cell(page, 'chart').locator('.chart-png').click()]);
      expect(readFileSync((await pngFile.path())!).subarray(1, 4).toString()).toBe('PNG');
      // The lift result leads with the decision: effect, interval, chance to win.
      const headline = cell(page, 'lift').locator('.headline-card').first();
      await headline.waitFor({ timeout: 90_000 });
      expect(await headline.locator('.headline-label').textContent()).toBe('converted');
      expect(await headline.locator('.headline-effect').textContent()).toMatch(/^[+−-]?\d+\.\d%$/);
      expect(await headline.locator('.headline-interval').textContent()).toMatch(/^interval -?\d+\.\d% to -?\d+\.\d%$/);
      expect(await headline.locator('.headline-chance').textContent()).toMatch(/^chance to win \d+\.\d%$/);
      await cell(page, 'lift').locator('.metric-cards.secondary .metric-card[data-metric="srm_p_value"]').waitFor();
    });
    await page.close();
  }, 180_000);

  it('counts the seconds of a running cell and shows the wall time of a run in the status bar', async () => {
    const page = await open('Timer', notebook('Timer', fence('slow', 'await new Promise((r) => setTimeout(r, 3000))\n"slept"'), fence('quick', 'const quick = 1')));
    await step(page, 'live-timer', async () => {
      await waitForText(cell(page, 'slow').locator('.status'), /running · [1-9]\d* ms|running · \d\.\d+ s/, 20_000);
      await waitForText(cell(page, 'slow').locator('.status'), /running · [12]\.\d+ s/, 10_000);
      await waitForText(cell(page, 'slow').locator('.outputs'), 'slept', 20_000);
      await waitForText(page.locator('.statusbar'), /last run \d\.\d+ s wall time/, 10_000);
    });
    await page.close();
  }, 60_000);
});
