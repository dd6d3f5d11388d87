import type { ChartSpec } from '../types.js';

/**
 * Model vs naive baseline: mean absolute error of days to the next order and of its value,
 * each on its own panel because the units differ.
 *
 * @example
 * errorChart({ mae_days: 20, baseline_mae_days: 35, mae_value: 9, baseline_mae_value: 12 }).id; // → 'errors'
 */
export function errorChart(m: { mae_days: number; baseline_mae_days: number; mae_value: number; baseline_mae_value: number }): ChartSpec {
  const data = [
    { target: 'days to next order', predictor: 'model', mae: m.mae_days },
    { target: 'days to next order', predictor: 'naive baseline', mae: m.baseline_mae_days },
    { target: 'next order value', predictor: 'model', mae: m.mae_value },
    { target: 'next order value', predictor: 'naive baseline', mae: m.baseline_mae_value },
  ];
  return {
    id: 'errors',
    title: 'Mean absolute error after the cutoff: model vs naive baseline',
    caption: 'Naive baseline: each customer\'s median gap between orders and mean order value. Shorter bars are better.',
    marks: [{ mark: 'barX', data, options: { x: 'mae', y: 'predictor', fill: 'predictor', fy: 'target', tip: true } }],
    x: { label: 'Mean absolute error', grid: true },
    y: { label: null },
    fy: { label: null },
    facet: { marginRight: 120 },
    marginLeft: 110,
    height: 200,
  };
}

/**
 * Predicted against actual days to the next order, one dot per customer who ordered.
 *
 * @example
 * daysChart(rows).marks[1].mark; // → 'dot'
 */
export function daysChart(rows: { predicted: number; actual: number }[], horizon: number): ChartSpec {
  return {
    id: 'days',
    title: 'Days to next order: predicted vs actual',
    caption: 'Customers who ordered within the horizon after the cutoff; on the dashed line the prediction is exact.',
    marks: [
      { mark: 'line', data: [{ x: 0, y: 0 }, { x: horizon, y: horizon }], options: { x: 'x', y: 'y', stroke: '#999', strokeDasharray: '4,3' } },
      { mark: 'dot', data: rows, options: { x: 'actual', y: 'predicted', r: 2, fillOpacity: 0.5, fill: 'steelblue' } },
    ],
    x: { label: 'Actual days to next order', domain: [0, horizon] },
    y: { label: 'Predicted days', domain: [0, horizon], grid: true },
  };
}
