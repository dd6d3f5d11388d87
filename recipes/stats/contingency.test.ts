import { describe, expect, it } from 'vitest';
import { chiSquareIndependence } from './contingency.js';

describe('chiSquareIndependence', () => {
  it('matches scipy.stats.chi2_contingency(correction=False)', () => {
    // chi2_contingency([[10, 20], [20, 10]], correction=False) → (6.6667, 0.009823, 1)
    const r = chiSquareIndependence([[10, 20], [20, 10]]);
    expect(r.chi2).toBeCloseTo(20 / 3, 10);
    expect(r.dof).toBe(1);
    expect(r.pValue).toBeCloseTo(0.0098232, 6);
    // chi2_contingency([[12, 5, 9], [7, 11, 6]]) → chi2 4.092337213225371, p 0.129229083740883, dof 2
    const s = chiSquareIndependence([[12, 5, 9], [7, 11, 6], [0, 0, 0]]);
    expect(s.dof).toBe(2);
    const e = [[19 * 26 / 50, 16 * 26 / 50, 15 * 26 / 50], [19 * 24 / 50, 16 * 24 / 50, 15 * 24 / 50]];
    const o = [[12, 5, 9], [7, 11, 6]];
    const chi2 = o.flatMap((r, i) => r.map((v, j) => (v - e[i]![j]!) ** 2 / e[i]![j]!)).reduce((a, b) => a + b);
    expect(s.chi2).toBeCloseTo(chi2, 10);
    expect(s.chi2).toBeCloseTo(4.092337213225371, 10);
    expect(s.pValue).toBeCloseTo(0.129229083740883, 10);
  });
  it('has nothing to test with one non-empty row', () => {
    expect(chiSquareIndependence([[3, 4], [0, 0]]).pValue).toBe(1);
  });
});
