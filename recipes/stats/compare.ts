import { RecipeInputError } from '../errors.js';
import { chanceToWin, credibleInterval, effectPosterior, effectRisk, type NormalPrior } from './bayesian.js';
import { cupedArm, pooledTheta, relativeCupedVariance } from './cuped.js';
import type { MetricStats } from './moments.js';
import { statMean, statVariance } from './moments.js';
import { ratioCupedArm, ratioCupedTheta, relativeRatioCupedVariance } from './ratio-cuped.js';
import { sequentialHalfWidth, sequentialPValue } from './sequential.js';
import { welchDof, welchTest } from './welch.js';

export interface CompareOptions {
  /** `relative` (default): (mean_t − mean_c)/|mean_c|; `absolute`: mean_t − mean_c. */
  difference?: 'relative' | 'absolute';
  /** Significance level; the interval has 1 − alpha coverage. Default 0.05. */
  alpha?: number;
  /** Alternative hypothesis of the t-test: `two` (default), `greater` (treatment better), `less`. */
  sided?: 'two' | 'greater' | 'less';
  /** Which estimates to fill in; `both` reports the frequentist effect/CI/p plus the Bayesian chance to win and risk. */
  method?: 'frequentist' | 'bayesian' | 'both';
  /** Normal prior on the RELATIVE effect (gbstats' convention), rescaled by |control mean| for absolute effects. Default: flat. */
  prior?: NormalPrior;
  /**
   * Sequential testing (gbstats' confidence sequences): the tuning parameter N, or false/undefined
   * for a fixed-horizon test. Two-sided only.
   */
  sequential?: number | false;
  /** Lower is better (e.g. bounce rate): chance to win is P(effect < 0) and the two risks swap. */
  inverse?: boolean;
}

/**
 * One treatment arm against control. Means are the unadjusted arm means (CUPED changes the effect,
 * not what the arm averaged). One-sided tests leave one end of the interval infinite. Fields a
 * method does not produce are null (p-value and dof for `bayesian`; chance to win and risks for
 * `frequentist`). `theta` is the pooled CUPED coefficient when CUPED was used.
 */
export interface Comparison {
  controlMean: number;
  mean: number;
  effect: number;
  se: number;
  ciLow: number;
  ciHigh: number;
  pValue: number | null;
  dof: number | null;
  chanceToWin: number | null;
  riskControl: number | null;
  riskTreatment: number | null;
  theta?: number;
}

/** One arm reduced to what a comparison needs: `mean` may be CUPED-adjusted, `unadjustedMean` is not. */
export interface Arm {
  n: number;
  mean: number;
  unadjustedMean: number;
  variance: number;
}

function arms(control: MetricStats, treatment: MetricStats): { c: Arm; t: Arm; theta?: number; relativeVariance?: number } {
  if (control.kind !== treatment.kind && !(isMean(control) && isMean(treatment))) {
    throw new RecipeInputError(`Cannot compare a ${control.kind} metric in control with a ${treatment.kind} metric in the treatment; give both arms the same kind of statistics.`);
  }
  for (const [label, s] of [['control', control], ['treatment', treatment]] as const) {
    if (!(s.n > 0)) throw new RecipeInputError(`The ${label} arm has no units (n = ${s.n}); every arm needs data to compare.`);
    if ((s.kind === 'ratio' || s.kind === 'ratio_cuped') && s.sumDen === 0) {
      throw new RecipeInputError(`The ${label} arm's ratio denominator sums to 0, so its ratio is undefined; check the denominator column.`);
    }
  }
  if (control.kind === 'cuped' && treatment.kind === 'cuped') {
    const theta = pooledTheta(control, treatment);
    return { c: cupedArm(control, theta), t: cupedArm(treatment, theta), theta, relativeVariance: relativeCupedVariance(control, treatment, theta) };
  }
  if (control.kind === 'ratio_cuped' && treatment.kind === 'ratio_cuped') {
    const theta = ratioCupedTheta(control, treatment);
    return {
      c: ratioCupedArm(control, theta), t: ratioCupedArm(treatment, theta), theta,
      relativeVariance: relativeRatioCupedVariance(control, treatment, theta),
    };
  }
  const arm = (s: MetricStats): Arm => ({ n: s.n, mean: statMean(s), unadjustedMean: statMean(s), variance: statVariance(s) });
  return { c: arm(control), t: arm(treatment) };
}

const isMean = (s: MetricStats) => s.kind === 'mean' || s.kind === 'proportion';

/**
 * Compares a treatment arm with control, exactly as gbstats: Welch t-test with
 * Welch–Satterthwaite dof; relative effect (t − c)/|c| with delta-method variance
 * (var_t/n_t)/c² + (var_c/n_c)·t²/c⁴; CUPED with θ pooled over both arms and the relative effect
 * over the unadjusted control mean and gbstats' own variance for it; CUPED on ratios (regression-
 * adjusted ratio); sequential confidence sequences; Bayesian normal approximation with chance to win and risk.
 * Throws RecipeInputError (never returns NaN) for an empty arm, fewer than 2 units in an arm, a zero
 * control mean with a relative effect, or no variation in either arm.
 *
 * @example
 * const c = meanStats(Array.from({ length: 100 }, (_, i) => +(i < 49)), 'proportion');
 * const t = meanStats(Array.from({ length: 100 }, (_, i) => +(i < 51)), 'proportion');
 * compare(c, t, { method: 'both' }).chanceToWin; // → 0.609…
 */
