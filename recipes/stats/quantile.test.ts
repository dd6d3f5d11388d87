import { describe, expect, it } from 'vitest';
import { quantile, quantiles, weightedQuantiles } from './quantile.js';

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

describe('weightedQuantiles (value counts)', () => {
  it('equals quantiles of the expanded values', () => {
    const values = [5, 1.5, 3, -2, 8];
    const counts = [3, 1, 4, 2, 1];
    const expanded = values.flatMap((v, i) => new Array<number>(counts[i]!).fill(v));
    const qs = [0, 0.1, 0.2, 0.25, 0.5, 0.6, 0.75, 0.9, 0.99, 1];
    expect(weightedQuantiles(values, counts, qs)).toEqual(quantiles(expanded, qs));
  });

  it('skips empty and non-finite values and is NaN with none', () => {
    expect(weightedQuantiles([1, NaN, 4, 9], [1, 5, 1, 0], [0.5])).toEqual([2.5]);
    expect(weightedQuantiles([], [], [0.5])).toEqual([NaN]);
  });
});
