import { describe, expect, it } from 'vitest';
import { cupedStats, meanStats, ratioStats, statMean, statVariance } from './moments.js';

describe('moments (gbstats conventions)', () => {
  it('proportion variance is p(1−p) with no n−1', () => {
    const s = meanStats([1, 0, 0, 1, 1], 'proportion');
    expect(statMean(s)).toBe(0.6);
    expect(statVariance(s)).toBeCloseTo(0.24, 15);
  });

  it('mean variance is the n−1 sample variance', () => {
    const x = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(statVariance(meanStats(x, 'mean'))).toBeCloseTo(32 / 7, 12); // Σ(x−5)² = 32
  });

  it('ratio variance by the delta method equals the variance of the linearized unit values', () => {
    // Independent route: z_i = (m_i − R·d_i)/d̄ with R = Σm/Σd; its sample variance is the delta-method variance.
    const m = [12.5, 0, 40, 7.25, 19, 0, 33.1, 8];
    const d = [1, 0, 3, 1, 2, 1, 2, 1];
    const s = ratioStats(m, d);
    const R = m.reduce((a, b) => a + b) / d.reduce((a, b) => a + b);
    const dBar = d.reduce((a, b) => a + b) / d.length;
    const z = m.map((mi, i) => (mi - R * d[i]!) / dBar);
    const zBar = z.reduce((a, b) => a + b) / z.length;
    const varZ = z.reduce((a, v) => a + (v - zBar) ** 2, 0) / (z.length - 1);
    expect(statMean(s)).toBeCloseTo(R, 14);
    expect(statVariance(s)).toBeCloseTo(varZ, 10);
  });

  it('CUPED stats keep the unadjusted post mean and variance until θ is known', () => {
    const s = cupedStats([1, 2, 3], [3, 1, 2]);
    expect(s).toMatchObject({ n: 3, sum: 6, sumSquares: 14, sumPre: 6, sumPreSquares: 14, sumCross: 3 + 2 + 6 });
    expect(statMean(s)).toBe(2);
    expect(statVariance(s)).toBe(1);
  });

  it('rejects non-numeric values and mismatched columns', () => {
    expect(() => meanStats([1, NaN], 'mean')).toThrow(/non-numeric value \(NaN\) at position 2/);
    expect(() => ratioStats([1, 2], [1])).toThrow(/different lengths/);
  });
});
