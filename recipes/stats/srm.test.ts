import { describe, expect, it } from 'vitest';
import { srmTest } from './srm.js';

describe('srmTest (Pearson chi-square goodness of fit)', () => {
  it('matches scipy.stats.chisquare', () => {
    expect(srmTest([5000, 5100]).pValue).toBeCloseTo(0.3197181768128675, 12);
    const three = srmTest([4800, 5000, 5300]);
    expect(three.chi2).toBeCloseTo(25.165562913907287, 10);
    expect(three.pValue).toBeCloseTo(3.430579169518507e-6, 15);
  });

  it('uses the intended split: hand computation with weights 4:5:1', () => {
    // expected 400, 500, 100 → (100²/400) + (150²/500) + (50²/100) = 25 + 45 + 25 = 95
    const r = srmTest([300, 650, 50], [0.4, 0.5, 0.1]);
    expect(r.chi2).toBeCloseTo(95, 10);
    expect(r.pValue).toBeCloseTo(2.3496983374528227e-21, 30);
    expect(srmTest([300, 700], [3, 7])).toEqual({ chi2: 0, pValue: 1 });
  });

  it('rejects bad weights and empty data with the parameter named', () => {
    expect(() => srmTest([10, 10], [1])).toThrow(/split has 1 weights but there are 2 variants/);
    expect(() => srmTest([10, 10], [1, 0])).toThrow(/split weights must be positive/);
    expect(() => srmTest([0, 0])).toThrow(/No units/);
  });
});
