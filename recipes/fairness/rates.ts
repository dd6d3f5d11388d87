/** The per-group rates the recipe reports, from the four confusion counts [TP, FP, FN, TN]. */
export const RATES = ['selection_rate', 'tpr', 'fpr', 'precision', 'accuracy'] as const;
export type Rate = (typeof RATES)[number];

/**
 * Selection rate (predicted positive), true and false positive rates, precision and accuracy;
 * NaN where the denominator is 0 (e.g. TPR of a group with no actual positives).
 *
 * @example
 * rates([2, 1, 1, 4]); // → { selection_rate: 0.375, tpr: 2/3, fpr: 0.2, precision: 2/3, accuracy: 0.75 }
 */
export function rates([tp, fp, fn, tn]: readonly number[]): Record<Rate, number> {
  const n = tp! + fp! + fn! + tn!;
  return {
    selection_rate: (tp! + fp!) / n,
    tpr: tp! / (tp! + fn!),
    fpr: fp! / (fp! + tn!),
    precision: tp! / (tp! + fp!),
    accuracy: (tp! + tn!) / n,
  };
}
