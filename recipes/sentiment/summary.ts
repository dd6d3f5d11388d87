import { studentTInv } from '../stats/distributions.js';
import { pearson } from '../stats/centred-sums.js';

/** Per-group and overall summaries of compound scores, and their agreement with ratings. */

export interface GroupSummary {
  group: string;
  n: number;
  mean_compound: number;
  ci_low: number | null;
  ci_high: number | null;
  share_positive: number;
  share_negative: number;
}

/**
 * Mean compound with a Student-t interval and the shares labelled positive / negative.
 *
 * @example
 * summarizeGroup('all', [0.5, -0.2, 0.9], 0.05).mean_compound; // → 0.4
 */
export function summarizeGroup(group: string, compound: readonly number[], alpha: number): GroupSummary {
  const n = compound.length;
  let sum = 0;
  let pos = 0;
  let neg = 0;
  for (const c of compound) {
    sum += c;
    if (c >= 0.05) pos++;
    else if (c <= -0.05) neg++;
  }
  const mean = sum / n;
  let ss = 0;
  for (const c of compound) ss += (c - mean) ** 2;
  const half = n > 1 ? studentTInv(1 - alpha / 2, n - 1) * Math.sqrt(ss / (n - 1) / n) : null;
  return {
    group, n, mean_compound: mean,
    ci_low: half === null ? null : mean - half, ci_high: half === null ? null : mean + half,
    share_positive: pos / n, share_negative: neg / n,
  };
}

/** Average ranks (ties share the mean rank), 1-based. */
function ranks(values: readonly number[]): Float64Array {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const out = new Float64Array(values.length);
  for (let k = 0; k < order.length; ) {
    let end = k;
    while (end + 1 < order.length && values[order[end + 1]!] === values[order[k]!]) end++;
    for (let m = k; m <= end; m++) out[order[m]!] = (k + end) / 2 + 1;
    k = end + 1;
  }
  return out;
}

/**
 * Spearman rank correlation (Pearson on average ranks, as scipy.stats.spearmanr); null when
 * either side is constant.
 *
 * @example
 * spearman([1, 2, 3, 4], [10, 20, 20, 40]); // → 0.9486832980505138
 */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  return pearson(ranks(x), ranks(y));
}

/**
 * Share of rated texts (rating off the midpoint of the observed rating range) whose label side
 * agrees with the rating side: a high rating with compound ≥ 0.05, a low one with compound < 0.05.
 *
 * @example
 * ratingAgreement([0.6, -0.3, 0.0], [5, 1, 5]); // → { agreement: 2 / 3, n: 3 }
 */
export function ratingAgreement(compound: readonly number[], rating: readonly number[]): { agreement: number | null; n: number } {
  const mid = (Math.min(...rating) + Math.max(...rating)) / 2;
  let n = 0;
  let hits = 0;
  for (let i = 0; i < rating.length; i++) {
    if (rating[i] === mid) continue;
    n++;
    if (rating[i]! > mid === compound[i]! >= 0.05) hits++;
  }
  return { agreement: n ? hits / n : null, n };
}
