import { describe, expect, it } from 'vitest';
import { cronbachAlpha } from './cronbach.js';

const answers = [[4, 5, 4], [3, 3, 2], [5, 5, 5], [2, 3, 3], [4, 4, 5], [3, 2, 2]];

describe('cronbachAlpha', () => {
  it('equals the covariance form k·c̄/(v̄ + (k−1)·c̄) computed independently', () => {
    const k = 3;
    const n = answers.length;
    const mean = (j: number) => answers.reduce((s, r) => s + r[j]!, 0) / n;
    const cov = (a: number, b: number) => answers.reduce((s, r) => s + (r[a]! - mean(a)) * (r[b]! - mean(b)), 0) / (n - 1);
    const vBar = [0, 1, 2].reduce((s, j) => s + cov(j, j), 0) / k;
    const cBar = (cov(0, 1) + cov(0, 2) + cov(1, 2)) / 3;
    const expected = (k * cBar) / (vBar + (k - 1) * cBar);
    const r = cronbachAlpha(answers, ['t1', 't2', 't3']);
    expect(r.alpha).toBeCloseTo(expected, 12);
    // numpy: k/(k−1)·(1 − X.var(0, ddof=1).sum()/X.sum(1).var(ddof=1)) = 0.9156976744186046
    expect(r.alpha).toBeCloseTo(0.9156976744186046, 12);
    expect(r.items.map((i) => i.alphaIfDeleted)).toEqual([
      expect.closeTo(0.9081081081081082, 12), expect.closeTo(0.8461538461538463, 12), expect.closeTo(0.8759124087591239, 12),
    ]);
    expect(r.items[0]!.itemRestCorrelation).toBeCloseTo(0.806301959642199, 12);
  });
  it('refuses a scale with fewer than two items', () => {
    expect(() => cronbachAlpha([[1], [2]], ['trust_1'])).toThrow(/at least two item columns.*got 1: "trust_1"/);
  });
});
