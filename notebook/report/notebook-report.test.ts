import { describe, expect, it } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { activeParts, XSS_PAYLOADS } from '../../tests/security/xss-payloads.js';
import { parseNotebook } from '../format.js';
import { REPORT_CSP } from '../sanitize-html.js';
import { testReportEnv } from '../test-fixtures/report-env.js';
import type { ValueSummary } from '../types.js';
import { notebookReport } from './notebook-report.js';

const page = (html: string) => new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document;
const table = (columns: string[], rows: Record<string, unknown>[], numRows = rows.length, format?: Record<string, string>): ValueSummary => ({ kind: 'table', columns, types: [], numRows, offset: 0, rows, ...(format ? { format } : {}) });

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
    '',
    '```js id=never',
    'never',
    '```',
  ].join('\n'),
);

const cells = {
  t: { status: 'done' as const, ms: 3, value: table(['a', 'label', 'revenue'], [{ a: 1, label: '<b>x</b>', revenue: 1234.5 }, { a: 2.123456, label: null, revenue: 20 }], 250, { revenue: '$,.0f' }) },
  c: { status: 'done' as const, ms: 1, value: { kind: 'chart' as const, spec: { title: 'Bars', marks: [{ mark: 'barY', data: [{ k: 'a', n: 2 }], options: { x: 'k', y: 'n' } }] } } },
  bad: { status: 'error' as const, ms: 1, error: { message: 'boom is not defined', line: 1, column: 1 } },
  r: {
    status: 'done' as const,
    ms: 40,
    value: {
      kind: 'recipe-result' as const,
      metrics: { srm_p_value: 0.5, units: 12000 },
      tables: {
        variants: table(['variant'], [{ variant: 'control' }]),
        comparisons: table(['metric', 'effect', 'ci_low', 'ci_high', 'chance_to_win', 'significant'], [{ metric: 'converted', effect: 0.2642, ci_low: 0.0432, ci_high: 0.4851, chance_to_win: 0.9905, significant: true }]),
      },
      charts: [{ id: 'e', title: 'Effects', marks: [{ mark: 'dot', data: [{ x: 1, y: 1 }], options: { x: 'x', y: 'y' } }] }, { id: 'x', title: 'Broken', marks: [{ mark: 'plot' }] }],
      notes: ['Sample ratio looks fine & balanced.', 'Too few units in segment new to trust its effect.'],
    },
  },
};

describe('notebookReport', async () => {
  const env = testReportEnv();
  const html = await notebookReport(doc, cells, { title: 'Sales <check>', params: { seed: 42, since: new Date(Date.UTC(2024, 0, 1)) }, generatedAt: new Date(Date.UTC(2025, 0, 2, 9, 30)) }, env);
  const report = page(html);

  it('is one self-contained, escaped document under the report CSP', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(report.head.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe(REPORT_CSP);
    expect(html).toContain('<title>Sales &lt;check&gt;</title>');
    expect(report.querySelector('h1')!.textContent).toBe('Sales <check>');
    expect(report.querySelector('.meta')!.textContent).toBe('Report made 2025-01-02 09:30 UTC by liftbook · parameters: seed = 42, since = 2024-01-01');
    expect(html).not.toMatch(/<script|onerror|javascript:|<link /);
    expect(html).toContain('<strong>bold</strong>');
    // No math, no KaTeX stylesheet: it is not even asked for.
    expect(env.mathCssCalls).toBe(0);
    expect(report.head.querySelectorAll('style')).toHaveLength(1);
  });

  it('shows tables with their first rows and row count, values escaped and formatted by meaning or declared format, raw on hover', () => {
    const t = report.querySelector('#cell-t table')!;
    expect(t.querySelector('caption')!.textContent).toBe('first 2 of 250 rows');
    expect([...t.querySelectorAll('tbody tr:first-child td')].map((td) => td.textContent)).toEqual(['1', '<b>x</b>', '$1,235']);
    const rounded = t.querySelector('tbody tr:nth-child(2) td')!;
    expect([rounded.textContent, rounded.getAttribute('title'), rounded.className]).toEqual(['2.1235', '2.123456', 'num']);
    expect(t.querySelector('th:nth-child(2)')!.className).toBe('');
  });

  it('shows a recipe result as the workbench does: headline, metric cards, notes, charts as inline SVG, tables', () => {
    const r = report.querySelector('#cell-r')!;
    expect(r.querySelector('.cell-head')!.textContent).toBe('r · recipe lift · done · 40 ms');
    const headline = r.querySelector('.card.headline')!;
    expect(headline.className).toBe('card headline significant');
    expect([...headline.children].map((e) => e.textContent)).toEqual(['converted', '+26.4%', 'interval 4.3% to 48.5% · chance to win 99.1%', 'a real difference']);
    expect([...r.querySelectorAll('.cards:not(.headlines) .card')].map((c) => `${c.getAttribute('title')}=${c.querySelector('.value')!.textContent}`)).toEqual(['srm_p_value=0.5', 'units=12,000']);
    expect([...r.querySelectorAll('.notes li')].map((li) => li.className)).toEqual(['', 'warning']);
    expect(r.querySelector('figure h2')!.textContent).toBe('Effects');
    expect(r.querySelector('.error')!.textContent).toMatch(/^Could not draw Broken: .*"plot", which is not an Observable Plot mark/);
    expect([...r.querySelectorAll('caption')].map((c) => c.textContent)).toEqual(['variants · 1 row', 'comparisons · 1 row']);
    expect(report.querySelectorAll('svg')).toHaveLength(2);
    expect(report.querySelector('#cell-c figure h2')!.textContent).toBe('Bars');
  });

  it('shows errors on the failing cell, and a cell that never ran as idle', () => {
    expect(html).toMatch(/<section class="cell error" id="cell-bad">.*boom is not defined \(line 1, column 1\)/s);
    expect(report.querySelector('#cell-never .cell-head')!.textContent).toBe('never · idle');
  });
});

