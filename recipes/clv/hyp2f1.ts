/**
 * Gauss's hypergeometric function 2F1(a, b; c; z) for 0 ≤ z < 1, which the BG/NBD and Pareto/NBD
 * expectations need. No maintained JavaScript package provides it (stdlib has none published), so
 * this is the power series, made robust for the parameter ranges those models produce:
 *
 * - When c − a − b < 0 the plain series grows like (1 − z)^(c−a−b) near z = 1 and its terms swell
 *   before they shrink; Euler's transformation 2F1(a,b;c;z) = (1−z)^(c−a−b) 2F1(c−a, c−b; c; z)
 *   moves that growth into a closed-form factor and leaves a series whose terms decay like
 *   n^(a+b−c−1) zⁿ. Otherwise the plain series already has that property.
 * - Summation stops once the ratio of consecutive terms is below one and the geometric bound on
 *   the remainder, |tₙ|·ρ/(1−ρ), is under 1e-15 of the sum (ρ the current term ratio).
 *   Convergence therefore takes about log(1e-15)/log(z) terms: 50 at z = 0.5, 3,400 at z = 0.99.
 * - When z is so close to 1 that ln(1e-15)/ln(z) exceeds `MAX_TERMS` (200,000; z > 1 − 1.7e-4), or
 *   a series has not met the bound after that many terms, the result is NaN, never a wrong number.
 */

const MAX_TERMS = 200_000;
const EPS = 1e-15;

function series(a: number, b: number, c: number, z: number): number {
  // The terms shrink about like zⁿ, so about ln(EPS)/ln(z) terms are needed; when that exceeds
  // the budget, refuse at once rather than spend it (optimisers probe such points and back off).
  if (Math.log(EPS) / Math.log(z) > MAX_TERMS) return NaN;
  let term = 1;
  let sum = 1;
  for (let n = 0; n < MAX_TERMS; n++) {
    const ratio = ((a + n) * (b + n)) / ((c + n) * (n + 1)) * z;
    term *= ratio;
    sum += term;
    if (term === 0) return sum;
    const rho = Math.abs(((a + n + 1) * (b + n + 1)) / ((c + n + 1) * (n + 2)) * z);
    if (rho < 1 && (Math.abs(term) * rho) / (1 - rho) <= EPS * Math.abs(sum)) return sum;
  }
  return NaN;
}

/**
 * 2F1(a, b; c; z) for real a, b, c (c not a non-positive integer) and 0 ≤ z < 1.
 *
 * @example
 * hyp2f1(1, 1, 2, 0.5); // → 2·ln 2 ≈ 1.3862943611198906 (= −ln(1−z)/z)
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new RangeError(`hyp2f1 needs 0 ≤ z < 1, got ${z}`);
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`hyp2f1 needs c not a non-positive integer, got ${c}`);
  if (z === 0) return 1;
  const excess = c - a - b;
  if (excess < 0) return Math.pow(1 - z, excess) * series(c - a, c - b, c, z);
  return series(a, b, c, z);
}

/**
 * ln 2F1(a, b; c; z), computed without overflow when the Euler factor is huge.
 *
 * @example
 * logHyp2f1(1, 1, 2, 0.5); // → ln(2·ln 2) ≈ 0.32663425997828094
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new RangeError(`logHyp2f1 needs 0 ≤ z < 1, got ${z}`);
  if (z === 0) return 0;
  const excess = c - a - b;
  if (excess < 0) return excess * Math.log1p(-z) + Math.log(series(c - a, c - b, c, z));
  return Math.log(series(a, b, c, z));
}
