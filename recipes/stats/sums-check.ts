/**
 * Whether per-arm sums can come from real data. Σx² − (Σx)²/n is n − 1 times a variance and
 * cannot be negative; a cross-product cannot imply a correlation beyond ±1. Sums exported from
 * another tool can break both (a typo, columns swapped, sums over different rows); rounding in a
 * long floating-point sum can break them by a hair. The first is refused, the second only noted.
 */

export type SumsVerdict = 'ok' | 'rounding' | 'impossible';

/** Relative slack for sums accumulated in doubles (a SQL SUM over millions of rows drifts ~1e-12). */
const ROUNDING = 1e-8;

/**
 * @example
 * checkSpread(100, 510, 810);   // → 'impossible' (810 − 510²/100 = −1791)
 * checkSpread(3, 6, 12);        // → 'ok'
 */
export function checkSpread(n: number, sum: number, sumSquares: number): SumsVerdict {
  if (n < 1) return 'ok';
  const centred = sumSquares - (sum * sum) / n;
  if (centred >= 0) return 'ok';
  return -centred <= ROUNDING * Math.max(Math.abs(sumSquares), (sum * sum) / n) ? 'rounding' : 'impossible';
}

/**
 * Cauchy–Schwarz on centred sums: (Σxy − ΣxΣy/n)² ≤ (Σx² − (Σx)²/n)(Σy² − (Σy)²/n).
 *
 * @example
 * checkCross(3, 6, 6, 14, 14, 30); // → 'impossible' (correlation above 1)
 */
export function checkCross(n: number, sumA: number, sumB: number, sumSquaresA: number, sumSquaresB: number, sumCross: number): SumsVerdict {
  if (n < 2) return 'ok';
  const ca = Math.max(0, sumSquaresA - (sumA * sumA) / n);
  const cb = Math.max(0, sumSquaresB - (sumB * sumB) / n);
  const cab = sumCross - (sumA * sumB) / n;
  const excess = cab * cab - ca * cb;
  if (excess <= 0) return 'ok';
  const scale = Math.max(Math.abs(sumSquaresA), (sumA * sumA) / n) * Math.max(Math.abs(sumSquaresB), (sumB * sumB) / n);
  return excess <= 2 * ROUNDING * scale ? 'rounding' : 'impossible';
}
