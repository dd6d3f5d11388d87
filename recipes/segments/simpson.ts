import { chiSquareIndependence } from '../stats/contingency.js';
import { statMean, type MetricStats } from '../stats/moments.js';
import type { CellStats } from './compare-segments.js';
import type { SegmentMetric } from './metrics.js';

/**
 * Simpson's paradox checks for one treatment and metric. (1) Does the segment mix differ between
 * the arms (chi-square test of segment × arm counts)? In a randomized test it should not; when it
 * does, the pooled lift mixes the lift with the mix. (2) Does the pooled difference point the other
 * way from the segment-standardized difference Σ w_s·(t_s − c_s), with w_s the segment's share of
 * all customers? That is the paradox itself.
 */
export interface SimpsonCheck {
  mixPValue: number;
  pooledDifference: number;
  standardizedDifference: number;
  reversal: boolean;
}

/**
 * @example
 * simpsonCheck(cells, overall, 'control', 'personalized', 'conversion_rate');
 */
export function simpsonCheck(cells: CellStats, overall: Map<string, Partial<Record<SegmentMetric, MetricStats>>>, control: string, treatment: string, metric: SegmentMetric): SimpsonCheck {
  const counts: number[][] = [];
  let total = 0;
  let standardized = 0;
  const parts: { n: number; diff: number }[] = [];
  for (const byVariant of cells.values()) {
    const c = byVariant.get(control)?.[metric];
    const t = byVariant.get(treatment)?.[metric];
    counts.push([c?.n ?? 0, t?.n ?? 0]);
    if (c && t) {
      const diff = statMean(t) - statMean(c);
      if (Number.isFinite(diff)) parts.push({ n: c.n + t.n, diff });
    }
  }
  for (const p of parts) total += p.n;
  for (const p of parts) standardized += (p.n / total) * p.diff;
  const pooled = statMean(overall.get(treatment)![metric]!) - statMean(overall.get(control)![metric]!);
  const mix = chiSquareIndependence(counts);
  return {
    mixPValue: mix.pValue,
    pooledDifference: pooled,
    standardizedDifference: standardized,
    reversal: Math.sign(pooled) !== Math.sign(standardized) && Math.abs(pooled) > 1e-12 && Math.abs(standardized) > 1e-12,
  };
}
