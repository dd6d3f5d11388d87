/**
 * gbstats' sequential testing ("peeking-safe" results): asymptotic confidence sequences of
 * Waudby-Smith et al. (2023, arXiv:2103.06476, eq. 9 and 161) and the always-valid p-value from
 * their e-value (eq. 155). Looking at the result every day does not raise the false-positive rate
 * above alpha; the price is a wider interval, narrowest around `tuning` total units.
 */

/** Default tuning parameter N (total units where the sequence is tightest), as gbstats. */
export const SEQUENTIAL_TUNING = 5000;

/**
 * The mixing parameter ρ for a tuning parameter N: √((−2 ln α + ln(−2 ln α + 1))/N).
 *
 * @example
 * sequentialRho(0.05, 5000); // → 0.0448…
 */
export function sequentialRho(alpha: number, tuning: number): number {
  const l = -2 * Math.log(alpha);
  return Math.sqrt((l + Math.log(l + 1)) / tuning);
}

/**
 * Half-width of the two-sided confidence sequence for an effect with standard error `se` from
 * `n` units in both arms together (per-unit variance s² = se²·n).
 *
 * @example
 * sequentialHalfWidth(0.05, 10000, 0.05, 5000); // wider than 1.96 × 0.05
 */
export function sequentialHalfWidth(se: number, n: number, alpha: number, tuning: number): number {
  const rho = sequentialRho(alpha, tuning);
  const s2 = se * se * n;
  const nr2 = n * rho * rho + 1;
  return Math.sqrt(s2) * Math.sqrt((2 * nr2 * Math.log(Math.sqrt(nr2) / alpha)) / (n * rho) ** 2);
}

/**
 * The always-valid p-value: the inverse of the mixture e-value, capped at 1.
 *
 * @example
 * sequentialPValue(-0.074074074, se, 220, 0.05, 600); // gbstats test case → 0.892332229
 */
export function sequentialPValue(effect: number, se: number, n: number, alpha: number, tuning: number): number {
  const rho = sequentialRho(alpha, tuning);
  const st2 = (effect * effect * n) / (se * se);
  const nr2 = n * rho * rho + 1;
  const logE = (rho * rho * st2) / (2 * nr2) - 0.5 * Math.log(nr2);
  return Math.min(1, Math.exp(-logE));
}
