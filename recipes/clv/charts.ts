import type { ColumnTable } from 'arquero';
import type { ChartSpec } from '../types.js';
import type { TrackingRow } from './tracking.js';

/**
 * The clv charts: the weekly tracking chart (actual against predicted cumulative repeat
 * purchases) and the distribution of P(alive).
 *
 * @example
 * clvCharts(trackingRows, customersTable).map((c) => c.id); // → ['tracking', 'p_alive']
 */
export function clvCharts(tracking: TrackingRow[] | undefined, customers: ColumnTable): ChartSpec[] {
  const charts: ChartSpec[] = [];
  if (tracking) {
    const rows = tracking.flatMap((r) => [
      { week: r.week, series: 'actual', repeat_purchases: r.actual },
      { week: r.week, series: 'model', repeat_purchases: r.predicted },
    ]);
    charts.push({
      id: 'tracking',
      title: 'Cumulative repeat purchases: actual vs model',
      caption: 'Weekly since the first purchase in the data; the model line sums each customer\'s expected repeat purchases since their first purchase.',
      marks: [{ mark: 'line', data: rows, options: { x: 'week', y: 'repeat_purchases', stroke: 'series' } }],
      x: { label: 'week' },
      y: { label: 'cumulative repeat purchases', grid: true },
      color: { legend: true },
    });
  }
  const p = customers.array('p_alive') as ArrayLike<number>;
  const bins = Array.from({ length: 10 }, (_, k) => ({ p_alive: `${(k / 10).toFixed(1)}–${((k + 1) / 10).toFixed(1)}`, customers: 0 }));
  // A P(alive) the model could not compute (extreme parameters) is left out, and the notes say so.
  for (let i = 0; i < p.length; i++) if (Number.isFinite(p[i])) bins[Math.min(9, Math.floor(p[i]! * 10))]!.customers++;
  charts.push({
    id: 'p_alive',
    title: 'How many customers are still alive?',
    caption: 'Customers by probability of still being active (P(alive)) at the calibration end.',
    marks: [{ mark: 'barY', data: bins, options: { x: 'p_alive', y: 'customers', fill: 'steelblue' } }],
    x: { label: 'P(alive)' },
    y: { label: 'customers', grid: true },
  });
  return charts;
}
