import type { ChartSpec } from '../types.js';
import { forestChart } from '../segments/forest-chart.js';
import type { ComparisonRow } from '../stats/comparison-rows.js';
import { ENGAGEMENT_METRICS } from './metrics.js';

/**
 * Each variant's engagement as an index of control (control = 100) per metric, so metrics on
 * different scales (seconds, shares, pages) sit side by side; tips give the raw values.
 *
 * @example
 * engagementBars(variantRows, 'control');
 */
export function engagementBars(rows: Record<string, unknown>[], control: string): ChartSpec {
  const base = rows.find((r) => r.variant === control)!;
  const data = ENGAGEMENT_METRICS.flatMap(({ name, lowerIsBetter }) =>
    rows
      .filter((r) => typeof r[name] === 'number' && typeof base[name] === 'number' && base[name] !== 0)
      .map((r) => ({ metric: `${name}${lowerIsBetter ? ' (lower is better)' : ''}`, variant: r.variant, value: r[name], index: (100 * (r[name] as number)) / (base[name] as number) })),
  );
  return {
    id: 'engagement-by-variant',
    title: 'Engagement by variant (control = 100)',
    caption: 'Bars show each variant as a percentage of control on every metric; hover for the raw value.',
    fx: { label: null, tickRotate: -20, domain: [...new Set(data.map((d) => d.metric))] },
    x: { axis: null },
    y: { label: 'index (control = 100)', grid: true },
    color: { legend: true },
    marginBottom: 70,
    marginLeft: 60,
    marks: [
      { mark: 'barY', data, options: { fx: 'metric', x: 'variant', y: 'index', fill: 'variant', tip: true } },
      { mark: 'ruleY', data: [{ y: 100 }], options: { y: 'y', stroke: 'black' } },
    ],
  };
}

/**
 * Forest plot of every metric's effect vs control.
 *
 * @example
 * engagementForest(comparisons, true, 0.05);
 */
export function engagementForest(rows: ComparisonRow[], relative: boolean, alpha: number): ChartSpec {
  const several = new Set(rows.map((r) => r.variant)).size > 1;
  return forestChart({
    id: 'engagement-effects',
    title: 'Engagement effects vs control',
    caption: `${Math.round(100 * (1 - alpha))}% intervals per metric; for bounce_rate a negative effect is the good direction.`,
    relative,
    rows: rows.map((r) => ({ label: r.metric, effect: r.effect, ci_low: r.ci_low, ci_high: r.ci_high, ...(several ? { group: r.variant } : {}), significant: r.significant ?? undefined })),
  });
}

/**
 * Scroll-depth quartiles per variant: a bar from p25 to p75 with the median marked.
 *
 * @example
 * scrollChart(variantRows);
 */
export function scrollChart(rows: Record<string, unknown>[]): ChartSpec {
  const data = rows.map((r) => ({ variant: r.variant, p25: r.scroll_depth_p25, median: r.scroll_depth_median, p75: r.scroll_depth_p75, mean: r.scroll_depth }));
  return {
    id: 'scroll-depth',
    title: 'How far visitors scroll',
    caption: 'Per variant: the bar spans the middle half of page views (25th to 75th percentile), the tick is the median, the dot the mean.',
    x: { label: 'scroll depth', domain: [0, 1], tickFormat: '%' },
    y: { label: null },
    marginLeft: 110,
    marks: [
      { mark: 'ruleY', data, options: { y: 'variant', x1: 'p25', x2: 'p75', strokeWidth: 10, stroke: 'variant', strokeOpacity: 0.5 } },
      { mark: 'tickX', data, options: { y: 'variant', x: 'median', strokeWidth: 2 } },
      { mark: 'dot', data, options: { y: 'variant', x: 'mean', fill: 'black', tip: true } },
    ],
  };
}
