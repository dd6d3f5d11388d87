import { describe, expect, it } from 'vitest';
import { parseNotebook } from '../../notebook/format.js';
import { notebookReportHtml } from './notebook-report.js';
import { recipeReportHtml } from './recipe-report.js';

// The builder is tested in notebook/report/; here only what the CLI wires in: the title rule with
// the file name as fallback, Plot on linkedom, the sanitizer on jsdom.

describe('notebookReportHtml', () => {
  it('titles the report by the notebook, else by the file name, and draws and sanitizes under Node', async () => {
    const doc = parseNotebook('Prose <img src=x onerror="alert(1)">\n\n```js id=c\nchart\n```\n');
    const chart = { kind: 'chart' as const, spec: { title: 'Bars', marks: [{ mark: 'barY', data: [{ k: 'a', n: 2 }], options: { x: 'k', y: 'n' } }] } };
    const html = await notebookReportHtml(doc, { c: { status: 'done', value: chart } }, { title: 'q3-review' });
    expect(html).toContain('<title>q3-review</title>');
    expect(html).toContain('<h1>q3-review</h1>');
    expect(html).toMatch(/<figure[^>]*><h2>Bars<\/h2><svg/);
    expect(html).toContain('<img src="x">');
    expect(html).not.toContain('onerror');
    expect(await notebookReportHtml(parseNotebook('## Setup\n'), {})).toContain('<title>Notebook</title>');
    expect(await notebookReportHtml(parseNotebook('---\ntitle: Stated\n---\n# Heading\n'), {}, { title: 'file' })).toContain('<title>Stated</title>');
  });
});

describe('recipeReportHtml', () => {
  it('renders a recipe result JSON with its resolved parameters, its row arrays as tables', async () => {
    const html = await recipeReportHtml({
      recipe: 'lift',
      params: { alpha: 0.05 },
      metrics: { units: 4 },
      tables: { comparisons: [{ metric: 'converted', variant: 'b', effect: 0.1, ci_low: 0.02, ci_high: 0.18 }] },
      charts: [{ id: 'x', title: 'Lift', marks: [{ mark: 'ruleX', data: [{ x: 0 }], options: { x: 'x' } }] }],
      notes: ['b wins'],
    });
    expect(html).toContain('<title>Recipe lift</title>');
    expect(html).toContain('<svg');
    expect(html).toContain('&quot;alpha&quot;: 0.05');
    expect(html).toContain('comparisons · 1 row');
    expect(html).toContain('<th>metric</th><th>variant</th><th class="num">effect</th>');
    expect(html).toContain('<div class="value">+10.0%</div>');
  });
});
