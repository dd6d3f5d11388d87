import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cell, hasChromium, step, typeCode, waitForText, fence, notebook, startWorkbench, type Workbench } from './harness.js';

// Issue 12: which cells feed a cell and which it feeds, from the runtime's graph, with a way to
// go to each, and the whole notebook as a graph.

describe.skipIf(!hasChromium)('dependency view in the browser', () => {
  let wb: Workbench;

  beforeAll(async () => {
    wb = await startWorkbench();
  }, 240_000);

  afterAll(() => wb?.close());

  const inView = (page: Page, id: string) => cell(page, id).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top < innerHeight && box.bottom > 0;
  });
  const targets = (page: Page, list: string) => page.locator(`.dependency-popover ${list} .dep-item`).evaluateAll((els) => els.map((e) => e.getAttribute('data-target')));

  it('lists the cells a cell reads from and feeds, goes to one on click, and draws the whole graph', async () => {
    // Filler prose between the cells, so going to a cell means scrolling.
    const filler = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} of the notes.\n`).join('\n');
    const source = notebook('Deps',
      fence('load', 'const orders = [10, 20, 30]'),
      fence('notes', 'const text = "free-standing"'),
      fence('sum', 'const revenue = orders.reduce((a, b) => a + b, 0)\nconst count = orders.length'),
      filler,
      fence('chart', 'const average = revenue / count + orders.length * 0'));
    const page = await wb.openNew('Deps', source);
    await step(page, 'dependency-popover', async () => {
      await waitForText(cell(page, 'chart').locator('.outputs'), '20');
      await cell(page, 'sum').locator('.deps').click();
      const popover = page.locator('.dependency-popover[data-cell-deps="sum"]');
      await popover.waitFor();
      expect(await targets(page, '.dep-upstream-list')).toEqual(['load']);
      await waitForText(popover.locator('.dep-upstream-list [data-target="load"]'), 'gives orders');
      expect(await targets(page, '.dep-downstream-list')).toEqual(['chart']);
      await waitForText(popover.locator('.dep-downstream-list [data-target="chart"]'), 'reads revenue, count');
      // The related cells are marked in the notebook; the unrelated one is not.
      expect(await cell(page, 'load').getAttribute('class')).toContain('dep-upstream');
      expect(await cell(page, 'chart').getAttribute('class')).toContain('dep-downstream');
      expect(await cell(page, 'notes').getAttribute('class')).not.toMatch(/dep-/);
      // Going to a cell: the popover closes, the cell scrolls into view.
      expect(await inView(page, 'chart')).toBe(false);
      await popover.locator('[data-target="chart"] .dep-go').click();
      await popover.waitFor({ state: 'detached' });
      await expect.poll(() => inView(page, 'chart')).toBe(true);
      expect(await cell(page, 'load').getAttribute('class')).not.toMatch(/dep-upstream/);
      // chart reads two cells directly; load has nothing upstream and feeds two.
      await cell(page, 'chart').locator('.deps').click();
      expect(await targets(page, '.dep-upstream-list')).toEqual(['load', 'sum']);
      await page.locator('.dependency-popover .dep-none').waitFor();
      await page.keyboard.press('Escape');
      await page.locator('.dependency-popover').waitFor({ state: 'detached' });
    });

    await step(page, 'dependency-graph', async () => {
      await cell(page, 'chart').locator('.deps').click();
      await page.locator('.dependency-popover .dep-whole').click();
      const dialog = page.locator('.dependency-graph-dialog');
      await dialog.locator('svg .dep-node').first().waitFor();
      expect(await dialog.locator('.dep-node').evaluateAll((els) => els.map((e) => e.getAttribute('data-node')))).toEqual(['load', 'notes', 'sum', 'chart']);
      const edges = await dialog.locator('.dep-edge').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-from')}→${e.getAttribute('data-to')}`).sort());
      expect(edges).toEqual(['load→chart', 'load→sum', 'sum→chart']);
      // Left to right by depth: load, then sum, then chart.
      const x = async (id: string) => (await dialog.locator(`[data-node="${id}"]`).boundingBox())!.x;
      expect(await x('load')).toBeLessThan(await x('sum'));
      expect(await x('sum')).toBeLessThan(await x('chart'));
      await dialog.locator('[data-node="load"]').click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => inView(page, 'load')).toBe(true);
    });

    await step(page, 'dependency-follows-edits', async () => {
      // notes now reads revenue: sum feeds it too.
      await typeCode(page, 'notes', 'const text = "total " + revenue');
      await page.keyboard.press('Shift+Enter');
      await waitForText(cell(page, 'notes').locator('.outputs'), 'total 60');
      await cell(page, 'sum').locator('.deps').click();
      expect(await targets(page, '.dep-downstream-list')).toEqual(['notes', 'chart']);
      await page.keyboard.press('Escape');
    });
    await page.close();
  }, 120_000);
});
