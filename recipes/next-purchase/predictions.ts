import type { BgNbdScores } from '../churn/bgnbd-baseline.js';
import type { Snapshot } from '../churn/transaction-features.js';
import { finiteOrNull } from '../format.js';
import type { NextPurchasePrediction } from './evaluation.js';

/**
 * The columns of the `predictions` table: the model's days, value and within-`window`
 * probability, BG/NBD's P(alive) and expected orders when fitted, the naive baseline, and what
 * happened after the cutoff (empty when the customer did not order again).
 *
 * @example
 * aq.table(predictionColumns(now, predicted, base, bg, bg?.expected(30), 30));
 */
export function predictionColumns(
  now: Snapshot,
  predicted: NextPurchasePrediction & { within: ArrayLike<number> },
  base: NextPurchasePrediction,
  bg: BgNbdScores | undefined,
  bgExpected: ArrayLike<number> | undefined,
  window: number,
): Record<string, unknown[]> {
  return {
    customer: now.customers,
    expected_days_to_next: Array.from(predicted.days),
    expected_next_value: Array.from(predicted.value),
    [`p_purchase_within_${window}`]: Array.from(predicted.within),
    ...(bg && bgExpected ? { bgnbd_p_alive: Array.from(bg.pAlive), [`bgnbd_expected_orders_${window}`]: Array.from(bgExpected) } : {}),
    baseline_days_to_next: Array.from(base.days),
    baseline_next_value: Array.from(base.value),
    actual_days_to_next: Array.from(now.nextDays, finiteOrNull),
    actual_next_value: Array.from(now.nextValue, finiteOrNull),
  };
}
