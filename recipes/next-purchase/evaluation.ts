import type { Snapshot } from '../churn/transaction-features.js';
import { finiteOrNull } from '../format.js';
import { auc, brier } from '../ml/metrics.js';
import type { MetricValue } from '../types.js';
import { maeKnown } from './baseline.js';

/** Predictions of one kind per customer of the scoring snapshot. */
export interface NextPurchasePrediction {
  days: ArrayLike<number>;
  value: ArrayLike<number>;
}

/**
 * The accuracy metrics on the orders after the cutoff: mean absolute errors of the model and of
 * the naive baseline (customers who ordered again only), and AUC and Brier of the
 * within-`window` probability when the data covers the window (BG/NBD's AUC too when given).
 *
 * @example
 * nextPurchaseMetrics({ now, predicted, base, bgExpected, window: 30, withinKnown: true });
 */
export function nextPurchaseMetrics(x: {
  now: Snapshot;
  predicted: NextPurchasePrediction & { within: ArrayLike<number> };
  base: NextPurchasePrediction;
  bgExpected: ArrayLike<number> | undefined;
  window: number;
  withinKnown: boolean;
}): Record<string, MetricValue> {
  const { now, predicted, base, bgExpected, window, withinKnown } = x;
  const withinActual = now.nextDays.map((d) => (d < window ? 1 : 0));
  return {
    n_customers: now.customers.length,
    n_evaluated: Array.from(now.nextDays).filter(Number.isFinite).length,
    mae_days: finiteOrNull(maeKnown(predicted.days, now.nextDays)),
    baseline_mae_days: finiteOrNull(maeKnown(base.days, now.nextDays)),
    mae_value: finiteOrNull(maeKnown(predicted.value, now.nextValue)),
    baseline_mae_value: finiteOrNull(maeKnown(base.value, now.nextValue)),
    [`auc_within_${window}`]: withinKnown ? finiteOrNull(auc(withinActual, predicted.within)) : null,
    [`brier_within_${window}`]: withinKnown ? finiteOrNull(brier(withinActual, predicted.within)) : null,
    [`bgnbd_auc_within_${window}`]: withinKnown && bgExpected ? finiteOrNull(auc(withinActual, bgExpected)) : null,
  };
}
