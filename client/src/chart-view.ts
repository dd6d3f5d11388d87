import * as Plot from '@observablehq/plot';
import { renderChart, type ChartSpecLike } from '../../notebook/render-chart.js';
import { h } from './dom.js';

// Marks whose points a reader wants to inspect get Plot's pointer tooltip unless the spec chose.
const TIPPABLE = new Set(['dot', 'dotX', 'dotY', 'barX', 'barY', 'cell', 'line', 'lineX', 'lineY', 'rectX', 'rectY', 'areaY', 'tickX', 'tickY']);

/**
 * A declarative chart spec drawn with Plot in the page, with tooltips on its data marks.
 *
 * @example
 * document.body.append(chartView({ id: 'c', title: 'Lift', marks: [{ mark: 'dot', data: [{ x: 1, y: 2 }], options: { x: 'x', y: 'y' } }] }));
 */
export function chartView(spec: ChartSpecLike): HTMLElement {
  const withTips: ChartSpecLike = {
    ...spec,
    marks: spec.marks.map((m) => (TIPPABLE.has(m.mark) && !(m.options && 'tip' in m.options) ? { ...m, options: { ...m.options, tip: true } } : m)),
  };
  try {
    const figure = renderChart({ style: { fontSize: '12px', overflow: 'visible' }, ...withTips }, { Plot: Plot as unknown as Record<string, unknown>, document });
    return h('div', { class: 'chart', 'data-chart': spec.id ?? '' }, figure);
  } catch (error) {
    return h('div', { class: 'output-error' }, `Chart "${spec.title ?? spec.id ?? ''}" could not be drawn: ${(error as Error).message}`);
  }
}
