import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import gammainc from '@stdlib/math-base-special-gammainc';
import fCdf from '@stdlib/stats-base-dists-f-cdf';

/**
 * The distributions every recipe shares, from stdlib (a maintained numerical library), so no
 * recipe carries its own approximation.
 */

/** Standard normal CDF. @example phi(1.96); // ≈ 0.975 */
export function phi(z: number): number {
  return normalCdf(z, 0, 1);
}

/** Standard normal quantile. @example phiInv(0.975); // ≈ 1.959964 */
export function phiInv(p: number): number {
  return normalQuantile(p, 0, 1);
}

/** Student t CDF with `dof` degrees of freedom (falls back to normal for infinite dof). @example studentT(2, 10); */
export function studentT(t: number, dof: number): number {
  return Number.isFinite(dof) ? tCdf(t, dof) : phi(t);
}

/** Student t quantile. @example studentTInv(0.975, 10); // ≈ 2.228139 */
export function studentTInv(p: number, dof: number): number {
  return Number.isFinite(dof) ? tQuantile(p, dof) : phiInv(p);
}

/**
 * Upper tail of the chi-square distribution: P(X ≥ x), as the regularized upper incomplete gamma
 * Q(dof/2, x/2) so tiny p-values (a badly broken split) keep their precision instead of 1 − 1 = 0.
 * @example chiSquareSf(3.84, 1); // ≈ 0.05
 */
export function chiSquareSf(x: number, dof: number): number {
  if (x <= 0) return 1;
  return gammainc(x / 2, dof / 2, true, true);
}

/** Upper tail of the F distribution. @example fSf(4, 2, 30); */
export function fSf(x: number, d1: number, d2: number): number {
  return 1 - fCdf(x, d1, d2);
}

/**
 * Holm step-down adjustment of p-values, returned in the input order (NaN stays NaN).
 *
 * @example
 * holm([0.01, 0.04, 0.03]); // → [0.03, 0.06, 0.06]
 */
export function holm(pValues: readonly number[]): number[] {
  const idx = pValues.map((p, i) => [p, i] as const).filter(([p]) => Number.isFinite(p)).sort((a, b) => a[0] - b[0]);
  const m = idx.length;
  const out = pValues.map(() => NaN);
  let running = 0;
  idx.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    out[i] = running;
  });
  return out;
}
