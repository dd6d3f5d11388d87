import type { ValueSummary } from '../../notebook/types.js';
import type { ChartSpecLike } from '../../notebook/render-chart.js';
import { recipeResultHtml, rowsTable } from './blocks.js';
import { chartHtml } from './chart-svg.js';
import { escapeHtml } from './format-value.js';
import { sanitizeHtml } from './sanitize.js';

/**
 * HTML for one cell output as the notebook worker summarizes it: tables as HTML tables (first
 * rows + row count), chart specs as inline SVG, recipe results as cards + charts + tables +
 * notes, DOM output (e.g. a Plot figure made in the cell) sanitized, errors readable.
 *
 * @example
 * valueHtml({ kind: 'text', text: 'hello' }); // → '<pre class="text">hello</pre>'
 */
export function valueHtml(summary: ValueSummary | undefined): string {
  if (!summary) return '';
  switch (summary.kind) {
    case 'undefined':
      return '';
    case 'text':
      return `<pre class="text">${escapeHtml(summary.text)}</pre>`;
    case 'function':
      return `<pre class="text">${escapeHtml(summary.text)}</pre>`;
    case 'json':
      return `<pre class="text">${escapeHtml(JSON.stringify(summary.json, null, 2) ?? 'undefined')}${summary.truncated ? '\n…' : ''}</pre>`;
    case 'table':
      return rowsTable(summary.rows, { columns: summary.columns, numRows: summary.numRows });
    case 'chart':
      return chartHtml(summary.spec as ChartSpecLike);
    case 'recipe-result':
      return recipeResultHtml({
        metrics: summary.metrics,
        notes: summary.notes,
        charts: summary.charts as ChartSpecLike[],
        tables: Object.fromEntries(
          Object.entries(summary.tables).map(([name, t]) =>
            t.kind === 'table' ? [name, { rows: t.rows, numRows: t.numRows, columns: t.columns }] : [name, { rows: [], numRows: 0 }],
          ),
        ),
      });
    case 'html':
      return `<div class="html-output">${sanitizeHtml(summary.html)}</div>`;
    case 'input':
      // Headless, an input keeps its initial value: the report says which value the run used.
      return `<div class="input"><span class="input-label">${escapeHtml(summary.input.label ?? summary.input.type)}</span> <b>${escapeHtml(summary.text)}</b></div>`;
    case 'declared':
      return `<dl class="declared">${summary.values
        .map(({ name, value }) => `<div><dt>${escapeHtml(name)}</dt><dd>${valueHtml(value)}</dd></div>`)
        .join('')}</dl>`;
    case 'error':
      return `<div class="error">${escapeHtml(summary.name ? `${summary.name}: ${summary.message}` : summary.message)}</div>`;
  }
}
