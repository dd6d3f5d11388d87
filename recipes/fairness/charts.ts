import type { ChartSpec } from '../types.js';
import type { ExposureRow } from './exposure.js';

export type RateRow = {
  group: string;
  metric: string;
  value: number | null;
  ci_low: number | null;
  ci_high: number | null;
};

/**
 * One panel per rate: each group's value as a dot with its bootstrap interval, and the overall
 * value as a dashed line, so a group far from the line stands out.
 *
 * @example
 * ratesChart([{ group: 'a', metric: 'tpr', value: 0.5, ci_low: 0.3, ci_high: 0.7 }], [{ metric: 'tpr', value: 0.55 }]);
 */
export function ratesChart(rows: RateRow[], overall: { metric: string; value: number }[]): ChartSpec {
  return {
    id: 'fairness-rates',
    title: 'Rates by group, with intervals',
    caption: 'Each dot is a group\'s rate, the bar its bootstrap interval; the dashed line is the overall rate.',
    fx: { label: null },
    x: { label: null, tickRotate: -30 },
    y: { label: 'rate', grid: true, domain: [0, 1] },
    marginBottom: 60,
    marks: [
      { mark: 'ruleY', data: overall, options: { fx: 'metric', y: 'value', stroke: 'gray', strokeDasharray: '4,3' } },
      { mark: 'ruleX', data: rows, options: { fx: 'metric', x: 'group', y1: 'ci_low', y2: 'ci_high', stroke: 'steelblue' } },
      { mark: 'dot', data: rows, options: { fx: 'metric', x: 'group', y: 'value', fill: 'steelblue', tip: true } },
    ],
  };
}

/**
 * Exposure share of each item group in the top k against its catalogue share.
 *
 * @example
 * exposureChart(rows, 10);
 */
export function exposureChart(rows: ExposureRow[], k: number): ChartSpec {
  const data = rows.flatMap((r) => [
    { item_group: r.item_group, measure: `share of top-${k} slots`, share: r.exposure_share },
    { item_group: r.item_group, measure: 'share of catalogue', share: r.catalogue_share },
  ]);
  return {
    id: 'fairness-exposure',
    title: `Who gets shown: item groups in the top ${k}`,
    caption: 'Share of recommendation slots each item group receives, next to its share of the catalogue.',
    fy: { label: null },
    y: { axis: null },
    x: { label: 'share', grid: true, tickFormat: '%' },
    color: { legend: true },
    marks: [{ mark: 'barX', data, options: { fy: 'item_group', y: 'measure', x: 'share', fill: 'measure', tip: true } }],
  };
}
