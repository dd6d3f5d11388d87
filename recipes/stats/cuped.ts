import type { CupedStats } from './moments.js';
import { sampleCovariance, sampleVariance, statMean, statVariance } from './moments.js';

/**
 * CUPED (regression adjustment on a pre-period covariate) as gbstats does it: one θ pooled over
 * both arms, so the adjustment is the same linear map in each arm and cannot itself create a
 * difference between them. A 0/1 metric and covariate follow gbstats' proportion conventions
 * (variance p(1−p), covariance over n rather than n − 1).
 */

/** One arm after adjustment: the adjusted mean and per-unit variance, plus the raw mean. */
export interface CupedArm {
  n: number;
  mean: number;
  unadjustedMean: number;
  variance: number;
}

const bothProportion = (s: CupedStats) => s.postKind === 'proportion' && s.preKind === 'proportion';

/** Per-unit variance of the covariate: p(1−p) for a 0/1 covariate, else the n − 1 sample variance. */
function preVariance(s: Pick<CupedStats, 'n' | 'sumPre' | 'sumPreSquares' | 'preKind'>): number {
  if (s.preKind !== 'proportion') return sampleVariance(s.n, s.sumPre, s.sumPreSquares);
  if (s.n === 0) return 0;
  const p = s.sumPre / s.n;
  return p * (1 - p);
}

/** Cov(post, pre) per unit, gbstats' `compute_covariance`: over n for two proportions, else n − 1. */
function covariance(s: CupedStats): number {
  if (s.n <= 1) return 0;
  if (bothProportion(s)) return s.sumCross / s.n - (s.sum * s.sumPre) / s.n ** 2;
  return sampleCovariance(s.n, s.sum, s.sumPre, s.sumCross);
}

/**
 * θ = Cov(post, pre)/Var(pre) over the two arms pooled (sums added, one overall mean); 0 when the
 * covariate or the metric does not vary, which leaves the metric unadjusted (as gbstats).
 *
 * @example
 * pooledTheta(cupedStats([1, 2], [1, 2]), cupedStats([3, 4], [3, 4])); // → 1
 */
export function pooledTheta(a: CupedStats, b: CupedStats): number {
  const joint: CupedStats = {
    kind: 'cuped', n: a.n + b.n, sum: a.sum + b.sum, sumSquares: a.sumSquares + b.sumSquares,
    sumPre: a.sumPre + b.sumPre, sumPreSquares: a.sumPreSquares + b.sumPreSquares, sumCross: a.sumCross + b.sumCross,
    postKind: a.postKind, preKind: a.preKind,
  };
  const varPre = preVariance(joint);
  if (!(varPre > 0) || !(statVariance(joint) > 0)) return 0;
  return covariance(joint) / varPre;
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
  const unadjustedMean = statMean(s);
  return {
    n: s.n,
    mean: unadjustedMean - theta * preMean,
    unadjustedMean,
    variance: Math.max(0, statVariance(s) + theta * theta * preVariance(s) - 2 * theta * covariance(s)),
  };
}

/**
 * Variance of the relative CUPED effect (ȳ_t − θx̄_t − ȳ_c + θx̄_c)/ȳ_c as gbstats computes it
 * (`frequentist_variance_relative_cuped`): the treatment's adjusted variance over n_t·ȳ_c², plus
 * the control's delta-method term in which the raw post mean, not the adjusted one, carries the
 * treatment's level. The plain delta method on adjusted arm variances differs from it slightly.
 *
 * @example
 * relativeCupedVariance(c, t, pooledTheta(c, t)); // gbstats RA test case → p = 0.003732549
 */
export function relativeCupedVariance(c: CupedStats, t: CupedStats, theta: number): number {
  const meanC = statMean(c);
  const meanT = statMean(t);
  if (meanC === 0) return 0;
  const vT = (statVariance(t) + theta ** 2 * preVariance(t) - 2 * theta * covariance(t)) / (t.n * meanC ** 2);
  const vC =
    ((statVariance(c) * meanT ** 2) / meanC ** 2 - (2 * theta * covariance(c) * meanT) / meanC + theta ** 2 * preVariance(c)) / (c.n * meanC ** 2);
  return vT + vC;
}
