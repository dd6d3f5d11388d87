import { describe, expect, it } from 'vitest';
import { quantile, quantiles } from './quantile.js';

describe('quantile (type 7)', () => {
  it('matches numpy.percentile defaults', () => {
    // numpy.percentile([7, 1, 3, 10, 4], [25, 50, 90]) → [3.0, 4.0, 8.8]
    expect(quantiles([7, 1, 3, 10, 4], [0.25, 0.5, 0.9])).toEqual([3, 4, expect.closeTo(8.8, 12)]);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
  });
  it('ignores non-finite values and is NaN when nothing is left', () => {
    expect(quantile([NaN, 5], 0.5)).toBe(5);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
