import { studentT, studentTInv } from './distributions.js';

/** The pieces of Welch's t-test that work on any effect estimate and its standard error. */

/**
 * Welch–Satterthwaite degrees of freedom from the raw per-arm variances (per unit) and sizes.
 * An arm with zero variance contributes nothing rather than 0/0.
 *
 * @example
 * welchDof({ n: 10, variance: 0.25 }, { n: 10, variance: 1 }); // → 13.23…
 */
export function welchDof(c: { n: number; variance: number }, t: { n: number; variance: number }): number {
  const vc = c.variance / c.n;
  const vt = t.variance / t.n;
  const term = (v: number, n: number) => (v === 0 ? 0 : (v * v) / (n - 1));
  return (vc + vt) ** 2 / (term(vc, c.n) + term(vt, t.n));
}

/**
 * p-value and (1 − alpha) interval of a t statistic effect/se. One-sided alternatives leave the
 * other end of the interval infinite, as gbstats' one-sided tests do.
 *
 * @example
 * welchTest(0.29, 0.12478, 5841.7, 0.05, 'two'); // → { pValue: 0.0201…, ciLow: 0.0453…, ciHigh: 0.5346… }
 */
export function welchTest(effect: number, se: number, dof: number, alpha: number, sided: 'two' | 'greater' | 'less') {
  const t = effect / se;
  if (sided === 'two') {
    const half = studentTInv(1 - alpha / 2, dof) * se;
    return { pValue: 2 * studentT(-Math.abs(t), dof), ciLow: effect - half, ciHigh: effect + half };
  }
  const width = studentTInv(1 - alpha, dof) * se;
  return sided === 'greater'
    ? { pValue: studentT(-t, dof), ciLow: effect - width, ciHigh: Infinity }
    : { pValue: studentT(t, dof), ciLow: -Infinity, ciHigh: effect + width };
}
