import { describe, expect, it } from 'vitest';
import { calibrationChart, gainsChart } from './charts.js';

const dashed = { mark: 'line', data: [{ x: 0, y: 0 }, { x: 1, y: 1 }], options: { x: 'x', y: 'y', stroke: '#999', strokeDasharray: '4,3' } };
const share = { domain: [0, 1], tickFormat: '%' };

describe('churn charts read against the diagonal', () => {
  it('calibration: observed rate by mean prediction, over the dashed y = x', () => {
    const rows = [
      { decile: 1, n: 10, mean_predicted: 0.1, observed_rate: 0.2 },
      { decile: 2, n: 10, mean_predicted: 0.6, observed_rate: 0.5 },
    ];
    const chart = calibrationChart(rows);
    expect(chart.marks).toEqual([
      dashed,
      { mark: 'line', data: rows, options: { x: 'mean_predicted', y: 'observed_rate', stroke: 'steelblue' } },
      { mark: 'dot', data: rows, options: { x: 'mean_predicted', y: 'observed_rate', fill: 'steelblue', tip: true } },
    ]);
    expect(chart.x).toEqual({ label: 'Mean predicted churn probability', ...share });
    expect(chart.y).toEqual({ label: 'Observed churn rate', ...share, grid: true });
  });

  it('gains: share of churners reached from (0, 0), by share of customers contacted', () => {
    const rows = [
      { decile: 1, n: 5, positives: 3, rate: 0.6, cumulative_share: 0.75, lift: 1.5, cumulative_lift: 1.5 },
      { decile: 2, n: 5, positives: 1, rate: 0.2, cumulative_share: 1, lift: 0.5, cumulative_lift: 1 },
    ];
    const chart = gainsChart(rows);
    const data = [
      { contacted: 0, reached: 0 },
      { contacted: 0.5, reached: 0.75, lift: 1.5 },
      { contacted: 1, reached: 1, lift: 1 },
    ];
    expect(chart.marks).toEqual([
      dashed,
      { mark: 'line', data, options: { x: 'contacted', y: 'reached', stroke: 'darkorange' } },
      { mark: 'dot', data, options: { x: 'contacted', y: 'reached', fill: 'darkorange', tip: true } },
    ]);
    expect(chart.x).toEqual({ label: 'Share of customers contacted', ...share });
    expect(chart.y).toEqual({ label: 'Share of churners reached', ...share, grid: true });
  });
});
