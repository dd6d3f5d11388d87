/**
 * Sample quantiles by linear interpolation between order statistics (Hyndman & Fan type 7, the
 * default of numpy, R and Excel's PERCENTILE.INC), so a reported median or p90 matches what a
 * user gets from a spreadsheet.
 */

/**
 * The q-quantile (0 ≤ q ≤ 1) of finite values; NaN when there are none.
 *
 * @example
 * quantile([1, 2, 3, 4], 0.5); // → 2.5
 * quantile([1, 2, 3, 4], 0.9); // → 3.7
 */
export function quantile(values: ArrayLike<number>, q: number): number {
  return quantiles(values, [q])[0]!;
}

/**
 * Several quantiles of the same values with one sort.
 *
 * @example
 * quantiles([3, 1, 2], [0, 0.5, 1]); // → [1, 2, 3]
 */
export function quantiles(values: ArrayLike<number>, qs: readonly number[]): number[] {
  const sorted = Float64Array.from(Array.from(values).filter((v) => Number.isFinite(v))).sort();
  const n = sorted.length;
  return qs.map((q) => {
    if (n === 0) return NaN;
    const h = (n - 1) * Math.min(1, Math.max(0, q));
    const lo = Math.floor(h);
    const hi = Math.min(n - 1, lo + 1);
    return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
  });
}

/**
 * `quantiles` of values given once each with how often they occur (an aggregated value-count
 * table), without expanding them: the same order statistics, found by cumulative counts.
 *
 * @example
 * weightedQuantiles([1, 2, 3], [1, 2, 1], [0.5]); // → [2], as quantiles([1, 2, 2, 3], [0.5])
 */
export function weightedQuantiles(values: ArrayLike<number>, counts: ArrayLike<number>, qs: readonly number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!) && counts[i]! > 0) pairs.push([values[i]!, counts[i]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const cumulative: number[] = [];
  let n = 0;
  for (const [, c] of pairs) cumulative.push((n += c));
  // The k-th smallest value (0-based): the first value whose cumulative count passes k.
  const at = (k: number) => {
    let lo = 0;
    let hi = pairs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > k) hi = mid;
      else lo = mid + 1;
    }
    return pairs[lo]![0];
  };
  return qs.map((q) => {
    if (n === 0) return NaN;
    const h = (n - 1) * Math.min(1, Math.max(0, q));
    const lo = Math.floor(h);
    const hi = Math.min(n - 1, lo + 1);
    const a = at(lo);
    return a + (h - lo) * (at(hi) - a);
  });
}
