import { describe, expect, it } from 'vitest';
import { parseNotebook } from '../../notebook/format.js';
import { notebookReportHtml } from './notebook-report.js';
import { recipeReportHtml } from './recipe-report.js';

const doc = parseNotebook(
  [
    '---',
    'title: Sales <check>',
    '---',
    'Some **bold** prose with <img src=x onerror="alert(1)"> and a [link](javascript:alert(1)).',
    '',
    '```js id=t',
    'const t = aq.table({ a: [1, 2] })',
    '```',
    '',
    '```js id=c',
    'chart',
    '```',
    '',
    '```js id=bad',
    'boom()',
    '```',
    '',
    '```js id=r recipe=lift',
    'const r = await recipe("lift", { units: t })',
    '```',
  ].join('\n'),
);

describe('notebookReportHtml', () => {
  const html = notebookReportHtml(
    doc,
    {
      t: { status: 'done', ms: 3, value: { kind: 'table', columns: ['a', 'label'], types: ['number', 'string'], numRows: 250, offset: 0, rows: [{ a: 1, label: '<b>x</b>' }, { a: 2.123456, label: null }] } },
      c: { status: 'done', ms: 1, value: { kind: 'chart', spec: { title: 'Bars', marks: [{ mark: 'barY', data: [{ k: 'a', n: 2 }], options: { x: 'k', y: 'n' } }] } } },
      bad: { status: 'error', ms: 1, error: { message: 'boom is not defined', line: 1, column: 1 } },
      r: {
        status: 'done',
        ms: 40,
        value: {
          kind: 'recipe-result',
          metrics: { srm_p_value: 0.5, units: 10 },
          tables: { variants: { kind: 'table', columns: ['variant'], types: ['string'], numRows: 1, offset: 0, rows: [{ variant: 'control' }] } },
          charts: [{ id: 'e', title: 'Effects', marks: [{ mark: 'dot', data: [{ x: 1, y: 1 }], options: { x: 'x', y: 'y' } }] }],
          notes: ['Sample ratio looks fine & balanced.'],
        },
      },
    },
    { params: { seed: 42 }, generatedAt: new Date(Date.UTC(2025, 0, 2)) },
  );

  it('is one self-contained, escaped document', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>Sales &lt;check&gt;</title>');
    expect(html).toContain('Run 2025-01-02T00:00:00.000Z · parameters: seed = 42');
    expect(html).not.toMatch(/<script|onerror|javascript:|<link /);
    expect(html).toContain('<strong>bold</strong>');
  });

  it('shows tables with their first rows and row count, values escaped', () => {
    expect(html).toContain('first 2 of 250 rows');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).toContain('<td class="num">2.123</td>');
  });

  it('draws chart specs and recipe charts as inline SVG, with metric cards and notes', () => {
    expect(html).toContain('<h2>Bars</h2>');
    expect(html).toContain('<h2>Effects</h2>');
    expect((html.match(/<svg/g) ?? []).length).toBe(2);
    expect(html).toMatch(/<div class="name">srm_p_value<\/div><div class="value">0.5<\/div>/);
    expect(html).toContain('Sample ratio looks fine &amp; balanced.');
  });

  it('shows errors on the failing cell', () => {
    expect(html).toMatch(/<section class="cell error" id="cell-bad">.*boom is not defined \(line 1, column 1\)/s);
  });
});

describe('recipeReportHtml', () => {
  it('renders a recipe result with its resolved parameters', () => {
    const html = recipeReportHtml({
      recipe: 'lift',
      params: { alpha: 0.05 },
      metrics: { units: 4 },
      tables: { comparisons: [{ variant: 'b', effect: 0.1 }] },
      charts: [{ id: 'x', title: 'Lift', marks: [{ mark: 'ruleX', data: [{ x: 0 }], options: { x: 'x' } }] }],
      notes: ['b wins'],
    });
    expect(html).toContain('<title>Recipe lift</title>');
    expect(html).toContain('<svg');
    expect(html).toContain('&quot;alpha&quot;: 0.05');
    expect(html).toContain('comparisons · 1 row');
  });
});

describe('SQL cells in the report', () => {
  it('show their query open, the source they ran on, the result table and a truncation note', () => {
    const sqlDoc = parseNotebook('```sql id=weekly source=wh\nSELECT week, count(*) AS n FROM units WHERE arm = ${arm} GROUP BY 1\n```\n');
    const html = notebookReportHtml(sqlDoc, {
      weekly: {
        status: 'done',
        ms: 12,
        displays: [{ kind: 'text', text: 'Only the first 2 rows are here: the result has more and was cut at the row cap (2).' }],
        value: { kind: 'table', columns: ['week', 'n'], types: ['string', 'number'], numRows: 2, offset: 0, rows: [{ week: '2025-W01', n: 3 }, { week: '2025-W02', n: 4 }] },
      },
    });
    expect(html).toContain('weekly · SQL on wh · done · 12 ms');
    expect(html).toContain('<details class="code" open><summary>SQL</summary><pre>SELECT week, count(*) AS n FROM units WHERE arm = ${arm} GROUP BY 1</pre></details>');
    expect(html).toContain('2025-W02');
    expect(html).toContain('cut at the row cap (2)');
  });
});
