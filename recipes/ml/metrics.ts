/**
 * Scores of a binary classifier from labels (0/1) and predicted probabilities. Definitions follow
 * scikit-learn: ROC AUC with ties counted as ½ (the Mann–Whitney U statistic over n₁·n₀),
 * PR-AUC as average precision Σ (Rₖ − Rₖ₋₁)·Pₖ over distinct thresholds, log loss with
 * probabilities clipped to [1e-15, 1 − 1e-15].
 */

type Numbers = ArrayLike<number>;

function countPositives(y: Numbers): number {
  let p = 0;
  for (let i = 0; i < y.length; i++) p += y[i];
  return p;
}

/** Indices sorted by descending score. */
function descending(score: Numbers): number[] {
  return Array.from({ length: score.length }, (_, i) => i).sort((a, b) => score[b] - score[a]);
}

/**
 * Area under the ROC curve; NaN when only one class is present.
 *
 * @example
 * auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // → 0.75
 */
export function auc(y: Numbers, score: Numbers): number {
  const positives = countPositives(y);
  const negatives = y.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  const order = Array.from({ length: score.length }, (_, i) => i).sort((a, b) => score[a] - score[b]);
  // Average ranks over ties, then U = Σ ranks of positives − n₁(n₁+1)/2.
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && score[order[j + 1]] === score[order[i]]) j++;
    const midRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (y[order[k]] === 1) rankSum += midRank;
    i = j + 1;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Average precision (area under the precision–recall curve, step-wise); NaN without positives.
 *
 * @example
 * prAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // → 0.8333…
 */
export function prAuc(y: Numbers, score: Numbers): number {
  const positives = countPositives(y);
  if (positives === 0) return NaN;
  const order = descending(score);
  let tp = 0;
  let ap = 0;
  let lastRecall = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && score[order[j + 1]] === score[order[i]]) j++;
    for (let k = i; k <= j; k++) tp += y[order[k]];
    const seen = j + 1;
    const recall = tp / positives;
    ap += (recall - lastRecall) * (tp / seen);
    lastRecall = recall;
    i = j + 1;
  }
  return ap;
}

/**
 * Mean binary cross-entropy in nats.
 *
 * @example
 * logLoss([1, 0], [0.9, 0.2]); // → (−ln 0.9 − ln 0.8) / 2
 */
export function logLoss(y: Numbers, p: Numbers): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(1 - 1e-15, Math.max(1e-15, p[i]));
    sum -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
  }
  return sum / y.length;
}

/**
 * Brier score: mean squared difference between probability and outcome.
 *
 * @example
 * brier([1, 0], [0.9, 0.2]); // → (0.01 + 0.04) / 2
 */
export function brier(y: Numbers, p: Numbers): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += (p[i] - y[i]) ** 2;
  return sum / y.length;
}

/**
 * Share of correct calls when predicting 1 for p ≥ threshold.
 *
 * @example
 * accuracy([1, 0, 1], [0.9, 0.2, 0.4]); // → 2/3
 */
export function accuracy(y: Numbers, p: Numbers, threshold = 0.5): number {
  let right = 0;
  for (let i = 0; i < y.length; i++) right += (p[i] >= threshold ? 1 : 0) === y[i] ? 1 : 0;
  return right / y.length;
}
