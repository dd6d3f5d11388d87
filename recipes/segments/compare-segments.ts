import type { CompareOptions } from '../stats/compare.js';
import { adjustHolm, comparisonRow, type ComparisonRow } from '../stats/comparison-rows.js';
import { cochranQ, type Heterogeneity } from '../stats/heterogeneity.js';
import type { MetricStats } from '../stats/moments.js';
import { tryCompare } from '../stats/versus-control.js';
import { SEGMENT_METRICS, type SegmentMetric } from './metrics.js';

export type SegmentComparison = { segment: string } & ComparisonRow;

/** Statistics per segment, then per variant, then per metric. */
export type CellStats = Map<string, Map<string, Partial<Record<SegmentMetric, MetricStats>>>>;

/**
 * Every treatment against control within every segment and metric. Holm adjusts over the whole
 * family of per-segment comparisons (segments × variants × metrics): slicing one test into many
 * segments is exactly where false discoveries come from. A comparison a segment is too small for is
 * returned as a reason instead.
 *
 * @example
 * compareSegments(cells, 'control', ['personalized'], { alpha: 0.05 });
 */
export function compareSegments(cells: CellStats, control: string, treatments: string[], options: CompareOptions & { alpha: number }): { rows: SegmentComparison[]; skipped: string[] } {
  const rows: SegmentComparison[] = [];
  const skipped: string[] = [];
  for (const [segment, byVariant] of cells) {
    const c = byVariant.get(control);
    for (const t of treatments) {
      const tStats = byVariant.get(t);
      if (!c || !tStats) {
        skipped.push(`segment "${segment}" has no customers in ${!c ? `control "${control}"` : `"${t}"`}`);
        continue;
      }
      for (const metric of SEGMENT_METRICS) {
        if (!c[metric] || !tStats[metric]) continue;
        const attempt = tryCompare(c[metric]!, tStats[metric]!, options);
        if (attempt.ok) rows.push({ segment, ...comparisonRow(t, metric, attempt.value) });
        else skipped.push(`${metric} in segment "${segment}" for "${t}": ${attempt.reason}`);
      }
    }
  }
  return { rows: adjustHolm(rows, options.alpha), skipped };
}

/**
 * Cochran's Q over the per-segment effects of one treatment on one metric: does the lift differ
 * across segments beyond what chance would produce?
 *
 * @example
 * segmentHeterogeneity(rows, 'personalized', 'conversion_rate').pValue;
 */
export function segmentHeterogeneity(rows: SegmentComparison[], variant: string, metric: string): Heterogeneity {
  const mine = rows.filter((r) => r.variant === variant && r.metric === metric);
  return cochranQ(mine.map((r) => r.effect), mine.map((r) => r.se));
}
