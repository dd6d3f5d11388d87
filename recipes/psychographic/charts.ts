import type { ChartSpec } from '../types.js';

/**
 * Mean profile share by dimension, one bar per dimension; with groups, one panel per group.
 *
 * @example
 * meanProfileChart([{ group: 'all', dimension: 'collecting', mean: 0.4 }], false);
 */
export function meanProfileChart(rows: { group: string; dimension: string; mean: number | null }[], byGroup: boolean): ChartSpec {
  const data = rows.filter((r) => r.mean !== null);
  return {
    id: 'mean-profile',
    title: byGroup ? 'Mean psychographic profile by group' : 'Mean psychographic profile',
    caption: 'Average share of each customer’s matched words and content tags that falls in each dimension (customers with a signal only). The lexicon is a documented heuristic, not a validated scale.',
    x: { label: null, tickRotate: -30 },
    y: { label: 'mean share of signal', grid: true },
    ...(byGroup ? { fx: { label: null } } : {}),
    color: { legend: false },
    marks: [
      { mark: 'barY', data, options: { x: 'dimension', y: 'mean', fill: 'dimension', ...(byGroup ? { fx: 'group' } : {}), tip: true } },
      { mark: 'ruleY', data: [{ y: 0 }], options: { y: 'y' } },
    ],
  };
}
