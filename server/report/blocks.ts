import type { ChartSpecLike } from '../../notebook/render-chart.js';
import { chartHtml } from './chart-svg.js';
import { escapeHtml, formatValue } from './format-value.js';

/** Rows shown per table in a report; the rest are counted, not printed. */
export const REPORT_ROWS = 20;

/**
 * Metrics as a row of cards (name over value).
 *
 * @example
 * metricCards({ srm_p_value: 0.41, units: 4000 });
 */
export function metricCards(metrics: Record<string, unknown>): string {
  const entries = Object.entries(metrics);
  if (entries.length === 0) return '';
  const cards = entries.map(
    ([name, value]) => `<div class="card"><div class="name">${escapeHtml(name)}</div><div class="value">${escapeHtml(formatValue(value))}</div></div>`,
  );
  return `<div class="cards">${cards.join('')}</div>`;
}

/**
 * An HTML table of the first rows, with the total row count; numbers right-aligned.
 *
 * @example
 * rowsTable([{ variant: 'A', n: 10 }], { numRows: 1, caption: 'variants' });
 */
export function rowsTable(rows: Record<string, unknown>[], options: { columns?: string[]; numRows?: number; caption?: string } = {}): string {
  const columns = options.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const shown = rows.slice(0, REPORT_ROWS);
  const numRows = options.numRows ?? rows.length;
  const numeric = columns.map((c) => shown.some((r) => typeof r[c] === 'number') && shown.every((r) => r[c] == null || typeof r[c] === 'number'));
  const head = columns.map((c, i) => `<th${numeric[i] ? ' class="num"' : ''}>${escapeHtml(c)}</th>`).join('');
  const body = shown
    .map((r) => `<tr>${columns.map((c, i) => `<td${numeric[i] ? ' class="num"' : ''}>${escapeHtml(formatValue(r[c]))}</td>`).join('')}</tr>`)
    .join('\n');
  const count = numRows > shown.length ? `first ${shown.length} of ${numRows} rows` : `${numRows} row${numRows === 1 ? '' : 's'}`;
  const caption = options.caption ? `${escapeHtml(options.caption)} · ${count}` : count;
  return `<div class="table-wrap"><table><caption>${caption}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/**
 * Notes (findings and warnings) as a list.
 *
 * @example
 * notesList(['Personalized converts 12% better (p = 0.003).']);
 */
export function notesList(notes: string[]): string {
  if (notes.length === 0) return '';
  return `<ul class="notes">${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`;
}

/**
 * A recipe result: metric cards, its charts as inline SVG, its tables and its notes.
 *
 * @example
 * recipeResultHtml({ metrics, tables: { variants: { rows, numRows } }, charts, notes });
 */
export function recipeResultHtml(result: {
  metrics: Record<string, unknown>;
  tables: Record<string, { rows: Record<string, unknown>[]; numRows: number; columns?: string[] }>;
  charts: ChartSpecLike[];
  notes: string[];
}): string {
  return [
    notesList(result.notes),
    metricCards(result.metrics),
    ...result.charts.map(chartHtml),
    ...Object.entries(result.tables).map(([name, t]) => rowsTable(t.rows, { columns: t.columns, numRows: t.numRows, caption: name })),
  ]
    .filter(Boolean)
    .join('\n');
}
