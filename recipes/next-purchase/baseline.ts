import type { Snapshot } from '../churn/transaction-features.js';

/**
 * The naive baseline RECIPES.md names: each customer's next order comes one median
 * inter-purchase gap after the cutoff and is worth their mean order value. Customers with a
 * single order have no gap; they get the median over all customers' median gaps (so the
 * baseline still predicts for everyone).
 *
 * @example
 * const { days, value } = naiveBaseline(snapshot);
 */
export function naiveBaseline(snapshot: Snapshot): { days: Float64Array; value: Float64Array } {
  const gaps = snapshot.columns.median_gap_days;
  const known = Array.from(gaps).filter(Number.isFinite).sort((a, b) => a - b);
  const m = known.length >> 1;
  const fallback = known.length ? (known.length % 2 ? known[m] : (known[m - 1] + known[m]) / 2) : NaN;
  return {
    days: gaps.map((g) => (Number.isFinite(g) ? g : fallback)),
    value: Float64Array.from(snapshot.columns.avg_order_value ?? []),
  };
}

/**
 * Mean absolute error over the rows where the actual value is known.
 *
 * @example
 * maeKnown(Float64Array.of(1, 2), Float64Array.of(2, NaN)); // → 1
 */
export function maeKnown(predicted: ArrayLike<number>, actual: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < actual.length; i++) {
    if (Number.isFinite(actual[i])) {
      sum += Math.abs(predicted[i] - actual[i]);
      n++;
    }
  }
  return n ? sum / n : NaN;
}
