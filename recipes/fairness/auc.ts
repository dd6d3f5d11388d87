/**
 * Area under the ROC curve by the Mann–Whitney rank statistic (ties count half); NaN when one
 * class is missing.
 *
 * @example
 * auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]); // → 0.75
 */
export function auc(scores: ArrayLike<number>, positive: ArrayLike<number>): number {
  const idx = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let rankSum = 0;
  let pos = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (positive[idx[k]!]) {
        rankSum += rank;
        pos++;
      }
    }
    i = j + 1;
  }
  const neg = idx.length - pos;
  return pos && neg ? (rankSum - (pos * (pos + 1)) / 2) / (pos * neg) : NaN;
}
