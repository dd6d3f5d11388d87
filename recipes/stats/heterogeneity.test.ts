import { describe, expect, it } from 'vitest';
import { cochranQ } from './heterogeneity.js';

// BCG vaccine trials (Colditz et al. 1994, metafor's dat.bcg): tpos, tneg, cpos, cneg.
const bcg = [
  [4, 119, 11, 128], [6, 300, 29, 274], [3, 228, 11, 209], [62, 13536, 248, 12619], [33, 5036, 47, 5761],
  [180, 1361, 372, 1079], [8, 2537, 10, 619], [505, 87886, 499, 87892], [29, 7470, 45, 7232],
  [17, 1699, 65, 1600], [186, 50448, 141, 27197], [5, 2493, 3, 2338], [27, 16886, 29, 17825],
] as const;

describe('cochranQ', () => {
  it('reproduces metafor rma(measure="RR", method="FE") on dat.bcg', () => {
    // metafor: estimate −0.4303, se 0.0405; Q(df = 12) = 152.2330, p < .0001; I² = 92.12 % (REML output).
    const yi = bcg.map(([a, b, c, d]) => Math.log(a / (a + b) / (c / (c + d))));
    const se = bcg.map(([a, b, c, d]) => Math.sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d)));
    const h = cochranQ(yi, se);
    expect(h.q).toBeCloseTo(152.233, 3);
    expect(h.dof).toBe(12);
    expect(h.pooled).toBeCloseTo(-0.4303, 4);
    expect(h.pooledSe).toBeCloseTo(0.0405, 4);
    expect(h.pValue).toBeLessThan(1e-20);
    expect(h.i2).toBeCloseTo((152.233 - 12) / 152.233, 4);
  });
  it('is hand-computable on two strata and skips unusable ones', () => {
    const h = cochranQ([0.1, 0.3, NaN, 5], [0.1, 0.1, 0.1, 0]);
    expect(h.strata).toBe(2);
    expect(h.q).toBeCloseTo(2, 12);
    expect(h.pValue).toBeCloseTo(0.1572992, 6); // scipy.stats.chi2.sf(2, 1)
    expect(h.i2).toBeCloseTo(0.5, 12);
    expect(cochranQ([1], [0.1]).pValue).toBeNaN();
  });
});
