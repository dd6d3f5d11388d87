import { renderChart, type ChartSpecLike } from '../render-chart.js';
import { headlines, isWarningNote, verdictText } from '../recipe-headlines.js';
import type { ValueSummary } from '../types.js';
import { columnFormatter, formatMetricValue, type Formatter } from '../value-format.js';
import { escapeHtml } from './escape-html.js';
import type { ReportEnv } from './types.js';

type TableSummary = Extract<ValueSummary, { kind: 'table' }>;
type RecipeSummary = Extract<ValueSummary, { kind: 'recipe-result' }>;

/** Rows shown per table in a report; the rest are counted, not printed. */
export const REPORT_ROWS = 50;

/**
 * A table's first rows as an HTML table with the row count as caption: values formatted by their
 * column's meaning or its declared format (notebook/value-format.ts, as in the workbench's table
 * viewer), the raw number on hover when it was rounded, number columns right-aligned.
 *
 * @example
 * rowsTable({ columns: ['variant', 'revenue'], rows: [{ variant: 'A', revenue: 1234.5 }], numRows: 1 }, 'variants');
 */
export function rowsTable(table: Pick<TableSummary, 'columns' | 'rows' | 'numRows' | 'format'>, caption = ''): string {
  const { columns } = table;
  const shown = table.rows.slice(0, REPORT_ROWS);
  const problems: string[] = [];
  const formatters = columns.map((c): Formatter => {
    const sample = shown.map((r) => r[c]);
    try {
      return columnFormatter(c, sample, table.format?.[c]);
    } catch (error) {
      // A bad declared format is the cell's to fix: say so under the table, show the column as is.
      problems.push((error as Error).message);
      return columnFormatter(c, sample);
    }
  });
  const numeric = columns.map((c) => shown.some((r) => typeof r[c] === 'number') && shown.every((r) => r[c] == null || typeof r[c] === 'number'));
  const cls = (i: number) => (numeric[i] ? ' class="num"' : '');
  const head = columns.map((c, i) => `<th${cls(i)}>${escapeHtml(c)}</th>`).join('');
  const body = shown
    .map((r) => `<tr>${columns.map((c, i) => {
      const value = r[c];
      const text = formatters[i]!(value);
      const raw = typeof value === 'number' && text !== String(value) ? ` title="${value}"` : '';
      return `<td${cls(i)}${raw}>${escapeHtml(text)}</td>`;
    }).join('')}</tr>`)
    .join('\n');
  const numRows = table.numRows;
  const count = numRows > shown.length ? `first ${shown.length} of ${numRows.toLocaleString('en-US')} rows` : `${numRows} row${numRows === 1 ? '' : 's'}`;
  const captionText = caption ? `${escapeHtml(caption)} · ${count}` : count;
  const notes = problems.map((p) => `<div class="error">${escapeHtml(p)}</div>`).join('');
  return `<div class="table-wrap"><table><caption>${captionText}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>${notes}`;
}

/**
 * A chart spec drawn with Plot into the environment's document, as inline SVG; a spec that cannot
 * be drawn becomes a readable error box instead of breaking the report.
 *
 * @example
 * chartHtml({ title: 'Orders', marks: [{ mark: 'barY', data: [{ m: 'Jan', n: 3 }], options: { x: 'm', y: 'n' } }] }, env);
 */
export function chartHtml(spec: ChartSpecLike, env: ReportEnv): string {
  try {
    return renderChart(spec, env.chart).outerHTML;
  } catch (error) {
    const name = spec?.title ?? spec?.id ?? 'chart';
    return `<div class="error">Could not draw ${escapeHtml(String(name))}: ${escapeHtml((error as Error).message)}</div>`;
  }
}

/**
 * A recipe result as the workbench shows it: its decision headlines (effect, interval, chance to
 * win), the other metrics as cards, notes (warnings marked), charts as inline SVG and tables.
 *
 * @example
 * recipeResultHtml({ kind: 'recipe-result', metrics: { units: 4000 }, tables: {}, charts: [], notes: ['b wins'] }, env);
 */
export function recipeResultHtml(result: RecipeSummary, env: ReportEnv): string {
  return [
    headlineCards(result),
    metricCards(result.metrics),
    result.notes.length ? `<ul class="notes">${result.notes.map((n) => `<li${isWarningNote(n) ? ' class="warning"' : ''}>${escapeHtml(n)}</li>`).join('')}</ul>` : '',
    ...result.charts.map((c) => chartHtml(c as ChartSpecLike, env)),
    ...Object.entries(result.tables).map(([name, t]) => (t.kind === 'table' ? rowsTable(t, name) : '')),
  ]
    .filter(Boolean)
    .join('\n');
}

function headlineCards(result: RecipeSummary): string {
  const list = headlines(result);
  if (!list.length) return '';
  const cards = list.map((x) => {
    const verdict = x.significant === null ? '' : ` ${x.significant ? 'significant' : 'not-significant'}`;
    const detail = [x.interval ? `interval ${x.interval}` : '', x.chanceToWin ? `chance to win ${x.chanceToWin}` : ''].filter(Boolean).join(' · ');
    return (
      `<div class="card headline${verdict}"><div class="name">${escapeHtml(x.label)}</div><div class="value">${escapeHtml(x.effect)}</div>` +
      (detail ? `<div class="detail">${escapeHtml(detail)}</div>` : '') +
      (x.significant === null ? '' : `<div class="verdict">${verdictText(x.significant)}</div>`) +
      `</div>`
    );
  });
  return `<div class="cards headlines">${cards.join('')}</div>`;
}

function metricCards(metrics: Record<string, unknown>): string {
  const entries = Object.entries(metrics);
  if (!entries.length) return '';
  const cards = entries.map(
    ([name, value]) => `<div class="card" title="${escapeHtml(name)}"><div class="name">${escapeHtml(name.replace(/_/g, ' '))}</div><div class="value">${escapeHtml(formatMetricValue(name, value))}</div></div>`,
  );
  return `<div class="cards">${cards.join('')}</div>`;
}
