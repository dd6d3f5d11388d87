import { statMean, type MeanStats, type MetricStats, type RatioStats } from '../stats/moments.js';
import { RecipeInputError } from '../errors.js';
import type { CellSums, Measure, SegmentLayout } from './aggregate.js';
import { finiteOrNull } from '../format.js';

/** Segment metrics in report order. */
export const SEGMENT_METRICS = ['penetration_rate', 'conversion_rate', 'aov', 'revenue_per_customer', 'clv', 'profit_per_customer'] as const;
export type SegmentMetric = (typeof SEGMENT_METRICS)[number];

const mean = (s: CellSums, m: string, kind: 'proportion' | 'mean'): MeanStats => ({ kind, n: s.n!, sum: s[`sum_${m}`]!, sumSquares: s[`squares_${m}`]! });
const ratio = (s: CellSums, num: Measure, den: Measure, cross: string): RatioStats => ({
  kind: 'ratio', n: s.n!, sumNum: s[`sum_${num}`]!, sumNumSquares: s[`squares_${num}`]!, sumDen: s[`sum_${den}`]!, sumDenSquares: s[`squares_${den}`]!, sumCross: s[cross]!,
});

/**
 * Sufficient statistics of every available metric of a cell, from its sums: penetration
 * = Σengaged/Σexposed and AOV = Σrevenue/Σorders (or per converter) are ratios with the customer
 * as the unit; conversion is a proportion (0/1) or mean; the rest are per-customer means. Profit
 * per customer is revenue × margin − cost.
 *
 * @example
 * cellStats(cell, layout, 'proportion').conversion_rate;
 */
export function cellStats(s: CellSums, layout: SegmentLayout, convertedKind: 'proportion' | 'mean'): Partial<Record<SegmentMetric, MetricStats>> {
  const has = layout.measures;
  const out: Partial<Record<SegmentMetric, MetricStats>> = {};
  if (has.engaged && has.exposed) out.penetration_rate = ratio(s, 'engaged', 'exposed', 'cross_penetration');
  if (has.converted) out.conversion_rate = mean(s, 'converted', convertedKind);
  if (has.revenue) {
    if (layout.per) out.aov = ratio(s, 'revenue', layout.per, 'cross_aov');
    out.revenue_per_customer = mean(s, 'revenue', 'mean');
    out.profit_per_customer = mean(s, 'profit', 'mean');
  }
  if (has.clv) out.clv = mean(s, 'clv', 'mean');
  return out;
}

/**
 * A row of the `segments` table from a cell's statistics; undefined ratios (no orders) are null.
 *
 * @example
 * segmentRow('students', 'control', cellStats(cell, layout, 'proportion'), cell, layout, 1);
 */
export function segmentRow(segment: string, variant: string, stats: Partial<Record<SegmentMetric, MetricStats>>, s: CellSums, layout: SegmentLayout, margin: number): Record<string, unknown> {
  const row: Record<string, unknown> = { segment, variant, customers: s.n };
  for (const m of SEGMENT_METRICS) {
    if (m === 'profit_per_customer') continue;
    const st = stats[m];
    if (!st) continue;
    const value = statMean(st);
    row[m] = finiteOrNull(value);
  }
  if (layout.measures.revenue) {
    row.profit = s.sum_revenue! * margin - (layout.measures.cost ? s.sum_cost! : 0);
    row.profit_per_customer = (row.profit as number) / s.n!;
  }
  return row;
}

/**
 * The metrics the data can give (from the control's statistics) and the primary one: the chosen
 * metric, else conversion rate, else revenue per customer, else the first available; throws when
 * the chosen one cannot be computed.
 *
 * @example
 * primaryMetric(overall.get('control')!, undefined).metric; // → 'conversion_rate'
 */
export function primaryMetric(control: Partial<Record<SegmentMetric, MetricStats>>, chosen: SegmentMetric | undefined): { metric: SegmentMetric; available: SegmentMetric[] } {
  const available = SEGMENT_METRICS.filter((m) => control[m]);
  const metric: SegmentMetric =
    chosen ?? (available.includes('conversion_rate') ? 'conversion_rate' : available.includes('revenue_per_customer') ? 'revenue_per_customer' : available[0]!);
  if (!available.includes(metric)) {
    throw new RecipeInputError(
      `metric "${metric}" cannot be computed from units; available metrics are ${available.join(', ')}. Add the column it needs or choose one of those.`,
    );
  }
  return { metric, available };
}
