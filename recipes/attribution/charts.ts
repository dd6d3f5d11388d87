import type { ChartSpec } from '../types.js';

/**
 * Grouped bars: each channel's share of the conversions under every model, side by side.
 *
 * @example
 * modelsChart([{ model: 'first', channel: 'email', share: 0.4 }]);
 */
export function modelsChart(rows: { model: string; channel: string; share: number }[]): ChartSpec {
  return {
    id: 'attribution-models',
    title: 'Which channels earn the conversions, by model',
    caption: 'Share of all conversions credited to each channel; one bar per attribution model.',
    fx: { label: null },
    x: { axis: null },
    y: { label: 'share of conversions', grid: true, tickFormat: '%' },
    color: { legend: true, label: 'model' },
    marks: [
      { mark: 'barY', data: rows, options: { fx: 'channel', x: 'model', y: 'share', fill: 'model', tip: true } },
      { mark: 'ruleY', data: [{ y: 0 }], options: { y: 'y' } },
    ],
  };
}
