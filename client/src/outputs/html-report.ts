import * as Plot from '@observablehq/plot';
import { cellSource } from '../../../notebook/format.js';
import { hasMath, renderMarkdown } from '../../../notebook/markdown.js';
import { REPORT_PROSE_CSS } from '../../../notebook/math-css.js';
import type { NotebookDoc, ValueSummary } from '../../../notebook/types.js';
import { renderChart, type ChartSpecLike } from '../../../notebook/render-chart.js';
import type { CellUiState } from '../cells/cell-status.js';
import { headlines } from '../../../notebook/recipe-headlines.js';
import { formatMetricValue } from '../../../notebook/value-format.js';
import { reportCspMeta } from '../../../notebook/sanitize-html.js';
import { safeHtmlText } from './safe-html.js';
import { formatCell } from './table-source.js';

const REPORT_ROWS = 50;

/**
 * A self-contained HTML report of the notebook as it ran: prose (with math and tables rendered as
 * in the workbench), each cell's code (folded) and its outputs as static tables, SVG charts, metric
 * cards and notes. Opens anywhere, needs no server; its Content-Security-Policy lets nothing in it
 * run or fetch, so a report with math carries KaTeX's stylesheet and core fonts inline (loaded on
 * demand, hence async).
 *
 * @example
 * download('report.html', await htmlReport(doc, 'Email lift', states), 'text/html');
 */
export async function htmlReport(doc: NotebookDoc, title: string, states: Map<string, CellUiState>): Promise<string> {
  const body: string[] = [`<h1 class="report-title">${escape(title)}</h1>`, `<p class="meta">Report generated ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by liftbook.</p>`];
  for (const block of doc.blocks) {
    if (block.kind === 'prose') {
      if (block.text.trim()) body.push(`<section class="prose">${safeHtmlText(renderMarkdown(block.text))}</section>`);
      continue;
    }
    const state = states.get(block.id);
    const outputs = [...(state?.displays ?? []), ...(state?.value ? [state.value] : [])].map(staticOutput).join('');
    const error = state?.error ? `<div class="error">${escape(state.error.message)}${state.error.line ? ` (line ${state.error.line})` : ''}</div>` : '';
    // A SQL cell's query is what it says: shown open, with the source it ran on.
    const summary = block.lang === 'sql' ? `SQL · ${escape(block.id)} · on ${escape(cellSource(block).source ?? 'local')}` : `Code · ${escape(block.id)}`;
    body.push(`<section class="cell"><details${block.lang === 'sql' ? ' open' : ''}><summary>${summary}</summary><pre><code>${escape(block.code)}</code></pre></details>${outputs}${error}</section>`);
  }
  const html = body.join('\n');
  const mathCss = hasMath(html) ? `<style>${(await import('./report-math-css.js')).reportMathCss}</style>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${reportCspMeta()}<title>${escape(title)}</title><style>${REPORT_CSS}${REPORT_PROSE_CSS}</style>${mathCss}</head><body><main>${html}</main></body></html>`;
}

function staticOutput(value: ValueSummary): string {
  switch (value.kind) {
    case 'undefined':
      return '';
    case 'text':
    case 'function':
      return `<pre>${escape(value.text)}</pre>`;
    case 'json':
      return `<pre>${escape(JSON.stringify(value.json, null, 2))}</pre>`;
    case 'error':
      return `<div class="error">${escape(value.message)}</div>`;
    case 'html':
      return `<div class="html">${safeHtmlText(value.html)}</div>`;
    case 'chart':
      return chart(value.spec as ChartSpecLike);
    case 'table':
      return table(value.columns, value.rows, value.numRows);
    case 'input':
      // A report is static: the input as its label and the value it had when the report was made.
      return `<div class="input"><span>${escape(value.input.label ?? value.input.type)}</span> <b>${escape(value.text)}</b></div>`;
    case 'declared':
      return `<dl class="declared">${value.values.map(({ name, value: v }) => `<div><dt>${escape(name)}</dt><dd>${staticOutput(v)}</dd></div>`).join('')}</dl>`;
    case 'recipe-result':
      return [
        `<div class="cards">${headlines(value).map((x) => `<div class="card headline"><span>${escape(x.label)}</span><b>${escape(x.effect)}</b><span>${escape([x.interval ? `interval ${x.interval}` : '', x.chanceToWin ? `chance to win ${x.chanceToWin}` : ''].filter(Boolean).join(' · '))}</span></div>`).join('')}</div>`,
        `<div class="cards">${Object.entries(value.metrics).map(([k, v]) => `<div class="card"><b>${escape(formatMetricValue(k, v))}</b><span>${escape(k.replace(/_/g, ' '))}</span></div>`).join('')}</div>`,
        value.notes.length ? `<ul class="notes">${value.notes.map((n) => `<li>${escape(n)}</li>`).join('')}</ul>` : '',
        value.charts.map((c) => chart(c as ChartSpecLike)).join(''),
        Object.entries(value.tables).map(([name, t]) => (t.kind === 'table' ? `<h4>${escape(name)}</h4>${table(t.columns, t.rows, t.numRows)}` : '')).join(''),
      ].join('');
  }
}

function chart(spec: ChartSpecLike): string {
  try {
    return `<figure>${renderChart(spec, { Plot: Plot as unknown as Record<string, unknown>, document }).outerHTML}</figure>`;
  } catch (error) {
    return `<div class="error">${escape((error as Error).message)}</div>`;
  }
}

function table(columns: string[], rows: Record<string, unknown>[], numRows: number): string {
  const head = columns.map((c) => `<th>${escape(c)}</th>`).join('');
  const body = rows.slice(0, REPORT_ROWS).map((r) => `<tr>${columns.map((c) => `<td>${escape(formatCell(r[c]))}</td>`).join('')}</tr>`).join('');
  const more = numRows > Math.min(rows.length, REPORT_ROWS) ? `<p class="meta">Showing ${Math.min(rows.length, REPORT_ROWS)} of ${numRows.toLocaleString('en-US')} rows.</p>` : '';
  return `<div class="table"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>${more}`;
}

/**
 * Escapes text for HTML.
 *
 * @example
 * escape('<b>'); // → '&lt;b&gt;'
 */
export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const REPORT_CSS = `body{font:15px/1.5 system-ui,sans-serif;color:#1f2328;background:#fff;margin:0}main{max-width:960px;margin:0 auto;padding:32px}
.meta{color:#667;font-size:13px}.cell{margin:18px 0}details summary{color:#667;font-size:12px;cursor:pointer}pre{background:#f6f8fa;padding:10px;overflow:auto;border-radius:6px;font-size:12px}
.table{overflow:auto;max-height:480px;border:1px solid #dde}table{border-collapse:collapse;font-size:12px}th,td{padding:3px 8px;border-bottom:1px solid #eee;text-align:left;white-space:nowrap}th{background:#f6f8fa;position:sticky;top:0}
.cards{display:flex;flex-wrap:wrap;gap:10px}.card{border:1px solid #dde;border-radius:8px;padding:8px 12px;min-width:120px}.card b{display:block;font-size:20px}.card span{color:#667;font-size:12px}
.error{color:#b42318;background:#fef3f2;padding:8px;border-radius:6px}.notes li{margin:4px 0}figure{margin:12px 0}
.input{margin:8px 0;font-size:13px}.input span{color:#667}.declared{margin:8px 0}.declared>div{display:grid;grid-template-columns:max-content 1fr;gap:10px;align-items:baseline}.declared dt{font:600 13px ui-monospace,monospace;color:#555}.declared dd{margin:0}`;
