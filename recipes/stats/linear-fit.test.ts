import { describe, expect, it } from 'vitest';
import { linearFit } from './linear-fit.js';

describe('linearFit', () => {
  it('matches the hand-computed least-squares fit', () => {
    // By hand: Sxx = 10, Sxy = 6, Syy = 6 → slope 0.6, intercept 2.2, SSE = 2.4,
    // stderr = √(2.4/3/10) = 0.2828427 (scipy.stats.linregress agrees), r² = 0.6
    const f = linearFit([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
    expect(f.slope).toBeCloseTo(0.6, 12);
    expect(f.intercept).toBeCloseTo(2.2, 12);
    expect(f.slopeSe).toBeCloseTo(0.2828427, 6);
    expect(f.r2).toBeCloseTo(0.6, 12);
    // t(0.975, 3) = 3.182446
    expect(f.ciHigh - f.slope).toBeCloseTo(3.182446 * 0.2828427, 5);
  });
  it('is NaN rather than wrong when x does not vary', () => {
    expect(linearFit([2, 2, 2], [1, 2, 3]).slope).toBeNaN();
  });
});
