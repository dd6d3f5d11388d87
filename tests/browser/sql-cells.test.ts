import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cell, hasChromium, ROOT, step, typeCode, waitForText, startWorkbench, type Workbench } from './harness.js';

// SQL cells in the workbench: a query on a bundled dataset whose ${…} reads a JS cell and whose
// result feeds another JS cell, re-running when the value changes; the source picker and the
// Sources panel; completion of table names; a refused query shown on its cell.

// The expected counts straight from the CSV, not through any engine.
const csv = readFileSync(path.join(ROOT, 'datasets/open/online_shoppers_intention_sample.csv'), 'utf8').trim().split('\n');
const header = csv[0].split(',');
const rows = csv.slice(1).map((line) => line.split(','));
const countAtLeast = (min: number) => rows.filter((r) => Number(r[header.indexOf('ProductRelated')]) >= min).length;

const NOTEBOOK = [
  '---',
  'title: SQL cells',
  '---',
  '# SQL cells',
  '',
  '```js id=threshold',
  'const min = 10',
  '```',
  '',
  '```sql id=visitors',
  'SELECT "VisitorType" AS visitor, count(*) AS n',
  'FROM "open/online_shoppers_intention"',
  'WHERE "ProductRelated" >= ${min}',
  'GROUP BY 1 ORDER BY 1',
  '```',
  '',
  '```js id=total',
  'const total = visitors.rollup({ n: op.sum("n") }).get("n", 0)',
  '```',
  '',
  '```sql id=sneaky',
  "SELECT * FROM read_csv('/etc/passwd')",
  '```',
  '',
].join('\n');

describe.skipIf(!hasChromium)('SQL cells in the browser', () => {
  let wb: Workbench;
  let page: Page;

  beforeAll(async () => {
    wb = await startWorkbench();
    page = await wb.openNew('SQL cells', NOTEBOOK);
  }, 240_000);

  afterAll(() => wb?.close());

  it('a SQL cell on a bundled dataset feeds a JS cell, and re-runs when the value it binds changes', async () => {
    await step(page, 'sql-feeds-js', async () => {
      await waitForText(cell(page, 'total').locator('.outputs'), String(countAtLeast(10)), 60_000);
      await waitForText(cell(page, 'visitors').locator('.outputs'), 'Returning_Visitor');
      await expect(cell(page, 'visitors').locator('.table-viewer').count()).resolves.toBe(1);
      await typeCode(page, 'threshold', 'const min = 40');
      await page.keyboard.press('Shift+Enter');
      await waitForText(cell(page, 'total').locator('.outputs'), String(countAtLeast(40)), 60_000);
      expect(countAtLeast(40)).not.toBe(countAtLeast(10));
    });
  }, 120_000);

  it('shows a refused query on its cell, with the reason', async () => {
    await waitForText(cell(page, 'sneaky').locator('.outputs'), 'read_csv() is not allowed', 30_000);
  }, 60_000);

  it('offers the sources in a picker on the cell and lists them in the Sources panel', async () => {
    await step(page, 'sources', async () => {
      const picker = cell(page, 'visitors').locator('select.source-picker');
      await expect(picker.inputValue()).resolves.toBe('local');
      await waitForText(page.locator('.sources-panel .source-list'), 'local');
      await expect(page.locator('.sources-panel .source-form').count()).resolves.toBe(1); // the admin may add sources
      const { status } = await wb.asAdmin('POST', '/api/sources', { name: 'wh', url: 'postgres://reader:pw@127.0.0.1:1/shop' });
      expect(status).toBe(201);
      await page.locator('.sources-panel .test-source').first().click();
      await waitForText(page.locator('.sources-panel .source-status').first(), /answered in \d+ ms/);
    });
  }, 60_000);

  it('completes table names of the cell\'s source in the SQL editor', async () => {
    await step(page, 'completion', async () => {
      await cell(page, 'sneaky').locator('.monaco-editor .view-lines').click();
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText('SELECT * FROM "open/onl');
      await page.keyboard.press('Control+Space');
      await waitForText(page.locator('.suggest-widget'), 'open/online_shoppers_intention', 30_000);
      await page.keyboard.press('Escape');
    });
  }, 60_000);
});
