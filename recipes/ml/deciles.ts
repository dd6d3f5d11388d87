/**
 * Calibration and gains tables: both cut the scored customers into ten equal-count groups by
 * predicted probability (rows at the same score may fall in neighbouring groups, as in
 * pandas.qcut with duplicates kept by position). Calibration orders them from the lowest score,
 * gains from the highest, because that is how each is read.
 */

type Numbers = ArrayLike<number>;

/** Row index ranges of `groups` equal-count groups over `order`. */
function groupsOf(order: number[], groups: number): number[][] {
  const n = order.length;
  const out: number[][] = [];
  for (let g = 0; g < groups; g++) {
    const slice = order.slice(Math.floor((g * n) / groups), Math.floor(((g + 1) * n) / groups));
    if (slice.length) out.push(slice);
  }
  return out;
}

export interface CalibrationRow {
  decile: number;
  n: number;
  mean_predicted: number;
  observed_rate: number;
}

/**
 * Mean predicted probability vs observed rate per decile of prediction (lowest first).
 *
 * @example
 * calibrationDeciles([0, 1, 1, 0], [0.2, 0.7, 0.9, 0.1], 2);
 * // → [{ decile: 1, n: 2, mean_predicted: 0.15, observed_rate: 0 }, { decile: 2, n: 2, mean_predicted: 0.8, observed_rate: 1 }]
 */
export function calibrationDeciles(y: Numbers, p: Numbers, groups = 10): CalibrationRow[] {
  const order = Array.from({ length: p.length }, (_, i) => i).sort((a, b) => p[a] - p[b]);
  return groupsOf(order, groups).map((rows, i) => {
    let sp = 0;
    let sy = 0;
    for (const r of rows) {
      sp += p[r];
      sy += y[r];
    }
    return { decile: i + 1, n: rows.length, mean_predicted: sp / rows.length, observed_rate: sy / rows.length };
  });
}

export interface GainsRow {
  decile: number;
  n: number;
  positives: number;
  rate: number;
  cumulative_share: number;
  lift: number;
  cumulative_lift: number;
}

/**
 * Cumulative gains and lift per decile of score, highest scores first: what share of all
 * positives (churners) the top k deciles capture, and how many times the base rate each holds.
 *
 * @example
 * gainsTable([1, 0, 1, 0], [0.9, 0.8, 0.3, 0.1], 2);
 * // → decile 1: positives 1, cumulative_share 0.5, lift 1; decile 2: cumulative_share 1
 */
export function gainsTable(y: Numbers, score: Numbers, groups = 10): GainsRow[] {
  const order = Array.from({ length: score.length }, (_, i) => i).sort((a, b) => score[b] - score[a]);
  let total = 0;
  for (let i = 0; i < y.length; i++) total += y[i];
  const base = total / y.length;
  let cumPositives = 0;
  let cumN = 0;
  return groupsOf(order, groups).map((rows, i) => {
    let positives = 0;
    for (const r of rows) positives += y[r];
    cumPositives += positives;
    cumN += rows.length;
    const rate = positives / rows.length;
    return {
      decile: i + 1,
      n: rows.length,
      positives,
      rate,
      cumulative_share: total ? cumPositives / total : NaN,
      lift: base ? rate / base : NaN,
      cumulative_lift: base ? cumPositives / cumN / base : NaN,
    };
  });
}
