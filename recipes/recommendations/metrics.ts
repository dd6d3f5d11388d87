/**
 * Ranking metrics of one user's recommendation list, with Microsoft Recommenders' conventions
 * (recommenders.evaluation.python_evaluation): precision@k divides by k even when the user has
 * fewer relevant items; recall@k by the user's relevant items; average precision@k sums the
 * precision at each hit and divides by min(k, relevant items); NDCG@k uses the gain of each item
 * (its relevance, or 1) discounted by log2(rank + 1), over the ideal ordering of every judged item;
 * the reciprocal rank is 1/rank of the first relevant item anywhere in the list. DCG and NDCG can
 * average the gains of tied items as sklearn's ndcg_score does (McSherry & Najork 2008).
 */

/** How tied scores count in DCG: `average` their gains over the tied positions (sklearn), or take them `first` in item order. */
export type Ties = 'average' | 'first';

export interface UserMetrics {
  precision: number;
  recall: number;
  averagePrecision: number;
  ndcg: number;
  hit: number;
  /** Raw discounted cumulative gain at k and its ideal value. */
  dcg: number;
  idcg: number;
}

const discount = (i: number) => 1 / Math.log2(i + 2);

/**
 * DCG at k of a ranked list. With `keys` and ties `average`, each run of equal keys gets the mean
 * gain of its items at every position it occupies (positions past k count nothing), which is
 * sklearn's `_tie_averaged_dcg`; otherwise items count in list order.
 *
 * @example
 * dcgAtK(['a', 'b', 'c', 'd', 'e'], [-1, 0, 0, 0, -1], gains, 1, 'average'); // sklearn doc example → 7.5
 */
export function dcgAtK(ranked: readonly string[], keys: readonly number[] | undefined, gains: ReadonlyMap<string, number>, k: number, ties: Ties): number {
  const top = Math.min(k, ranked.length);
  let dcg = 0;
  if (ties === 'first' || !keys) {
    for (let i = 0; i < top; i++) dcg += (gains.get(ranked[i]!) ?? 0) * discount(i);
    return dcg;
  }
  for (let start = 0; start < top; ) {
    let end = start + 1;
    while (end < ranked.length && keys[end] === keys[start]) end++;
    let gain = 0;
    for (let i = start; i < end; i++) gain += gains.get(ranked[i]!) ?? 0;
    let discounts = 0;
    for (let i = start; i < Math.min(end, top); i++) discounts += discount(i);
    dcg += (gain / (end - start)) * discounts;
    start = end;
  }
  return dcg;
}

/**
 * R-precision: the share of the user's R relevant items found in the top R of the list.
 *
 * @example
 * rPrecision(['a', 'x', 'b'], new Map([['a', 1], ['b', 1]])); // → 0.5
 */
export function rPrecision(ranked: readonly string[], gains: ReadonlyMap<string, number>): number {
  let r = 0;
  for (const g of gains.values()) if (g > 0) r++;
  if (r === 0) return 0;
  let hits = 0;
  for (let i = 0; i < Math.min(r, ranked.length); i++) if ((gains.get(ranked[i]!) ?? 0) > 0) hits++;
  return hits / r;
}

/**
 * Metrics at cut-off k for one user.
 *
 * @param ranked the user's recommended items, best first
 * @param gains judged items → gain (> 0 is relevant; 0 judged but not relevant)
 * @example
 * userMetricsAtK(['a', 'x', 'b'], new Map([['a', 1], ['b', 1]]), 2); // → { precision: 0.5, recall: 0.5, averagePrecision: 0.5, ndcg: 0.613…, hit: 1, dcg: 1, idcg: 1.63… }
 */
export function userMetricsAtK(
  ranked: readonly string[],
  gains: ReadonlyMap<string, number>,
  k: number,
  keys?: readonly number[],
  ties: Ties = 'first',
): UserMetrics {
  let relevantCount = 0;
  for (const g of gains.values()) if (g > 0) relevantCount++;
  let hits = 0;
  let sumPrecision = 0;
  const top = Math.min(k, ranked.length);
  for (let i = 0; i < top; i++) {
    const gain = gains.get(ranked[i]) ?? 0;
    if (gain > 0) {
      hits++;
      sumPrecision += hits / (i + 1);
    }
  }
  const dcg = dcgAtK(ranked, keys, gains, k, ties);
  const ideal = [...gains.values()].filter((g) => g > 0).sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((s, g, i) => s + g * discount(i), 0);
  return {
    precision: hits / k,
    recall: relevantCount > 0 ? hits / relevantCount : 0,
    averagePrecision: relevantCount > 0 ? sumPrecision / Math.min(k, relevantCount) : 0,
    ndcg: idcg > 0 ? dcg / idcg : 0,
    hit: hits > 0 ? 1 : 0,
    dcg,
    idcg,
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
