import * as aq from 'arquero';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generateShop } from '../../datasets/shop/index.js';
import { runRecipe } from '../../recipes/define-recipe.js';
import { lift } from '../../recipes/lift/index.js';
import { segments } from '../../recipes/segments/index.js';
import type { ChartSpec } from '../../recipes/types.js';
import { hasChromium, launchBrowser, ROOT } from './harness.js';

// The recipes' charts drawn by the client's chart view in Chromium at the widths a cell takes,
// checked for overlapping labels and legend swatches with no marks (see chart-checks.ts).
const WIDTHS = [420, 720, 1100];

async function recipeCharts(): Promise<ChartSpec[]> {
  const shop = generateShop({ seed: 42, customers: 4000 });
  const units = aq.from(shop.tables.units);
  const twoArms = await runRecipe(lift, {
    inputs: { units },
    params: {
      metrics: ['converted', 'revenue', { name: 'aov', numerator: 'revenue', denominator: 'orders' }],
      covariates: { revenue: 'pre_revenue' },
    },
  });
  // A third arm: the control gets a colour of its own in every chart, but no effect of its own.
  const threeArms = aq.from(shop.tables.units.map((u, i) => ({ ...(u as Record<string, unknown>), variant: u.variant === 'control' || i % 2 ? u.variant : 'personalized_v2' })));
  const third = await runRecipe(lift, { inputs: { units: threeArms }, params: { metrics: ['converted', 'revenue'], difference: 'absolute' } });
  const bySegment = await runRecipe(segments, { inputs: { units }, params: { margin: 0.3 } });
  const bySegmentThree = await runRecipe(segments, { inputs: { units: threeArms }, params: {} });
  const all = [twoArms, third, bySegment, bySegmentThree].flatMap(({ result }, run) => result.charts.map((c) => ({ ...c, id: `${['lift', 'lift-3', 'segments', 'segments-3'][run]}/${c.id}` })));
  return JSON.parse(JSON.stringify(all)) as ChartSpec[];
}

describe.skipIf(!hasChromium)('recipe charts in the browser', () => {
  let browser: Browser;
  let page: Page;
  let charts: ChartSpec[];

  beforeAll(async () => {
    const [bundle, specs, launched] = await Promise.all([
      build({ entryPoints: [`${ROOT}tests/browser/chart-page.ts`], bundle: true, format: 'iife', write: false, logLevel: 'silent' }),
      recipeCharts(),
      launchBrowser(),
    ]);
    [charts, browser] = [specs, launched];
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.setContent('<!doctype html><html><body><main id="cells"></main></body></html>');
    await page.addStyleTag({ path: `${ROOT}client/src/shell/styles.css` });
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('has the charts this test means to check', () => {
    const ids = charts.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['lift/effects', 'lift-3/effects', 'segments/segment-lift', 'segments/segment-heatmap', 'segments/segment-bars', 'segments-3/segment-lift']));
  });

  it('draws every chart without overlapping labels or legend swatches without marks, at every cell width', async () => {
    const problems = await page.evaluate(
      async ({ charts, widths }) => {
        const w = window as unknown as { chartView: (spec: unknown) => HTMLElement; chartProblems: (el: Element, name: string) => string[] };
        const found: string[] = [];
        for (const width of widths) {
          for (const spec of charts) {
            const cell = document.createElement('div');
            cell.style.width = `${width}px`;
            document.getElementById('cells')!.replaceChildren(cell);
            cell.append(w.chartView(spec));
            // The view draws again at its cell's width once the ResizeObserver reports it.
            await new Promise((r) => setTimeout(r, 60));
            await new Promise((r) => requestAnimationFrame(r));
            found.push(...w.chartProblems(cell, `${spec.id} at ${width}px`));
          }
        }
        return found;
      },
      { charts, widths: WIDTHS },
    );
    expect(problems).toEqual([]);
  }, 120_000);

  it('catches what it looks for: overlapping labels and a swatch without marks', async () => {
    const overlap: ChartSpec = {
      id: 'bad', title: 'bad',
      marks: [
        { mark: 'text', data: [{ x: 5, y: 5, t: 'one label' }, { x: 5, y: 5, t: 'another label' }], options: { x: 'x', y: 'y', text: 't' } },
        { mark: 'dot', data: [{ x: 0, y: 0, v: 'a' }, { x: 10, y: 10, v: 'a' }], options: { x: 'x', y: 'y', fill: 'v' } },
      ],
      color: { legend: true, domain: ['a', 'b'] },
    };
    const problems = await page.evaluate((spec) => {
      const w = window as unknown as { chartView: (spec: unknown) => HTMLElement; chartProblems: (el: Element, name: string) => string[] };
      const cell = document.createElement('div');
      cell.style.width = '600px';
      document.getElementById('cells')!.replaceChildren(cell);
      cell.append(w.chartView(spec));
      return w.chartProblems(cell, 'bad');
    }, overlap);
    expect(problems).toEqual(expect.arrayContaining(['bad: "one label" overlaps "another label"', expect.stringMatching(/^bad: legend swatch "b" \(.+\) has no marks$/)]));
    expect(problems.some((p) => p.includes('swatch "a"'))).toBe(false);
  });
});
