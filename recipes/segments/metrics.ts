import { meanStats, ratioStats, statMean, type MetricStats } from '../stats/moments.js';
import { metricKind, pick } from '../stats/versus-control.js';
import type { Units } from './units.js';

/** Segment metrics in report order. */
export const SEGMENT_METRICS = ['penetration_rate', 'conversion_rate', 'aov', 'revenue_per_customer', 'clv', 'profit_per_customer'] as const;
export type SegmentMetric = (typeof SEGMENT_METRICS)[number];

/**
 * Sufficient statistics of every available metric for the customers at `idx`: penetration
 * = Σengaged/Σexposed and AOV = Σrevenue/Σorders (or per converter) are ratios with the customer
 * as the unit; conversion is a proportion (0/1) or mean; the rest are per-customer means. Profit
 * per customer is revenue × margin − cost.
 *
 * @example
 * cellStats(units, [0, 1, 2], 0.3).conversion_rate;
 */
export function cellStats(u: Units, idx: readonly number[], margin: number): Partial<Record<SegmentMetric, MetricStats>> {
  const v = u.values;
  const out: Partial<Record<SegmentMetric, MetricStats>> = {};
  if (v.engaged && v.exposed) out.penetration_rate = ratioStats(pick(v.engaged, idx), pick(v.exposed, idx));
  if (v.converted) {
    const c = pick(v.converted, idx);
    out.conversion_rate = meanStats(c, metricKind(v.converted));
  }
  if (v.revenue) {
    const revenue = pick(v.revenue, idx);
    const per = v.orders ?? v.converted;
    if (per) out.aov = ratioStats(revenue, pick(per, idx));
    out.revenue_per_customer = meanStats(revenue, 'mean');
    out.profit_per_customer = meanStats(revenue.map((r, i) => r * margin - (v.cost ? v.cost[idx[i]!]! : 0)), 'mean');
  }
  if (v.clv) out.clv = meanStats(pick(v.clv, idx), 'mean');
  return out;
}

/**
 * A row of the `segments` table from a cell's statistics; undefined ratios (no orders) are null.
 *
 * @example
 * segmentRow('students', 'control', cellStats(units, idx, 1), units, idx, 1);
 */
export function segmentRow(segment: string, variant: string, stats: Partial<Record<SegmentMetric, MetricStats>>, u: Units, idx: readonly number[], margin: number): Record<string, unknown> {
  const row: Record<string, unknown> = { segment, variant, customers: idx.length };
  for (const m of SEGMENT_METRICS) {
    if (m === 'profit_per_customer') continue;
    const s = stats[m];
    if (!s) continue;
    const mean = statMean(s);
    row[m] = Number.isFinite(mean) ? mean : null;
  }
  if (u.values.revenue) {
    const revenue = idx.reduce((a, i) => a + u.values.revenue![i]!, 0);
    const cost = u.values.cost ? idx.reduce((a, i) => a + u.values.cost![i]!, 0) : 0;
    row.profit = revenue * margin - cost;
    row.profit_per_customer = row.profit as number / idx.length;
  }
  return row;
}
