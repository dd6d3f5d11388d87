import { phi, phiInv } from './distributions.js';

/**
 * gbstats' Bayesian effect model: the estimated effect is treated as normal with the frequentist
 * (delta-method) variance and combined with a normal prior on the effect. With no prior (the
 * default, gbstats' "improper flat" prior) the posterior is the data likelihood itself.
 */

export interface NormalPrior {
  mean: number;
  variance: number;
}

/** Posterior mean and standard deviation of the effect. */
export interface EffectPosterior {
  mean: number;
  sd: number;
}

/**
 * Precision-weighted combination of the data estimate and the prior.
 *
 * @example
 * effectPosterior(0.05, 0.001275625);              // flat prior → { mean: 0.05, sd: 0.035716… }
 * effectPosterior(0.05, 0.001, { mean: 0, variance: 0.001 }); // → { mean: 0.025, sd: 0.02236… }
 */
export function effectPosterior(dataMean: number, dataVariance: number, prior?: NormalPrior): EffectPosterior {
  if (!prior) return { mean: dataMean, sd: Math.sqrt(dataVariance) };
  const precision = 1 / dataVariance + 1 / prior.variance;
  return { mean: (dataMean / dataVariance + prior.mean / prior.variance) / precision, sd: Math.sqrt(1 / precision) };
}

/**
 * P(effect > 0) under the posterior.
 *
 * @example
 * chanceToWin({ mean: 0.05, sd: 0.035716 }); // → 0.9192…
 */
export function chanceToWin(post: EffectPosterior): number {
  return phi(post.mean / post.sd);
}

/**
 * Expected loss, as gbstats' `get_risk`: choosing control loses E[max(effect, 0)]; choosing the
 * treatment loses E[max(−effect, 0)]. Closed forms of the truncated-normal means:
 * control μΦ(μ/σ) + σφ(μ/σ), treatment σφ(μ/σ) − μΦ(−μ/σ).
 *
 * @example
 * effectRisk({ mean: 0.05, sd: 0.035716 }); // → { control: 0.05131…, treatment: 0.00131… }
 */
export function effectRisk(post: EffectPosterior): { control: number; treatment: number } {
  const { mean: mu, sd: sigma } = post;
  const z = mu / sigma;
  const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  return {
    control: mu * phi(z) + sigma * density,
    treatment: sigma * density - mu * phi(-z),
  };
}

/**
 * The equal-tailed (1 − alpha) credible interval.
 *
 * @example
 * credibleInterval({ mean: 0.05, sd: 0.035716 }, 0.05); // → [−0.02, 0.12]
 */
export function credibleInterval(post: EffectPosterior, alpha: number): [number, number] {
  const z = phiInv(1 - alpha / 2);
  return [post.mean - z * post.sd, post.mean + z * post.sd];
}
