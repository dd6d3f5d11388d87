/**
 * Means and centred sums of squares and cross-products of two columns (two-pass, so large
 * offsets do not cancel): the one pass both correlation and least squares start from.
 *
 * @example
 * centredSums([1, 2, 3], [2, 4, 6]); // → { n: 3, mx: 2, my: 4, sxx: 2, sxy: 4, syy: 8 }
 */
export function centredSums(x: ArrayLike<number>, y: ArrayLike<number>): { n: number; mx: number; my: number; sxx: number; sxy: number; syy: number } {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]! / n;
    my += y[i]! / n;
  }
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i]! - mx) ** 2;
    sxy += (x[i]! - mx) * (y[i]! - my);
    syy += (y[i]! - my) ** 2;
  }
  return { n, mx, my, sxx, sxy, syy };
}

/**
 * Pearson correlation; null when either column is constant.
 *
 * @example
 * pearson([1, 2, 3], [1, 3, 2]); // → 0.5
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const { sxx, sxy, syy } = centredSums(x, y);
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}
