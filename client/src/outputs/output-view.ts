import type { ValueSummary } from '../../../notebook/types.js';
import { h } from '../shell/dom.js';
import { chartView } from './chart-view.js';
import { errorView } from '../cells/error-view.js';
import { drawInput } from './input-view.js';
import { recipeResultView } from './recipe-result-view.js';
import { safeHtml } from './safe-html.js';
import { tableViewer } from './table-viewer.js';
import { valueInspector } from './value-inspector.js';
import { localSource, type TableSource } from './table-source.js';

/** Turns a worker table summary that still has rows in the worker into a paging source. */
export type RemoteTables = (summary: Extract<ValueSummary, { kind: 'table' }>) => TableSource;

/**
 * Draws any cell output: tables in the table viewer, charts with Plot, recipe results as cards,
 * tables, charts and notes, HTML (scrubbed), text and JSON.
 *
 * @example
 * outputView({ kind: 'text', text: 'hello' }, remoteTables);
 */
export function outputView(value: ValueSummary, remote: RemoteTables, title = ''): HTMLElement | null {
  switch (value.kind) {
    case 'undefined':
      return null;
    case 'text':
      return h('pre', { class: 'output-text' }, value.text);
    case 'function':
      return h('pre', { class: 'output-text muted' }, value.text);
    case 'json':
      return valueInspector(value.json, { truncated: value.truncated });
    case 'declared':
      return declaredView(value, remote);
    case 'error':
      return errorView({ message: value.name && value.name !== 'Error' ? `${value.name}: ${value.message}` : value.message });
    case 'html':
      return h('div', { class: 'output-html' }, safeHtml(value.html));
    case 'chart':
      return chartView(value.spec as Parameters<typeof chartView>[0]);
    case 'table':
      return tableViewer(tableSource(value, remote), title, { format: value.format });
    case 'recipe-result':
      return recipeResultView(value, remote);
    case 'input':
      // Not bound by view(): drawn live, as Observable does, but nothing listens to it.
      return h('div', { class: 'cell-input unbound' }, drawInput(value.input, value.value));
  }
}

/**
 * A table summary's rows: local when every row came along, else paged from the worker.
 *
 * @example
 * tableSource({ kind: 'table', columns: ['a'], types: ['number'], numRows: 1, offset: 0, rows: [{ a: 1 }] }, remote).numRows; // → 1
 */
export function tableSource(value: Extract<ValueSummary, { kind: 'table' }>, remote: RemoteTables): TableSource {
  if (!value.handle || (value.offset === 0 && value.rows.length >= value.numRows)) return localSource(value.rows, value.columns);
  return remote(value);
}


/**
 * A compact inspector for a cell that only declares names: one line per name; a table folds to
 * its size until opened, a function to its first line.
 *
 * @example
 * declaredView({ kind: 'declared', values: [{ name: 'n', value: { kind: 'json', json: 3 } }] }, remote);
 */
function declaredView(value: Extract<ValueSummary, { kind: 'declared' }>, remote: RemoteTables): HTMLElement {
  return h('div', { class: 'declared' }, value.values.map(({ name, value: v }) => {
    let shown: Node | null;
    if (v.kind === 'table') {
      const body = h('div', { class: 'declared-table' });
      const toggle = h('details', { class: 'declared-fold' }, h('summary', {}, `table · ${v.numRows.toLocaleString()} rows × ${v.columns.length} columns`), body);
      toggle.addEventListener('toggle', () => {
        if (toggle.open && !body.firstChild) body.append(tableViewer(tableSource(v, remote), name));
      }, { once: false });
      shown = toggle;
    } else if (v.kind === 'function') shown = h('code', { class: 'declared-fn muted' }, `ƒ ${v.text}`);
    else if (v.kind === 'text') shown = h('span', { class: 'declared-text' }, v.text);
    else shown = outputView(v, remote, name);
    return h('div', { class: 'declared-row', 'data-name': name }, h('span', { class: 'declared-name' }, name), h('div', { class: 'declared-value' }, shown ?? h('span', { class: 'muted' }, 'undefined')));
  }));
}
