import { describe, expect, it } from 'vitest';
import { chiSquareSf, holm, phi, phiInv, studentT, studentTInv } from './distributions.js';

describe('distributions', () => {
  it('match published table values', () => {
    expect(phi(1.959963984540054)).toBeCloseTo(0.975, 12);
    expect(phiInv(0.975)).toBeCloseTo(1.959963984540054, 10);
    expect(studentTInv(0.975, 10)).toBeCloseTo(2.228138851986274, 10); // scipy.stats.t.ppf(.975, 10)
    expect(studentT(2.228138851986274, 10)).toBeCloseTo(0.975, 10);
    expect(chiSquareSf(3.841458820694124, 1)).toBeCloseTo(0.05, 10);
  });

  it('holm adjusts step-down and keeps the input order (R p.adjust example)', () => {
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") → 0.03 0.06 0.06 0.02
    const out = holm([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 12));
    expect(holm([NaN, 0.2])).toEqual([NaN, 0.2]);
  });
});
