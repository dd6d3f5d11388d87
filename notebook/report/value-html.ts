import type { ChartSpecLike } from '../render-chart.js';
import type { ValueSummary } from '../types.js';
import { chartHtml, recipeResultHtml, rowsTable } from './blocks.js';
import { escapeHtml } from './escape-html.js';
import type { ReportEnv } from './types.js';

/**
 * One cell output, as the worker summarized it, in static HTML: tables (first rows and the row
 * count), charts as inline SVG, recipe results as headlines, cards, notes, charts and tables, HTML
 * output through the sanitizer, an input as the value the run used, errors readable.
 *
 * @example
 * valueHtml({ kind: 'text', text: 'hello' }, env); // → '<pre class="text">hello</pre>'
 */
export function valueHtml(summary: ValueSummary | undefined, env: ReportEnv): string {
  if (!summary) return '';
  switch (summary.kind) {
    case 'undefined':
      return '';
    case 'text':
    case 'function':
      return `<pre class="text">${escapeHtml(summary.text)}</pre>`;
    case 'json':
      return `<pre class="text">${escapeHtml(JSON.stringify(summary.json, null, 2) ?? 'undefined')}${summary.truncated ? '\n…' : ''}</pre>`;
    case 'table':
      return rowsTable(summary);
    case 'chart':
      return chartHtml(summary.spec as ChartSpecLike, env);
    case 'recipe-result':
      return recipeResultHtml(summary, env);
    case 'html':
      return `<div class="html-output">${env.sanitize(summary.html)}</div>`;
    case 'input':
      // A report is static: an input shows as its label and the value it had (headless: its initial one).
      return `<div class="input"><span class="input-label">${escapeHtml(summary.input.label ?? summary.input.type)}</span> <b>${escapeHtml(summary.text)}</b></div>`;
    case 'declared':
      return `<dl class="declared">${summary.values.map(({ name, value }) => `<div><dt>${escapeHtml(name)}</dt><dd>${valueHtml(value, env)}</dd></div>`).join('')}</dl>`;
    case 'error':
      return `<div class="error">${escapeHtml(summary.name && summary.name !== 'Error' ? `${summary.name}: ${summary.message}` : summary.message)}</div>`;
  }
}
