import type { ChartSpec } from '../types.js';
/** A row of the `groups` table: group, period and the score columns. */
type Row = { group: string; period: string } & Record<string, unknown>;

const LABELS: Record<string, string> = { nps: 'NPS (−100…100)', csat: 'CSAT, % top two boxes', trust_index: 'trust index (mean item score)' };
const CI: Record<string, [string, string]> = { nps: ['nps_ci_low', 'nps_ci_high'], csat: ['csat_ci_low', 'csat_ci_high'], trust_index: ['trust_ci_low', 'trust_ci_high'] };

/**
 * A score per period and group: line and dots with the interval as a shaded band.
 *
 * @example
 * overTimeChart(rows, 'nps', 0.05);
 */
export function overTimeChart(rows: Row[], metric: 'nps' | 'csat' | 'trust_index', alpha: number): ChartSpec {
  const [lo, hi] = CI[metric]!;
  const data = rows.filter((r) => r[metric] !== null && r[metric] !== undefined).map((r) => ({ period: r.period, group: r.group, value: r[metric], ci_low: r[lo], ci_high: r[hi], n: r.responses }));
  return {
    id: `${metric.replace('_index', '')}-over-time`,
    title: `${LABELS[metric]} over time`,
    caption: `Per period and group, with ${Math.round(100 * (1 - alpha))}% intervals as bands; few responses in a period make a wide band.`,
    x: { label: 'period', type: 'utc' },
    y: { label: LABELS[metric], grid: true },
    color: { legend: true },
    marks: [
      { mark: 'areaY', data, options: { x: 'period', y1: 'ci_low', y2: 'ci_high', fill: 'group', fillOpacity: 0.15 } },
      { mark: 'line', data, options: { x: 'period', y: 'value', stroke: 'group' } },
      { mark: 'dot', data, options: { x: 'period', y: 'value', stroke: 'group', tip: true } },
    ],
  };
}

/**
 * NPS and CSAT of each group (all periods) as dots with interval bars, one panel per score.
 *
 * @example
 * byGroupChart(rows, 0.05);
 */
export function byGroupChart(rows: Row[], alpha: number): ChartSpec {
  const data = rows.flatMap((r) =>
    (['nps', 'csat'] as const)
      .filter((m) => r[m] !== undefined && r[m] !== null)
      .map((m) => ({ metric: m === 'nps' ? 'NPS' : 'CSAT %', group: r.group, value: r[m], ci_low: r[CI[m]![0]], ci_high: r[CI[m]![1]] })),
  );
  return {
    id: 'scores-by-group',
    title: 'NPS and CSAT by group',
    caption: `Dots are the scores, bars their ${Math.round(100 * (1 - alpha))}% intervals; overlapping bars mean the groups may not really differ.`,
    fx: { label: null },
    x: { label: 'group' },
    y: { label: 'points', grid: true },
    marks: [
      { mark: 'ruleX', data, options: { x: 'group', y1: 'ci_low', y2: 'ci_high', fx: 'metric', stroke: 'gray' } },
      { mark: 'dot', data, options: { x: 'group', y: 'value', fx: 'metric', fill: 'group', r: 5, tip: true } },
    ],
  };
}
