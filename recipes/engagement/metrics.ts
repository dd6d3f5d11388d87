import { meanStats, ratioStats, statMean, type MetricStats } from '../stats/moments.js';
import { quantiles } from '../stats/quantile.js';
import { pick } from '../stats/versus-control.js';
import type { SessionData } from './sessions.js';

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
 * Sufficient statistics of each metric for the sessions at `idx` (one arm), with the session as
 * the unit: bounce is a proportion, pages and duration means, time on page and scroll depth ratios
 * over the session's timed / scrolled pages (delta-method variance). Interaction rate is the share
 * of page views with an interaction (pageviews input) or of sessions with one (sessions input).
 *
 * @example
 * armStats(data, [0, 1, 2]).bounce_rate; // → { kind: 'proportion', n: 3, sum: 1, sumSquares: 1 }
 */
export function armStats(d: SessionData, idx: readonly number[]): Partial<Record<EngagementMetric, MetricStats>> {
  const pages = pick(d.pageviews, idx);
  const duration = pick(d.duration, idx);
  const out: Partial<Record<EngagementMetric, MetricStats>> = {
    bounce_rate: meanStats(pick(d.bounced, idx), 'proportion'),
    pages_per_session: meanStats(pages, 'mean'),
    avg_session_duration: meanStats(duration, 'mean'),
    avg_time_on_page: ratioStats(duration, d.durationCoversLastPage ? pages : pages.map((p) => p - 1)),
  };
  if (d.scrollSum && d.scrollCount) out.scroll_depth = ratioStats(pick(d.scrollSum, idx), pick(d.scrollCount, idx));
  if (d.interacted) {
    const inter = pick(d.interacted, idx);
    out.interaction_rate = d.source === 'pageviews' ? ratioStats(inter, pages) : meanStats(inter, 'proportion');
  }
  return out;
}

/**
 * One row of the `variants` table: the metric means plus scroll-depth quartiles.
 *
 * @example
 * variantRow('control', armStats(data, idx), [0.2, 0.5, 0.9]);
 */
export function variantRow(variant: string, stats: Partial<Record<EngagementMetric, MetricStats>>, scroll: number[]): Record<string, unknown> {
  const row: Record<string, unknown> = { variant, sessions: stats.bounce_rate!.n };
  for (const { name } of ENGAGEMENT_METRICS) {
    const s = stats[name];
    if (!s) continue;
    const mean = statMean(s);
    row[name] = Number.isFinite(mean) ? mean : null;
  }
  if (stats.scroll_depth) {
    const [p25, p50, p75] = quantiles(scroll, [0.25, 0.5, 0.75]);
    Object.assign(row, { scroll_depth_p25: p25, scroll_depth_median: p50, scroll_depth_p75: p75 });
  }
  return row;
}
