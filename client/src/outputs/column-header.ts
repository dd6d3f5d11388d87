import { h } from '../shell/dom.js';
import type { ColumnInfo } from './table-source.js';

const SVG = 'http://www.w3.org/2000/svg';

/**
 * A table header cell: name, type, missing count and a tiny histogram or top values, so a column's
 * shape is visible before scrolling.
 *
 * @example
 * columnHeader({ name: 'amount', type: 'number', missing: 0, bins: [{ x0: 0, x1: 1, count: 3 }] }, null, () => {});
 */
export function columnHeader(column: ColumnInfo, sort: 'asc' | 'desc' | null, onSort: () => void): HTMLElement {
  const arrow = sort === 'asc' ? ' ▲' : sort === 'desc' ? ' ▼' : '';
  return h('div', { class: 'th', title: `Sort by ${column.name}`, onclick: onSort },
    h('div', { class: 'th-name' }, column.name, h('span', { class: 'sort' }, arrow)),
    h('div', { class: 'th-meta' }, h('span', { class: `type type-${column.type}` }, column.type),
      column.missing ? h('span', { class: 'missing', title: 'missing values' }, `${column.missing.toLocaleString()} missing`) : null),
    column.bins ? histogram(column.bins) : topValues(column));
}

function histogram(bins: NonNullable<ColumnInfo['bins']>): Element {
  const max = Math.max(1, ...bins.map((b) => b.count));
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('viewBox', `0 0 ${bins.length * 6} 24`);
  svg.setAttribute('preserveAspectRatio', 'none');
  bins.forEach((b, i) => {
    const rect = document.createElementNS(SVG, 'rect');
    const height = Math.max(b.count ? 1 : 0, (b.count / max) * 24);
    rect.setAttribute('x', String(i * 6));
    rect.setAttribute('y', String(24 - height));
    rect.setAttribute('width', '5');
    rect.setAttribute('height', String(height));
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${fmt(b.x0)} – ${fmt(b.x1)}: ${b.count.toLocaleString()}`;
    rect.appendChild(title);
    svg.appendChild(rect);
  });
  return svg;
}

function topValues(column: ColumnInfo): HTMLElement {
  const top = column.top ?? [];
  const total = top.reduce((s, t) => s + t.count, 0) || 1;
  return h('div', { class: 'top' },
    top.slice(0, 3).map((t) => h('div', { class: 'top-row', title: `${t.value}: ${t.count.toLocaleString()}` },
      h('span', { class: 'top-bar', style: `width:${Math.round((t.count / total) * 100)}%` }), h('span', { class: 'top-label' }, t.value))),
    column.distinct !== undefined ? h('div', { class: 'distinct' }, `${column.distinct.toLocaleString()} distinct`) : null);
}

function fmt(x: number): string {
  return Math.abs(x) > 1e11 ? new Date(x).toISOString().slice(0, 10) : String(Number(x.toPrecision(4)));
}
