import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { renderChart, type ChartSpecLike } from '../../notebook/render-chart.js';
import { escapeHtml } from './format-value.js';

/**
 * Renders a chart spec to inline SVG markup on the server (Observable Plot over linkedom), for
 * reports that must work without JavaScript or network. A spec that cannot be drawn becomes a
 * readable error box instead of breaking the report.
 *
 * @example
 * chartHtml({ id: 'c', title: 'Orders', marks: [{ mark: 'barY', data: [{ m: 'Jan', n: 3 }], options: { x: 'm', y: 'n' } }] });
 * // → '<figure …><h2>Orders</h2><svg …>…</svg></figure>'
 */
export function chartHtml(spec: ChartSpecLike): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  try {
    return renderChart(spec, { Plot: Plot as unknown as Record<string, unknown>, document }).outerHTML;
  } catch (error) {
    const name = spec?.title ?? spec?.id ?? 'chart';
    return `<div class="error">Could not draw ${escapeHtml(String(name))}: ${escapeHtml((error as Error).message)}</div>`;
  }
}
