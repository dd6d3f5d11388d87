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
