import type { ValueSummary } from '../../../notebook/types.js';
import { h } from '../shell/dom.js';
import { chartView } from './chart-view.js';
import { tableSource, type RemoteTables } from './output-view.js';
import { tableViewer } from './table-viewer.js';
import { headlineCards } from './recipe-headline.js';
import { isWarningNote } from '../../../notebook/recipe-headlines.js';
import { formatMetricValue } from '../../../notebook/value-format.js';

type RecipeSummary = Extract<ValueSummary, { kind: 'recipe-result' }>;

/**
 * A recipe result as an analyst reads it: metric cards first, then notes (warnings highlighted),
 * charts and tables.
 *
 * @example
 * recipeResultView({ kind: 'recipe-result', metrics: { units: 120 }, tables: {}, charts: [], notes: ['ok'] }, remote);
 */
export function recipeResultView(result: RecipeSummary, remote: RemoteTables): HTMLElement {
  const metrics = Object.entries(result.metrics);
  const headline = headlineCards(result);
  return h('div', { class: 'recipe-result' },
    headline,
    // Beside a headline the recipe's other metrics (sample sizes, checks) are the fine print.
    metrics.length ? h('div', { class: `metric-cards${headline ? ' secondary' : ''}` }, metrics.map(([name, value]) => h('div', { class: 'metric-card', 'data-metric': name },
      h('div', { class: 'metric-value', title: String(value) }, formatMetricValue(name, value)), h('div', { class: 'metric-name' }, name.replace(/_/g, ' '))))) : null,
    result.notes.length ? h('ul', { class: 'notes' }, result.notes.map((note) => h('li', { class: isWarningNote(note) ? 'note warning' : 'note' }, note))) : null,
    h('div', { class: 'charts' }, result.charts.map((spec) => h('figure', { class: 'result-chart' }, chartView(spec as Parameters<typeof chartView>[0])))),
    Object.entries(result.tables).map(([name, table]) => table.kind === 'table'
      ? h('div', { class: 'result-table' }, tableViewer(tableSource(table, remote), name))
      : null));
}
