import type { ColumnTable } from 'arquero';
import { finiteOrNull } from '../format.js';
import { COMPARISON_COLUMNS, rowsTable } from '../stats/comparison-rows.js';
import type { CompareOptions } from '../stats/compare.js';
import type { Heterogeneity } from '../stats/heterogeneity.js';
import { srmTest } from '../stats/srm.js';
import type { ChartSpec } from '../types.js';
import { segmentForest, segmentHeatmap } from './charts.js';
import { compareSegments, segmentHeterogeneity, type SegmentComparison } from './compare-segments.js';
import type { SegmentMetric } from './metrics.js';
import { simpsonCheck, type SimpsonCheck } from './simpson.js';
import type { SegmentTabulation } from './tabulate.js';

/** Each treatment against the control within every segment, and what that says across segments. */
export interface TreatmentEffects {
  rows: SegmentComparison[];
  skipped: string[];
  /** The `comparisons` table: the per-segment rows, then the `(all)` rows. */
  comparisons: ColumnTable;
  hetero: Map<string, Heterogeneity>;
  simpson: Map<string, SimpsonCheck>;
  srm: { chi2: number; pValue: number } | null;
  /** Heterogeneity (per treatment, and of the first treatment), pooled effect and SRM. */
  metrics: Record<string, number | null>;
  /** The forest plot and heatmap of the lifts. */
  charts: ChartSpec[];
}

/**
 * The lift of every treatment in every segment (and overall), Cochran's Q heterogeneity of the
 * primary metric's lift across segments, the Simpson's paradox check and the SRM test; empty
 * without treatments (no variant column).
 *
 * @example
 * treatmentEffects(tabulation, 'control', ['personalized'], 'conversion_rate', { difference: 'relative', alpha: 0.05, sided: 'two', method: 'frequentist' });
 */
export function treatmentEffects(
  t: SegmentTabulation,
  control: string,
  treatments: string[],
  metric: SegmentMetric,
  options: CompareOptions & { alpha: number },
): TreatmentEffects {
  const hetero = new Map<string, Heterogeneity>();
  const simpson = new Map<string, SimpsonCheck>();
  if (!treatments.length) {
    return { rows: [], skipped: [], comparisons: rowsTable([], ['segment', ...COMPARISON_COLUMNS]), hetero, simpson, srm: null, metrics: {}, charts: [] };
  }
  const cmp = compareSegments(t.cells, control, treatments, options);
  const overallCmp = compareSegments(new Map([['(all)', t.overall]]), control, treatments, options);
  const metrics: Record<string, number | null> = {};
  for (const v of treatments) {
    const h = segmentHeterogeneity(cmp.rows, v, metric);
    hetero.set(v, h);
    metrics[`heterogeneity_p_value_${v}`] = finiteOrNull(h.pValue);
    simpson.set(v, simpsonCheck(t.cells, t.overall, control, v, metric));
  }
  const first = hetero.get(treatments[0]!)!;
  Object.assign(metrics, {
    heterogeneity_p_value: finiteOrNull(first.pValue),
    heterogeneity_q: finiteOrNull(first.q),
    heterogeneity_i2: finiteOrNull(first.i2),
    pooled_effect: finiteOrNull(first.pooled),
  });
  const srm = srmTest([control, ...treatments].map((v) => t.overall.get(v)![metric]!.n));
  Object.assign(metrics, { srm_p_value: srm.pValue, srm_chi2: srm.chi2 });
  const relative = options.difference === 'relative';
  const charts = [segmentForest(cmp.rows, metric, relative, options.alpha, treatments.length === 1 ? first.pooled : undefined), segmentHeatmap(cmp.rows, relative)];
  return { ...cmp, comparisons: rowsTable([...cmp.rows, ...overallCmp.rows], ['segment', ...COMPARISON_COLUMNS]), hetero, simpson, srm, metrics, charts };
}
