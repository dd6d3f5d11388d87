/**
 * Ranking metrics of one user's recommendation list, with Microsoft Recommenders' conventions
 * (recommenders.evaluation.python_evaluation): precision@k divides by k even when the user has
 * fewer relevant items; recall@k by the user's relevant items; average precision@k sums the
 * precision at each hit and divides by min(k, relevant items); NDCG@k uses the gain of each item
 * (its relevance, or 1) discounted by log2(rank + 1), over the ideal ordering of every judged item;
 * the reciprocal rank is 1/rank of the first relevant item anywhere in the list.
 */

export interface UserMetrics {
  precision: number;
  recall: number;
  averagePrecision: number;
  ndcg: number;
  hit: number;
}

/**
 * Metrics at cut-off k for one user.
 *
 * @param ranked the user's recommended items, best first
 * @param gains judged items → gain (> 0 is relevant; 0 judged but not relevant)
 * @example
 * userMetricsAtK(['a', 'x', 'b'], new Map([['a', 1], ['b', 1]]), 2); // → { precision: 0.5, recall: 0.5, averagePrecision: 0.5, ndcg: 0.613…, hit: 1 }
 */
export function userMetricsAtK(ranked: readonly string[], gains: ReadonlyMap<string, number>, k: number): UserMetrics {
  let relevantCount = 0;
  for (const g of gains.values()) if (g > 0) relevantCount++;
  let hits = 0;
  let sumPrecision = 0;
  let dcg = 0;
  const top = Math.min(k, ranked.length);
  for (let i = 0; i < top; i++) {
    const gain = gains.get(ranked[i]) ?? 0;
    if (gain > 0) {
      hits++;
      sumPrecision += hits / (i + 1);
      dcg += gain / Math.log2(i + 2);
    }
  }
  const ideal = [...gains.values()].filter((g) => g > 0).sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((s, g, i) => s + g / Math.log2(i + 2), 0);
  return {
    precision: hits / k,
    recall: relevantCount > 0 ? hits / relevantCount : 0,
    averagePrecision: relevantCount > 0 ? sumPrecision / Math.min(k, relevantCount) : 0,
    ndcg: idcg > 0 ? dcg / idcg : 0,
    hit: hits > 0 ? 1 : 0,
  };
}

/**
 * 1/rank of the first relevant item in the whole list (0 when none is relevant).
 *
 * @example
 * reciprocalRank(['x', 'a'], new Map([['a', 1]])); // → 0.5
 */
export function reciprocalRank(ranked: readonly string[], gains: ReadonlyMap<string, number>): number {
  const i = ranked.findIndex((item) => (gains.get(item) ?? 0) > 0);
  return i < 0 ? 0 : 1 / (i + 1);
}
