import type { ValueSummary } from '../../notebook/types.js';
import { h } from './dom.js';
import { chartView } from './chart-view.js';
import { tableSource, type RemoteTables } from './output-view.js';
import { tableViewer } from './table-viewer.js';

type RecipeSummary = Extract<ValueSummary, { kind: 'recipe-result' }>;

// Notes that tell the reader not to trust a number deserve to stand out from findings.
const WARNING = /warn|do not trust|too few|mismatch|did not converge|too small|caution|unreliable|not significant/i;

/**
 * A recipe result as an analyst reads it: metric cards first, then notes (warnings highlighted),
 * charts and tables.
 *
 * @example
 * recipeResultView({ kind: 'recipe-result', metrics: { units: 120 }, tables: {}, charts: [], notes: ['ok'] }, remote);
 */
export function recipeResultView(result: RecipeSummary, remote: RemoteTables): HTMLElement {
  const metrics = Object.entries(result.metrics);
  return h('div', { class: 'recipe-result' },
    metrics.length ? h('div', { class: 'metric-cards' }, metrics.map(([name, value]) => h('div', { class: 'metric-card', 'data-metric': name },
      h('div', { class: 'metric-value', title: String(value) }, formatMetric(value)), h('div', { class: 'metric-name' }, name.replace(/_/g, ' '))))) : null,
    result.notes.length ? h('ul', { class: 'notes' }, result.notes.map((note) => h('li', { class: WARNING.test(note) ? 'note warning' : 'note' }, note))) : null,
    h('div', { class: 'charts' }, result.charts.map((spec) => h('figure', { class: 'result-chart' }, chartView(spec as Parameters<typeof chartView>[0])))),
    Object.entries(result.tables).map(([name, table]) => table.kind === 'table'
      ? h('div', { class: 'result-table' }, tableViewer(tableSource(table, remote), name))
      : null));
}

/**
 * A metric as a card shows it: 4 significant digits, thousands separated, p-values in full when tiny.
 *
 * @example
 * formatMetric(0.000312); // → '0.000312'
 * formatMetric(12345.678); // → '12,346'
 */
export function formatMetric(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'number') return String(value);
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && Math.abs(value) < 0.001) return value.toPrecision(3);
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return String(Number(value.toPrecision(4)));
}