describe('notebookReport: prose, outputs and SQL', () => {
  it('keeps no active markup from prose or a cell\'s HTML output', async () => {
    const hostile = parseNotebook([...XSS_PAYLOADS.map((p) => `Prose ${p} end.\n`), '```js id=shown', 'display(x)', '```'].join('\n'));
    const html = await notebookReport(hostile, { shown: { status: 'done', displays: XSS_PAYLOADS.map((h) => ({ kind: 'html', html: h })) } }, { title: 'Hostile' }, testReportEnv());
    const body = page(html).body;
    expect(body.querySelectorAll('.html-output')).toHaveLength(XSS_PAYLOADS.length);
    expect(activeParts(body.innerHTML)).toEqual([]);
    expect(body.textContent).toContain('restyled');
  });

  it('renders math and numeric Markdown tables, carries the math stylesheet once, and leaves out an <h1> the prose already has', async () => {
    const env = testReportEnv();
    const text = ['# Uplift', '', 'Lift is $\\frac{p_B}{p_A} - 1$; it cost $5 and $10.', '', '| arm | users |', '| --- | --- |', '| A | 1,200 |'].join('\n');
    const report = page(await notebookReport(parseNotebook(text), {}, { title: 'Uplift' }, env));
    expect(report.querySelector('.prose p .katex annotation')!.textContent).toBe('\\frac{p_B}{p_A} - 1');
    expect(report.querySelector('.md-table td.num')!.textContent).toBe('1,200');
    expect(env.mathCssCalls).toBe(1);
    expect([...report.head.querySelectorAll('style')].map((s) => s.textContent)[1]).toBe('.katex{/* test math css */}');
    expect([...report.querySelectorAll('h1')].map((h) => h.textContent)).toEqual(['Uplift']);
  });

  it('shows inputs by the value used, declared names with their values, JSON, and a SQL query open with its source', async () => {
    const sqlDoc = parseNotebook('```sql id=weekly source=wh\nSELECT week, count(*) AS n FROM units WHERE arm = ${arm} GROUP BY 1\n```\n\n```js id=d\nconst a = 1\n```\n');
    const html = await notebookReport(sqlDoc, {
      weekly: {
        status: 'done',
        ms: 12,
        displays: [{ kind: 'text', text: 'Only the first 2 rows are here: the result has more and was cut at the row cap (2).' }],
        value: table(['week', 'n'], [{ week: '2025-W01', n: 3 }, { week: '2025-W02', n: 4 }]),
      },
      d: {
        status: 'done',
        displays: [{ kind: 'input', key: '0', input: { type: 'range', label: 'Weeks' } as never, value: 6, text: '6', fingerprint: 'f' }],
        value: { kind: 'declared', values: [{ name: 'a', value: { kind: 'json', json: { b: [1] } } }, { name: 'e', value: { kind: 'error', name: 'TypeError', message: 'no' } }] },
      },
    }, { title: 'SQL' }, testReportEnv());
    expect(html).toContain('weekly · SQL on wh · done · 12 ms');
    expect(html).toContain('<details class="code" open><summary>SQL</summary><pre>SELECT week, count(*) AS n FROM units WHERE arm = ${arm} GROUP BY 1</pre></details>');
    expect(html).toContain('2025-W02');
    expect(html).toContain('cut at the row cap (2)');
    expect(html).toContain('<div class="input"><span class="input-label">Weeks</span> <b>6</b></div>');
    expect(html).toContain('<dt>a</dt><dd><pre class="text">{\n  &quot;b&quot;: [\n    1\n  ]\n}</pre></dd>');
    expect(html).toContain('<div class="error">TypeError: no</div>');
  });

  it('says when a declared column format is not one, and shows the column as is', async () => {
    const html = await notebookReport(parseNotebook('```js id=t\nt\n```\n'), { t: { status: 'done', value: table(['revenue'], [{ revenue: 1234.5 }], 1, { revenue: 'nonsense!' }) } }, { title: 'x' }, testReportEnv());
    expect(html).toContain('<td class="num" title="1234.5">1,234.50</td>');
    expect(html).toContain('The format &quot;nonsense!&quot; of column &quot;revenue&quot; is not a d3-format specifier');
  });
});
