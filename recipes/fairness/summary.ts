import { difference, ratio, type Method } from './disparity.js';
import { rates, type Rate } from './rates.js';

/** The headline disparity metrics, named as in the recipe contract. */
export const DISPARITIES = [
  'demographic_parity_difference',
  'demographic_parity_ratio',
  'equal_opportunity_difference',
  'equal_opportunity_ratio',
  'equalized_odds_difference',
  'equalized_odds_ratio',
  'predictive_parity_difference',
  'predictive_parity_ratio',
  'false_positive_rate_difference',
  'false_positive_rate_ratio',
  'accuracy_difference',
] as const;
export type Disparity = (typeof DISPARITIES)[number];

export interface Summary {
  byGroup: Record<Rate, number>[];
  overall: Record<Rate, number>;
  disparities: Record<Disparity, number>;
}

/**
 * Per-group rates, overall rates and the disparity metrics from each group's confusion counts.
 * Equalized odds is the larger of the TPR and FPR differences (the smaller of their ratios), as
 * in fairlearn.
 *
 * @example
 * summarize([[1, 2, 1, 0], [3, 0, 2, 1]], 'between_groups').disparities.demographic_parity_difference;
 */
export function summarize(counts: readonly number[][], method: Method): Summary {
  const byGroup = counts.map((c) => rates(c));
  const overall = rates([0, 1, 2, 3].map((k) => counts.reduce((s, c) => s + c[k]!, 0)));
  const col = (r: Rate) => byGroup.map((g) => g[r]);
  const diff = (r: Rate) => difference(col(r), overall[r], method);
  const rat = (r: Rate) => ratio(col(r), overall[r], method);
  return {
    byGroup,
    overall,
    disparities: {
      demographic_parity_difference: diff('selection_rate'),
      demographic_parity_ratio: rat('selection_rate'),
      equal_opportunity_difference: diff('tpr'),
      equal_opportunity_ratio: rat('tpr'),
      equalized_odds_difference: Math.max(diff('tpr'), diff('fpr')),
      equalized_odds_ratio: Math.min(rat('tpr'), rat('fpr')),
      predictive_parity_difference: diff('precision'),
      predictive_parity_ratio: rat('precision'),
      false_positive_rate_difference: diff('fpr'),
      false_positive_rate_ratio: rat('fpr'),
      accuracy_difference: diff('accuracy'),
    },
  };
}
