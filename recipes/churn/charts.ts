import type { CalibrationRow, GainsRow } from '../ml/deciles.js';
import type { ImportanceRow } from '../ml/importance.js';
import type { ChartSpec, MarkSpec } from '../types.js';

/**
 * The three pictures of a churn model: are its probabilities honest (calibration), how many
 * churners a campaign reaches by contacting the riskiest customers first (gains), and which
 * features it relies on (permutation importance).
 */

/**
 * A line of dots read against the dashed diagonal y = x (perfect calibration, or contacting at
 * random), on `share` axes.
 */
function overDiagonal(data: Record<string, unknown>[], x: string, y: string, color: string): MarkSpec[] {
  const diagonal = [
    { x: 0, y: 0 },
    { x: 1, y: 1 },
  ];
  return [
    { mark: 'line', data: diagonal, options: { x: 'x', y: 'y', stroke: '#999', strokeDasharray: '4,3' } },
    { mark: 'line', data, options: { x, y, stroke: color } },
    { mark: 'dot', data, options: { x, y, fill: color, tip: true } },
  ];
}

/** An axis of shares from 0 to 1, labelled as percentages. */
const share = (label: string) => ({ label, domain: [0, 1], tickFormat: '%' });

/**
 * Observed churn rate against mean predicted probability per decile; the dashed diagonal is
 * perfect calibration.
 *
 * @example
 * calibrationChart(rows).marks.map((m) => m.mark); // → ['line', 'line', 'dot']
 */
export function calibrationChart(rows: CalibrationRow[]): ChartSpec {
  return {
    id: 'calibration',
    title: 'Calibration: predicted vs observed churn, by decile',
    caption: 'Each dot is a tenth of the held-out customers; on the dashed line the predicted probability equals the observed rate.',
    marks: overDiagonal(rows as unknown as Record<string, unknown>[], 'mean_predicted', 'observed_rate', 'steelblue'),
    x: share('Mean predicted churn probability'),
    y: { ...share('Observed churn rate'), grid: true },
  };
}

/**
 * Cumulative share of churners reached against share of customers contacted, riskiest first.
 *
 * @example
 * gainsChart(rows).id; // → 'gains'
 */
export function gainsChart(rows: GainsRow[]): ChartSpec {
  const data = [{ contacted: 0, reached: 0 }, ...rows.map((r) => ({ contacted: r.decile / rows.length, reached: r.cumulative_share, lift: r.cumulative_lift }))];
  return {
    id: 'gains',
    title: 'Cumulative gains: churners reached by contacting the riskiest customers first',
    caption: 'The dashed diagonal is contacting customers at random.',
    marks: overDiagonal(data, 'contacted', 'reached', 'darkorange'),
    x: share('Share of customers contacted'),
    y: { ...share('Share of churners reached'), grid: true },
  };
}

/**
 * Drop in held-out AUC when each feature is shuffled, with ±1 sd over the shuffles.
 *
 * @example
 * importanceChart(rows).marks[0].mark; // → 'barX'
 */
export function importanceChart(rows: ImportanceRow[]): ChartSpec {
  const data = rows.map((r) => ({ ...r, low: r.importance - r.sd, high: r.importance + r.sd }));
  return {
    id: 'importance',
    title: 'Permutation importance: AUC lost when a feature is shuffled',
    caption: 'Bars: mean drop in held-out AUC over the shuffles; lines: ±1 sd. Near zero: the model does not rely on the feature.',
    marks: [
      { mark: 'barX', data, options: { y: 'feature', x: 'importance', fill: 'steelblue', sort: { y: '-x' }, tip: true } },
      { mark: 'ruleY', data, options: { y: 'feature', x1: 'low', x2: 'high', stroke: '#333' } },
    ],
    x: { label: 'AUC drop', grid: true },
    y: { label: null },
    marginLeft: 170,
    height: 60 + 22 * Math.max(1, rows.length),
  };
}
