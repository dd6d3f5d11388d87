import { describe, expect, it } from 'vitest';
import { checkCross, checkSpread } from './sums-check.js';

describe('impossible summary sums', () => {
  it('n 100, sum 510, sum_squares 810 implies a negative variance (the issue 14 example, gbstats RATIO_STATISTICS_DF denominator)', () => {
    expect(checkSpread(100, 510, 810)).toBe('impossible');
  });

  it('sums of real values are ok, and a constant column is exactly on the edge', () => {
    const xs = [1.5, 2.25, 7, -3];
    expect(checkSpread(4, xs.reduce((a, b) => a + b), xs.reduce((a, b) => a + b * b, 0))).toBe('ok');
    expect(checkSpread(5, 5 * 0.1, 5 * 0.1 * 0.1)).not.toBe('impossible'); // 0.1 is not exact in binary
  });

  it('a hair below zero from rounding is "rounding", not refused', () => {
    const n = 1e6;
    const sum = 1e6 * 12.34;
    expect(checkSpread(n, sum, (sum * sum) / n - 1e-4)).toBe('rounding');
  });

  it('a cross-product implying a correlation above 1 is impossible; a real one is ok', () => {
    expect(checkCross(3, 6, 6, 14, 14, 30)).toBe('impossible');
    const x = [1, 2, 3];
    const y = [2, 1, 4];
    expect(checkCross(3, 6, 7, 14, 21, x.reduce((a, xi, i) => a + xi * y[i]!, 0))).toBe('ok');
    expect(checkCross(3, 6, 6, 14, 14, 14)).toBe('ok'); // perfectly correlated: exactly on the edge
  });
});
