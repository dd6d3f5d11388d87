import type { ValueSummary } from '../../notebook/types.js';
import { h } from './dom.js';
import { chartView } from './chart-view.js';
import { errorView } from './error-view.js';
import { recipeResultView } from './recipe-result-view.js';
import { safeHtml } from './safe-html.js';
import { tableViewer } from './table-viewer.js';
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
      return h('pre', { class: 'output-json' }, JSON.stringify(value.json, null, 2), value.truncated ? h('span', { class: 'muted' }, '\n… (truncated)') : null);
    case 'error':
      return errorView({ message: value.name && value.name !== 'Error' ? `${value.name}: ${value.message}` : value.message });
    case 'html':
      return h('div', { class: 'output-html' }, safeHtml(value.html));
    case 'chart':
      return chartView(value.spec as Parameters<typeof chartView>[0]);
    case 'table':
      return tableViewer(tableSource(value, remote), title);
    case 'recipe-result':
      return recipeResultView(value, remote);
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

