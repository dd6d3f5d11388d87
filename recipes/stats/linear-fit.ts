import { studentTInv } from './distributions.js';
import { centredSums } from './centred-sums.js';

/**
 * Ordinary least squares of y on one x (slope, intercept) with the classical standard error of the
 * slope and its t-based confidence interval, e.g. "how does campaign cost scale with volume".
 */

export interface LinearFit {
  slope: number;
  intercept: number;
  slopeSe: number;
  ciLow: number;
  ciHigh: number;
  r2: number;
  n: number;
}

/**
 * @example
 * linearFit([1, 2, 3, 4], [2, 4.1, 5.9, 8]).slope; // → 1.98
 */
export function linearFit(x: ArrayLike<number>, y: ArrayLike<number>, alpha = 0.05): LinearFit {
  const { n, mx, my, sxx, sxy, syy } = centredSums(x, y);
  const slope = sxx > 0 ? sxy / sxx : NaN;
  const intercept = my - slope * mx;
  const sse = Math.max(0, syy - slope * sxy);
  const slopeSe = n > 2 && sxx > 0 ? Math.sqrt(sse / (n - 2) / sxx) : NaN;
  const t = n > 2 ? studentTInv(1 - alpha / 2, n - 2) : NaN;
  return { slope, intercept, slopeSe, ciLow: slope - t * slopeSe, ciHigh: slope + t * slopeSe, r2: syy > 0 ? 1 - sse / syy : NaN, n };
}
