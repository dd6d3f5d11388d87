import { statMean, type MetricStats } from '../stats/moments.js';
import { weightedQuantiles } from '../stats/quantile.js';
import { finiteOrNull } from '../format.js';

/** The engagement metrics, in report order, with whether a lower value is the better one. */
export const ENGAGEMENT_METRICS = [
  { name: 'bounce_rate', lowerIsBetter: true },
  { name: 'pages_per_session', lowerIsBetter: false },
  { name: 'avg_session_duration', lowerIsBetter: false },
  { name: 'avg_time_on_page', lowerIsBetter: false },
  { name: 'scroll_depth', lowerIsBetter: false },
  { name: 'interaction_rate', lowerIsBetter: false },
] as const;

export type EngagementMetric = (typeof ENGAGEMENT_METRICS)[number]['name'];

/**
 * One row of the `variants` table: the metric means plus scroll-depth quartiles.
 *
 * @example
 * variantRow('control', arm.stats, { values: [0.2, 0.5, 0.9], counts: [3, 1, 2] });
 */
export function variantRow(variant: string, stats: Partial<Record<EngagementMetric, MetricStats>>, scroll: { values: number[]; counts: number[] } | null): Record<string, unknown> {
  const row: Record<string, unknown> = { variant, sessions: stats.bounce_rate!.n };
  for (const { name } of ENGAGEMENT_METRICS) {
    const s = stats[name];
    if (!s) continue;
    const mean = statMean(s);
    row[name] = finiteOrNull(mean);
  }
  if (stats.scroll_depth && scroll) {
    const [p25, p50, p75] = weightedQuantiles(scroll.values, scroll.counts, [0.25, 0.5, 0.75]);
    Object.assign(row, { scroll_depth_p25: p25, scroll_depth_median: p50, scroll_depth_p75: p75 });
  }
  return row;
}
