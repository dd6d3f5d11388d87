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
 * holdoutCheck(model, data, 'week'); // → { t: 39, predicted: 1788.6, actual: 1788 }
 */
export function holdoutCheck(model: FittedPurchaseModel, data: ClvData, unit: TimeUnit): Holdout | undefined {
  if (data.observationEndDay === undefined || data.calibrationEndDay === undefined || !(data.observationEndDay > data.calibrationEndDay)) return undefined;
  const s = data.summary;
  const t = (data.observationEndDay - data.calibrationEndDay) / UNIT_DAYS[unit];
  let predicted = 0;
  let actual = 0;
  for (let i = 0; i < s.customers.length; i++) {
    predicted += model.conditionalExpected(t, s.frequency[i]!, s.recency[i]!, s.T[i]!);
    actual += s.holdoutFrequency[i]!;
  }
  return { t, predicted, actual };
}
