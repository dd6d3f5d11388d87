import gammaln from '@stdlib/math-base-special-gammaln';
import { maximizeLogLikelihood, type MinimizeOptions } from './optimize.js';
import type { ModelFit } from './bgnbd.js';

/**
 * The Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value curves",
 * and Fader & Hardie's note "The Gamma-Gamma model of monetary value"): each transaction's value
 * is Gamma(p, ν) with ν ~ Gamma(q, γ) across customers (γ is `v` here, as in lifetimes), fitted on
 * customers with at least one repeat purchase from x and their mean repeat spend m.
 */

export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

/**
 * Log-likelihood of (x, m) pairs, up to a constant that does not depend on the parameters:
 * ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln m + px ln x − (px+q) ln(v + x m).
 *
 * @example
 * gammaGammaLogLikelihood([2, 1], [22.35, 11.77])({ p: 6.25, q: 3.74, v: 15.44 }); // finite
 */
export function gammaGammaLogLikelihood(frequency: ArrayLike<number>, monetary: ArrayLike<number>): (g: GammaGammaParams) => number {
  // Σ over customers of the terms that depend on x only, grouped by distinct x.
  const byX = new Map<number, { count: number; sumLogM: number }>();
  for (let i = 0; i < frequency.length; i++) {
    const e = byX.get(frequency[i]) ?? { count: 0, sumLogM: 0 };
    e.count++;
    e.sumLogM += Math.log(monetary[i]);
    byX.set(frequency[i], e);
  }
  const groups = [...byX.entries()];
  return ({ p, q, v }) => {
    let sum = 0;
    const perCustomer = -gammaln(q) + q * Math.log(v);
    for (const [x, { count, sumLogM }] of groups) {
      const px = p * x;
      sum += count * (gammaln(px + q) - gammaln(px) + perCustomer + px * Math.log(x)) + (px - 1) * sumLogM;
    }
    for (let i = 0; i < frequency.length; i++) {
      sum -= (p * frequency[i] + q) * Math.log(v + frequency[i] * monetary[i]);
    }
    return sum;
  };
}

/**
 * Fits p, q, v by maximum likelihood on customers with x > 0 and m > 0 (pass only those).
 *
 * @example
 * fitGammaGamma(frequency, monetary).params; // CDNOW repeat buyers: → { p: 6.25, q: 3.74, v: 15.44 }
 */
export function fitGammaGamma(frequency: ArrayLike<number>, monetary: ArrayLike<number>, options: MinimizeOptions = {}): ModelFit<GammaGammaParams> {
  const ll = gammaGammaLogLikelihood(frequency, monetary);
  const fit = maximizeLogLikelihood(([p, q, v]) => ll({ p, q, v }), frequency.length, [1, 1, 1], options);
  const [p, q, v] = fit.params;
  return { params: { p, q, v }, logLikelihood: fit.logLikelihood, report: fit.report };
}

/**
 * E[Z | x, m]: expected mean transaction value of a customer, a weighted average of the
 * population mean p·v/(q−1) and the customer's own mean m (weight px/(px+q−1)). With no repeat
 * purchase it is the population mean.
 *
 * @example
 * expectedAverageValue({ p: 6.25, q: 3.74, v: 15.44 }, 2, 22.35); // ≈ 24.66
 */
export function expectedAverageValue(g: GammaGammaParams, x: number, m: number): number {
  if (x <= 0) return (g.p * g.v) / (g.q - 1);
  return (g.p * (g.v + x * m)) / (g.p * x + g.q - 1);
}