export function compare(control: MetricStats, treatment: MetricStats, options: CompareOptions = {}): Comparison {
  const { c, t, theta, relativeVariance } = arms(control, treatment);
  const out = compareArms(c, t, options, relativeVariance);
  return theta === undefined ? out : { ...out, theta };
}

/**
 * `compare` on arms already reduced to n, mean and per-unit variance, for callers that build arms
 * themselves (e.g. CUPED with a fixed θ, or another recipe's own estimator).
 *
 * @example
 * compareArms({ n: 10, mean: 10, unadjustedMean: 10, variance: 0.25 }, { n: 10, mean: 10.5, unadjustedMean: 10.5, variance: 1 }).effect; // → 0.05
 */
export function compareArms(c: Arm, t: Arm, options: CompareOptions = {}, relativeVariance?: number): Comparison {
  const { difference = 'relative', alpha = 0.05, sided = 'two', method = 'frequentist', prior, sequential = false, inverse = false } = options;
  for (const [name, value, allowed] of [
    ['difference', difference, ['relative', 'absolute']],
    ['sided', sided, ['two', 'greater', 'less']],
    ['method', method, ['frequentist', 'bayesian', 'both']],
  ] as const) {
    if (!(allowed as readonly string[]).includes(value)) throw new RecipeInputError(`${name} must be one of ${allowed.join(', ')} (got "${value}").`);
  }
  if (!(alpha > 0 && alpha < 1)) throw new RecipeInputError(`alpha must be between 0 and 1 (it is ${alpha}); 0.05 gives 95% intervals.`);
  if (prior && !(prior.variance > 0 && Number.isFinite(prior.mean))) {
    throw new RecipeInputError(`prior.variance must be a positive number and prior.mean finite (got mean ${prior.mean}, variance ${prior.variance}).`);
  }
  if (sequential !== false && !(sequential > 0)) {
    throw new RecipeInputError(`sequential_tuning must be a positive number of units (got ${sequential}); 5000 is gbstats' default.`);
  }
  if (sequential !== false && sided !== 'two' && method !== 'bayesian') {
    throw new RecipeInputError(`sequential testing gives two-sided confidence sequences; set sided to "two" (it is "${sided}") or turn sequential off.`);
  }
  if (c.n < 2 || t.n < 2) {
    throw new RecipeInputError(`Each arm needs at least 2 units to estimate its variance (control has ${c.n}, treatment ${t.n}).`);
  }
  const relative = difference === 'relative';
  const base = c.unadjustedMean;
  if (relative && base === 0) {
    throw new RecipeInputError('The control mean is 0, so a relative effect is undefined; use difference "absolute".');
  }
  const effect = relative ? (t.mean - c.mean) / Math.abs(base) : t.mean - c.mean;
  const variance = relative
    ? (relativeVariance ?? t.variance / t.n / base ** 2 + ((c.variance / c.n) * t.unadjustedMean ** 2) / base ** 4)
    : t.variance / t.n + c.variance / c.n;
  if (!(variance > 0)) {
    throw new RecipeInputError('Neither arm varies (every unit has the same value), so the effect has no standard error; there is nothing to test.');
  }
  const se = Math.sqrt(variance);
  const out: Comparison = {
    controlMean: c.unadjustedMean, mean: t.unadjustedMean, effect, se, ciLow: NaN, ciHigh: NaN,
    pValue: null, dof: null, chanceToWin: null, riskControl: null, riskTreatment: null,
  };
  if (method !== 'bayesian') {
    const dof = welchDof(c, t);
    Object.assign(out, welchTest(effect, se, dof, alpha, sided), { dof });
    if (sequential !== false) {
      const n = c.n + t.n;
      const half = sequentialHalfWidth(se, n, alpha, sequential);
      Object.assign(out, { ciLow: effect - half, ciHigh: effect + half, pValue: sequentialPValue(effect, se, n, alpha, sequential) });
    }
  }
  if (method !== 'frequentist') {
    const scaled = prior && !relative ? { mean: prior.mean * Math.abs(base), variance: prior.variance * base ** 2 } : prior;
    const post = effectPosterior(effect, variance, scaled);
    const risk = effectRisk(post);
    // Lower is better: the treatment wins when the effect is negative, and each choice's loss is the other's.
    Object.assign(
      out,
      inverse
        ? { chanceToWin: 1 - chanceToWin(post), riskControl: risk.treatment, riskTreatment: risk.control }
        : { chanceToWin: chanceToWin(post), riskControl: risk.control, riskTreatment: risk.treatment },
    );
    if (method === 'bayesian') {
      const [lo, hi] = credibleInterval(post, alpha);
      Object.assign(out, { effect: post.mean, se: post.sd, ciLow: lo, ciHigh: hi });
    }
  }
  return out;
}
