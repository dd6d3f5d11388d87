import type { CupedStats } from './moments.js';
import { sampleCovariance, sampleVariance, statMean, statVariance } from './moments.js';

/**
 * CUPED (regression adjustment on a pre-period covariate) as gbstats does it: one θ pooled over
 * both arms, so the adjustment is the same linear map in each arm and cannot itself create a
 * difference between them.
 */

/** One arm after adjustment: the adjusted mean and per-unit variance, plus the raw mean. */
export interface CupedArm {
  n: number;
  mean: number;
  unadjustedMean: number;
  variance: number;
}

/**
 * θ = Cov(post, pre)/Var(pre) over the two arms pooled (sums added, one overall mean); 0 when the
 * covariate does not vary, which leaves the metric unadjusted.
 *
 * @example
 * pooledTheta(cupedStats([1, 2], [1, 2]), cupedStats([3, 4], [3, 4])); // → 1
 */
export function pooledTheta(a: CupedStats, b: CupedStats): number {
  const n = a.n + b.n;
  const sumPost = a.sum + b.sum;
  const sumPre = a.sumPre + b.sumPre;
  const varPre = sampleVariance(n, sumPre, a.sumPreSquares + b.sumPreSquares);
  if (!(varPre > 0)) return 0;
  return sampleCovariance(n, sumPost, sumPre, a.sumCross + b.sumCross) / varPre;
}

/**
 * An arm's adjusted mean ȳ − θ·x̄ and variance Var(y) + θ²·Var(x) − 2θ·Cov(y, x).
 *
 * @example
 * const s = cupedStats([12, 0, 30], [10, 2, 25]);
 * cupedArm(s, 1).mean; // → 14 − 37/3
 */
export function cupedArm(s: CupedStats, theta: number): CupedArm {
  const preMean = s.sumPre / s.n;
  const varPost = statVariance(s);
  const varPre = sampleVariance(s.n, s.sumPre, s.sumPreSquares);
  const cov = sampleCovariance(s.n, s.sum, s.sumPre, s.sumCross);
  const unadjustedMean = statMean(s);
  return {
    n: s.n,
    mean: unadjustedMean - theta * preMean,
    unadjustedMean,
    variance: Math.max(0, varPost + theta * theta * varPre - 2 * theta * cov),
  };
}
