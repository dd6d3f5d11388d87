import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cell, fence, hasChromium, step, waitForText, startWorkbench, type Workbench } from './harness.js';

// Inputs in the workbench: `view(Inputs.…)` draws a live input (from a plain description the
// sandbox sends), moving it re-runs the cells that read its name, the input survives those runs
// (a drag is not interrupted), and the notebook's params are inputs too.

const SOURCE = [
  '---',
  'title: Inputs',
  'params:',
  '  base: 100',
  '---',
  '# Inputs',
  '',
  fence('pick', 'const n = view(Inputs.range([1, 10], { step: 1, value: 3, label: "Weeks" }))'),
  fence('arm', 'const arm = view(Inputs.select([{ name: "control" }, { name: "email" }], { label: "Arm", format: (d) => d.name }))'),
  fence('uses', '`${arm.name} over ${n} weeks from ${base}`'),
  fence('runs', 'const runs = (globalThis.__runs = (globalThis.__runs ?? 0) + 1)'),
  fence('rows', 'const picked = view(Inputs.table([{ city: "York", n: 1 }, { city: "Leeds", n: 2 }, { city: "Hull", n: 3 }]))'),
  fence('count', '`${picked.length} rows: ${picked.map((r) => r.city).join(", ")}`'),
  fence('query', 'const q = view(Inputs.text({ label: "Segment", placeholder: "vip" }))'),
  fence('echo', '`segment=${q}`'),
  fence('typed', 'const weeks: number = view(Inputs.range([1, 12], { step: 1 }))\nconst on: boolean = view(Inputs.toggle({ label: "Log" }))', '', 'ts'),
  fence('bad', 'const bad: number = notDefinedAnywhere', '', 'ts'),
].join('\n');

describe.skipIf(!hasChromium)('Inputs and view() in the browser', () => {
  let wb: Workbench;
  let page: Page;

  beforeAll(async () => {
    wb = await startWorkbench();
    page = await wb.openNew('Inputs', SOURCE, { width: 1400, height: 1000 });
  }, 240_000);

  afterAll(() => wb?.close());

  it('dragging a slider re-runs the cells that read it, and the slider is never redrawn under the pointer', async () => {
    await step(page, 'inputs-drag', async () => {
      const uses = cell(page, 'uses').locator('.outputs');
      await waitForText(uses, 'control over 3 weeks from 100');
      const slider = cell(page, 'pick').locator('.cell-inputs input[type=range]');
      expect(await cell(page, 'pick').locator('.cell-inputs label').first().textContent()).toBe('Weeks');
      // Mark the element: if a re-run redrew the input, the mark would be gone.
      await slider.evaluate((el) => ((el as HTMLInputElement & { mark?: number }).mark = 1));
      const box = (await slider.boundingBox())!;
      await page.mouse.move(box.x + 2, box.y + box.height / 2);
      await page.mouse.down();
      for (let i = 1; i <= 12; i++) {
        await page.mouse.move(box.x + (box.width * i) / 12, box.y + box.height / 2);
        await page.waitForTimeout(60);
      }
      // Still held: the cells below followed the drag while it went on.
      await waitForText(uses, 'control over 10 weeks from 100');
      await page.mouse.up();
      expect(await slider.evaluate((el) => (el as HTMLInputElement & { mark?: number }).mark)).toBe(1);
      expect(await slider.inputValue()).toBe('10');
      // A cell that does not read n did not re-run.
      await waitForText(cell(page, 'runs').locator('.outputs'), /^\s*1\s*$/);
    });
  }, 120_000);

  it('a menu, a table selection and a text box bind their values; params are inputs too', async () => {
    await step(page, 'inputs-kinds', async () => {
      await cell(page, 'arm').locator('.cell-inputs select').selectOption({ label: 'email' });
      await waitForText(cell(page, 'uses').locator('.outputs'), 'email over 10 weeks from 100');

      const count = cell(page, 'count').locator('.outputs');
      await waitForText(count, '3 rows: York, Leeds, Hull');
      await cell(page, 'rows').locator('.cell-inputs tbody tr', { hasText: 'Leeds' }).locator('input').click();
      await waitForText(count, '1 rows: Leeds');

      await cell(page, 'query').locator('.cell-inputs input').fill('vip');
      await waitForText(cell(page, 'echo').locator('.outputs'), 'segment=vip');
      // Typing re-runs the cell behind the box, which keeps its element (and the caret).
      expect(await cell(page, 'query').locator('.cell-inputs input').evaluate((el) => el === document.activeElement)).toBe(true);

      const param = page.locator('.params-bar [data-param="base"] input');
      await param.fill('250');
      await param.press('Enter');
      await waitForText(cell(page, 'uses').locator('.outputs'), 'email over 10 weeks from 250');
      // The ⤓ Report download names the values the cells ran with.
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.export-html').click()]);
      expect(readFileSync((await download.path())!, 'utf8')).toContain('parameters: base = 250');
    });
  }, 120_000);

  it('types Inputs and view() in TypeScript cells', async () => {
    await step(page, 'inputs-types', async () => {
      await cell(page, 'typed').and(page.locator('[data-status="done"]')).waitFor({ timeout: 30_000 });
      await cell(page, 'bad').locator('.squiggly-error').first().waitFor({ timeout: 90_000 });
      await page.waitForTimeout(2000);
      expect(await cell(page, 'typed').locator('.squiggly-error').count()).toBe(0);
    });
  }, 150_000);
});
