import { groupHistories } from './bgnbd.js';
import type { DistinctRows } from './distinct.js';
import type { ClvData } from './inputs.js';
import type { FittedPurchaseModel } from './models.js';
import { UNIT_DAYS, type TimeUnit } from './summary.js';

/** Predicted against actual repeat purchases after the calibration end. */
export interface Holdout {
  /** Length of the holdout period in units. */
  t: number;
  predicted: number;
  actual: number;
}

/**
 * The holdout check of a transactions input with an observation period after calibration, else
 * undefined: the repeat purchases the model expects of the customers in that period, and the ones
 * they made.
 *
 * @example
 * holdoutCheck(model, data, 'week', histories); // → { t: 39, predicted: 1788.6, actual: 1788 }
 */
export function holdoutCheck(model: FittedPurchaseModel, data: ClvData, unit: TimeUnit, grouped?: DistinctRows): Holdout | undefined {
  if (data.observationEndDay === undefined || data.calibrationEndDay === undefined || !(data.observationEndDay > data.calibrationEndDay)) return undefined;
  const s = data.summary;
  const t = (data.observationEndDay - data.calibrationEndDay) / UNIT_DAYS[unit];
  // Once per distinct history (each is a 2F1 series), summed per customer in their order as before.
  const histories = grouped ?? groupHistories(s);
  const expected = new Float64Array(histories.first.length);
  for (let k = 0; k < expected.length; k++) {
    const i = histories.first[k]!;
    expected[k] = model.conditionalExpected(t, s.frequency[i]!, s.recency[i]!, s.T[i]!);
  }
  let predicted = 0;
  let actual = 0;
  for (let i = 0; i < s.customers.length; i++) {
    predicted += expected[histories.index[i]!]!;
    actual += s.holdoutFrequency[i]!;
  }
  return { t, predicted, actual };
}
