import { RecipeInputError } from '../errors.js';

/**
 * Sufficient statistics per experiment arm, following gbstats (GrowthBook's stats engine) so a
 * result can be cross-checked there. Everything downstream (effects, tests, CUPED) needs only
 * these sums, which is why a summary table of counts is as good an input as one row per unit.
 */

/** A proportion (0/1 per unit) or mean metric: n units, Σx and Σx². */
export interface MeanStats {
  kind: 'proportion' | 'mean';
  n: number;
  sum: number;
  sumSquares: number;
}

/** A ratio metric Σm/Σd (e.g. revenue per order): per-unit sums, squares and Σ m·d. */
export interface RatioStats {
  kind: 'ratio';
  n: number;
  sumNum: number;
  sumNumSquares: number;
  sumDen: number;
  sumDenSquares: number;
  sumCross: number;
}

/**
 * A metric with a pre-period covariate for CUPED: post sums, pre sums and Σ post·pre.
 * `postKind` says whether the post metric is a 0/1 proportion (variance p(1−p), as gbstats does);
 * it defaults to a mean metric.
 */
export interface CupedStats {
  kind: 'cuped';
  n: number;
  sum: number;
  sumSquares: number;
  sumPre: number;
  sumPreSquares: number;
  sumCross: number;
  postKind?: 'proportion' | 'mean';
  /** Whether the covariate is a 0/1 proportion too; gbstats then takes its variance as p(1−p) and the covariance over n. */
  preKind?: 'proportion' | 'mean';
}

/**
 * A ratio metric with CUPED (gbstats' regression-adjusted ratio): the post-period numerator and
 * denominator sums of `RatioStats`, the same for the pre-period numerator and denominator, and
 * every cross-product of the four per-unit values.
 */
export interface RatioCupedStats extends Omit<RatioStats, 'kind'> {
  kind: 'ratio_cuped';
  sumNumPre: number;
  sumNumPreSquares: number;
  sumDenPre: number;
  sumDenPreSquares: number;
  /** Σ numerator·numerator_pre. */
  sumNumNumPre: number;
  /** Σ denominator·denominator_pre. */
  sumDenDenPre: number;
  /** Σ numerator_pre·denominator_pre. */
  sumNumPreDenPre: number;
  /** Σ numerator·denominator_pre. */
  sumNumDenPre: number;
  /** Σ numerator_pre·denominator. */
  sumNumPreDen: number;
}

export type MetricStats = MeanStats | RatioStats | CupedStats | RatioCupedStats;

function sums(values: ArrayLike<number>, label: string): { sum: number; sumSquares: number } {
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) throw new RecipeInputError(`${label} has a non-numeric value (${String(v)}) at position ${i + 1}.`);
    sum += v;
    sumSquares += v * v;
  }
  return { sum, sumSquares };
}

