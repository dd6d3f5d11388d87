import { describe, expect, it } from 'vitest';
import { wilson } from './wilson.js';

describe('wilson', () => {
  it('matches scipy.stats.binomtest(k, n).proportion_ci(method="wilson")', () => {
    const [lo, hi] = wilson(7, 80);
    expect(lo).toBeCloseTo(0.04303200178205986, 10);
    expect(hi).toBeCloseTo(0.16976795508475, 10);
    expect(wilson(0, 10)[0]).toBe(0);
    expect(wilson(0, 10)[1]).toBeCloseTo(0.27753279986288926, 10);
    const [lo90, hi90] = wilson(45, 50, 0.1);
    expect(lo90).toBeCloseTo(0.8084624858484292, 10);
    expect(hi90).toBeCloseTo(0.9504709655225548, 10);
  });
  it('has no interval without data', () => {
    expect(wilson(0, 0)).toEqual([NaN, NaN]);
  });
});
