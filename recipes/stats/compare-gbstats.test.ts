import { describe, expect, it } from 'vitest';
import { compare } from './compare.js';
import type { CupedStats, MeanStats, RatioCupedStats } from './moments.js';

// Every expected number below is from gbstats' own tests, packages/stats/tests/test_gbstats.py in
// growthbook/growthbook (TestAnalyzeMetricDfRegressionAdjustment, TestAnalyzeMetricDfSequential,
// TestAnalyzeMetricDfBayesian), where they are rounded to 9 decimals.
const round9 = (x: number | null) => (x === null ? null : Math.round(x * 1e9) / 1e9);

// RA_STATISTICS_DF: variation "zero" is the baseline.
const raControl: CupedStats = { kind: 'cuped', n: 3001, sum: 300, sumSquares: 600, sumPre: 210, sumPreSquares: 415, sumCross: -20 };
const raTreatment: CupedStats = { kind: 'cuped', n: 3000, sum: 222, sumSquares: 555, sumPre: 120, sumPreSquares: 405, sumCross: -10 };

describe('relative CUPED effect as gbstats (issue 14, wrong today 1)', () => {
  it('count metric: expected −0.281707154, p = 0.003732549 (test_analyze_metric_df_ra)', () => {
    const r = compare(raControl, raTreatment, { difference: 'relative' });
    expect(round9(r.controlMean)).toBe(0.099966678);
    expect(round9(r.mean)).toBe(0.074);
    expect(round9(r.effect)).toBe(-0.281707154);
    expect(round9(r.pValue)).toBe(0.003732549);
  });

  it('proportion metric and covariate: expected −0.31620216, p = 3.53e-7 (test_analyze_metric_df_ra_proportion)', () => {
    const asProportion = (s: CupedStats): CupedStats => ({ ...s, sumSquares: s.sum, sumPreSquares: s.sumPre, postKind: 'proportion', preKind: 'proportion' });
    const r = compare(asProportion(raControl), asProportion(raTreatment), { difference: 'relative' });
    expect(round9(r.effect)).toBe(-0.31620216);
    expect(round9(r.pValue)).toBe(0.000000353);
  });
});

describe('ratio metric with CUPED as gbstats (test_analyze_metric_df_ratio_ra)', () => {
  // RATIO_RA_STATISTICS_DF, variation "zero" (baseline) then "one".
  const zero: RatioCupedStats = {
    kind: 'ratio_cuped', n: 100, sumNum: 485.112236689623, sumNumSquares: 2715.484666118136, sumDen: 679.9093275844917,
    sumDenSquares: 4939.424001640236, sumNumPre: 192.59138069991536, sumNumPreSquares: 460.076026390857,
    sumDenPre: 290.1398399750233, sumDenPreSquares: 920.9461385038898, sumNumNumPre: 1113.6215759318352,
    sumCross: 3602.146836776702, sumNumDenPre: 1559.2878434944676, sumNumPreDen: 1460.3181079276983,
    sumNumPreDenPre: 634.239482353647, sumDenDenPre: 2130.9404074446747,
  };
  const one: RatioCupedStats = {
    kind: 'ratio_cuped', n: 100, sumNum: 514.7757826608777, sumNumSquares: 2994.897482705013, sumDen: 705.4090874383759,
    sumDenSquares: 5291.36604146392, sumNumPre: 206.94157227402536, sumNumPreSquares: 514.2903702246757,
    sumDenPre: 302.54389139107326, sumDenPreSquares: 994.4506208125663, sumNumNumPre: 1237.0953021125997,
    sumCross: 3918.1561431600717, sumNumDenPre: 1701.0287270040265, sumNumPreDen: 1604.075950326651,
    sumNumPreDenPre: 698.4173425817913, sumDenDenPre: 2292.081739775257,
  };

  it('unadjusted ratios 0.713495487 and 0.729754963, expected −0.000701483, p = 0.857710405', () => {
    const r = compare(zero, one, { difference: 'relative' });
    expect(round9(r.controlMean)).toBe(0.713495487);
    expect(round9(r.mean)).toBe(0.729754963);
    expect(round9(r.effect)).toBe(-0.000701483);
    expect(round9(r.pValue)).toBe(0.857710405);
  });

  it('absolute effect uses the adjusted arm variances (no relative-variance special case)', () => {
    const r = compare(zero, one, { difference: 'absolute' });
    expect(r.effect).toBeCloseTo(-0.000701483 * 0.713495487, 8);
    expect(r.se).toBeGreaterThan(0);
  });
});

// MULTI_DIMENSION_STATISTICS_DF, dimension "one": baseline "zero" then "one".
const countZero: MeanStats = { kind: 'mean', n: 100, sum: 270, sumSquares: 848.79 };
const countOne: MeanStats = { kind: 'mean', n: 120, sum: 300, sumSquares: 869 };

describe('sequential testing as gbstats (test_analyze_metric_df_sequential)', () => {
  it('fixed horizon first: p = 0.145219005 (test_get_metric_dfs_frequentist)', () => {
    expect(round9(compare(countZero, countOne).pValue)).toBe(0.145219005);
  });

  it('tuning 600: expected −0.074074074, p = 0.892332229, lower bound −0.233322085', () => {
    const r = compare(countZero, countOne, { sequential: 600 });
    expect(round9(r.effect)).toBe(-0.074074074);
    expect(round9(r.pValue)).toBe(0.892332229);
    expect(round9(r.ciLow)).toBe(-0.233322085);
  });

  it('a smaller tuning parameter widens the interval, and sequential is wider than fixed horizon', () => {
    const fixed = compare(countZero, countOne);
    const tuned = compare(countZero, countOne, { sequential: 600 });
    const bad = compare(countZero, countOne, { sequential: 1 });
    expect(tuned.ciLow).toBeLessThan(fixed.ciLow);
    expect(bad.ciLow).toBeLessThan(tuned.ciLow);
    expect(tuned.pValue!).toBeGreaterThan(fixed.pValue!);
  });

  it('refuses a one-sided sequential test and a non-positive tuning parameter', () => {
    expect(() => compare(countZero, countOne, { sequential: 5000, sided: 'greater' })).toThrow(/sided/);
    expect(() => compare(countZero, countOne, { sequential: 0 })).toThrow(/sequential_tuning/);
  });
});

describe('inverse metrics as gbstats (test_get_metric_dfs_new / test_get_metric_dfs_inverse, Bayesian)', () => {
  it('higher is better: chance to win 0.071834168, treatment risk 0.075691131', () => {
    const r = compare(countZero, countOne, { method: 'bayesian' });
    expect(round9(r.effect)).toBe(-0.074074074);
    expect(round9(r.chanceToWin)).toBe(0.071834168);
    expect(round9(r.riskTreatment)).toBe(0.075691131);
  });

  it('lower is better: chance to win 1 − 0.071834168, treatment risk 0.001617057', () => {
    const r = compare(countZero, countOne, { method: 'bayesian', inverse: true });
    expect(round9(r.effect)).toBe(-0.074074074);
    expect(round9(r.chanceToWin)).toBe(round9(1 - 0.071834168));
    expect(round9(r.riskTreatment)).toBe(0.001617057);
  });
});
