/**
 * fairlearn's aggregations of a per-group metric (MetricFrame.difference / ratio). Groups whose
 * value is undefined (NaN, e.g. no actual positives for TPR) are left out.
 *   between_groups: difference = max − min, ratio = min / max;
 *   to_overall:     difference = max |g − overall|, ratio = min over groups of min(g/overall, overall/g).
 */
export type Method = 'between_groups' | 'to_overall';

/**
 * @example
 * difference([0.75, 0.5, 0.5], 5 / 9, 'to_overall'); // → 0.19444…
 */
export function difference(values: readonly number[], overall: number, method: Method): number {
  const v = values.filter(Number.isFinite);
  if (v.length === 0) return NaN;
  if (method === 'between_groups') return Math.max(...v) - Math.min(...v);
  return Math.max(...v.map((x) => Math.abs(x - overall)));
}

/**
 * @example
 * ratio([0.75, 0.5, 0.5], 5 / 9, 'between_groups'); // → 0.6667
 */
export function ratio(values: readonly number[], overall: number, method: Method): number {
  const v = values.filter(Number.isFinite);
  if (v.length === 0) return NaN;
  const r = (a: number, b: number) => (a === 0 && b === 0 ? 1 : b === 0 ? 0 : a / b);
  if (method === 'between_groups') return r(Math.min(...v), Math.max(...v));
  return Math.min(...v.map((x) => Math.min(r(x, overall), r(overall, x))));
}
