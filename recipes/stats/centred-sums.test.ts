import { describe, expect, it } from 'vitest';
import { centredSums, pearson } from './centred-sums.js';

describe('centred sums and Pearson correlation', () => {
  it('match hand computation and numpy.corrcoef', () => {
    const s = centredSums([1, 2, 3], [2, 4, 6]);
    for (const [k, v] of Object.entries({ n: 3, mx: 2, my: 4, sxx: 2, sxy: 4, syy: 8 })) expect(s[k as keyof typeof s]).toBeCloseTo(v, 12);
    expect(pearson([1, 2, 3], [1, 3, 2])).toBeCloseTo(0.5, 12);
    // By hand: dx = −2…2, dy = (−1.4, −2.4, 0.6, −0.4, 3.6); Sxy = 12, Sxx = 10, Syy = 21.2 → 12/√212.
    expect(pearson([1, 2, 3, 4, 5], [2, 1, 4, 3, 7])).toBeCloseTo(12 / Math.sqrt(212), 12);
  });

  it('is null for a constant column, never NaN', () => {
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
  });
});