function crossSum(a: ArrayLike<number>, b: ArrayLike<number>, label: string): number {
  if (a.length !== b.length) throw new RecipeInputError(`${label}: the two columns have different lengths (${a.length} and ${b.length}).`);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/**
 * Sums of one arm's metric values.
 *
 * @example
 * meanStats([0, 1, 1, 0], 'proportion'); // → { kind: 'proportion', n: 4, sum: 2, sumSquares: 2 }
 */
export function meanStats(values: ArrayLike<number>, kind: 'proportion' | 'mean'): MeanStats {
  return { kind, n: values.length, ...sums(values, 'metric') };
}

/**
 * Sums of one arm's ratio metric (numerator and denominator per unit).
 *
 * @example
 * ratioStats([10, 0, 30], [1, 0, 2]); // revenue per order → mean 40/3
 */
export function ratioStats(num: ArrayLike<number>, den: ArrayLike<number>): RatioStats {
  const m = sums(num, 'ratio numerator');
  const d = sums(den, 'ratio denominator');
  return {
    kind: 'ratio',
    n: num.length,
    sumNum: m.sum,
    sumNumSquares: m.sumSquares,
    sumDen: d.sum,
    sumDenSquares: d.sumSquares,
    sumCross: crossSum(num, den, 'ratio metric'),
  };
}

/**
 * Sums of one arm's metric and its pre-period covariate, for CUPED.
 *
 * @example
 * cupedStats([12, 0, 30], [10, 2, 25]); // post revenue with last month's revenue as covariate
 */
export function cupedStats(post: ArrayLike<number>, pre: ArrayLike<number>, postKind: 'proportion' | 'mean' = 'mean', preKind: 'proportion' | 'mean' = 'mean'): CupedStats {
  const y = sums(post, 'metric');
  const x = sums(pre, 'covariate');
  return {
    kind: 'cuped',
    n: post.length,
    sum: y.sum,
    sumSquares: y.sumSquares,
    sumPre: x.sum,
    sumPreSquares: x.sumSquares,
    sumCross: crossSum(post, pre, 'CUPED metric'),
    postKind,
    preKind,
  };
}

/**
 * Sums of one arm's ratio metric with a pre-period numerator and denominator, for CUPED on a ratio.
 *
 * @example
 * ratioCupedStats([10, 0, 30], [1, 0, 2], [8, 2, 20], [1, 1, 2]); // revenue per order, last month's as covariate
 */
export function ratioCupedStats(num: ArrayLike<number>, den: ArrayLike<number>, numPre: ArrayLike<number>, denPre: ArrayLike<number>): RatioCupedStats {
  const post = ratioStats(num, den);
  const m = sums(numPre, 'ratio numerator covariate');
  const d = sums(denPre, 'ratio denominator covariate');
  const label = 'ratio CUPED metric';
  return {
    ...post,
    kind: 'ratio_cuped',
    sumNumPre: m.sum,
    sumNumPreSquares: m.sumSquares,
    sumDenPre: d.sum,
    sumDenPreSquares: d.sumSquares,
    sumNumNumPre: crossSum(num, numPre, label),
    sumDenDenPre: crossSum(den, denPre, label),
    sumNumPreDenPre: crossSum(numPre, denPre, label),
    sumNumDenPre: crossSum(num, denPre, label),
    sumNumPreDen: crossSum(numPre, den, label),
  };
}

/** Sample variance (n − 1) from sums; 0 when n < 2 so callers can test for "no spread". @example sampleVariance(3, 6, 14); // → 1 */
export function sampleVariance(n: number, sum: number, sumSquares: number): number {
  if (n < 2) return 0;
  // Rounding can make a constant column's variance a tiny negative number.
  return Math.max(0, (sumSquares - (sum * sum) / n) / (n - 1));
}

/** Sample covariance (n − 1) from sums. @example sampleCovariance(3, 6, 6, 14); // → 2 */
export function sampleCovariance(n: number, sumA: number, sumB: number, sumCross: number): number {
  return n < 2 ? 0 : (sumCross - (sumA * sumB) / n) / (n - 1);
}

/**
 * The arm's mean: Σx/n, or Σm/Σd for a ratio, or the unadjusted post mean for CUPED (the
 * adjusted mean needs θ from both arms, see `compare`). NaN only for an empty arm or Σd = 0,
 * which `compare` turns into a clear error.
 *
 * @example
 * statMean(meanStats([0, 1, 1, 0], 'proportion')); // → 0.5
 */
export function statMean(s: MetricStats): number {
  if (s.kind === 'ratio' || s.kind === 'ratio_cuped') return s.sumNum / s.sumDen;
  return s.sum / s.n;
}

/**
 * Per-unit variance, gbstats conventions: proportion p(1−p); mean (Σx² − (Σx)²/n)/(n−1);
 * ratio by the delta method Var(m)/d̄² − 2·Cov(m,d)·m̄/d̄³ + m̄²·Var(d)/d̄⁴; CUPED the
 * unadjusted post variance (a CUPED ratio: the unadjusted ratio's). Divide by n for the variance of the arm's mean.
 *
 * @example
 * statVariance(meanStats([0, 1, 1, 0], 'proportion')); // → 0.25
 * statVariance(meanStats([1, 2, 3], 'mean'));          // → 1
 */
export function statVariance(s: MetricStats): number {
  if (s.kind === 'ratio' || s.kind === 'ratio_cuped') {
    const mMean = s.sumNum / s.n;
    const dMean = s.sumDen / s.n;
    if (dMean === 0 || !Number.isFinite(dMean)) return 0;
    const vm = sampleVariance(s.n, s.sumNum, s.sumNumSquares);
    const vd = sampleVariance(s.n, s.sumDen, s.sumDenSquares);
    const cov = sampleCovariance(s.n, s.sumNum, s.sumDen, s.sumCross);
    const v = vm / dMean ** 2 - (2 * cov * mMean) / dMean ** 3 + (mMean ** 2 * vd) / dMean ** 4;
    return Math.max(0, v);
  }
  const proportion = s.kind === 'proportion' || (s.kind === 'cuped' && s.postKind === 'proportion');
  if (proportion) {
    if (s.n === 0) return 0;
    const p = s.sum / s.n;
    return p * (1 - p);
  }
  return sampleVariance(s.n, s.sum, s.sumSquares);
}
