import { describe, expect, it } from 'vitest';
import { compare, compareArms } from './compare.js';
import { cupedArm } from './cuped.js';
import { meanStats, ratioStats, type CupedStats, type MeanStats } from './moments.js';

const mean = (sum: number, sumSquares: number, n: number): MeanStats => ({ kind: 'mean', sum, sumSquares, n });
const prop = (sum: number, n: number): MeanStats => ({ kind: 'proportion', sum, sumSquares: sum, n });

// Expected values are gbstats' own unit tests (packages/stats/tests/frequentist/test_tests.py and
// bayesian/test_tests.py in growthbook/growthbook), rounded there to 5 decimals.
describe('compare: gbstats frequentist reference cases', () => {
  const a = mean(1396.87, 52377.9767, 3407);
  const b = mean(2422.7, 134698.29, 3461);

  it('TwoSidedTTest relative', () => {
    const r = compare(a, b);
    expect(r.effect).toBeCloseTo(0.70732, 5);
    expect(r.se).toBeCloseTo(0.37879, 5);
    expect(r.ciLow).toBeCloseTo(-0.03526, 5);
    expect(r.ciHigh).toBeCloseTo(1.44989, 5);
    expect(r.pValue).toBeCloseTo(0.06191, 5);
    expect(r.chanceToWin).toBeNull();
  });

  it('TwoSidedTTest absolute', () => {
    const r = compare(a, b, { difference: 'absolute' });
    expect(r.effect).toBeCloseTo(0.29, 10);
    expect(r.se).toBeCloseTo(0.12478, 5);
    expect([r.ciLow, r.ciHigh].map((x) => +x.toFixed(5))).toEqual([0.04538, 0.53462]);
    expect(r.pValue).toBeCloseTo(0.02016, 5);
  });

  it('TwoSidedTTest on proportions 14/28 vs 16/30', () => {
    const r = compare(prop(14, 28), prop(16, 30));
    expect(r.effect).toBeCloseTo((16 / 30 - 0.5) / 0.5, 10);
    expect(r.se).toBeCloseTo(0.2717, 4);
    expect([r.ciLow, r.ciHigh].map((x) => +x.toFixed(5))).toEqual([-0.47767, 0.61101]);
    expect(r.pValue).toBeCloseTo(0.80707, 5);
  });

  it('one-sided tests (OneSidedTreatmentGreater/Lesser), full precision from gbstats', () => {
    const a3 = mean(1396.87, 52377.9767, 3000);
    const b3 = mean(2422.7, 134698.29, 3461);
    const g = compare(a3, b3, { sided: 'greater' });
    expect(g.effect).toBeCloseTo(0.5033610858562358, 12);
    expect(g.se).toBeCloseTo(0.3334122146400735, 12);
    expect(g.ciLow).toBeCloseTo(-0.045136675850396046, 10);
    expect(g.ciHigh).toBe(Infinity);
    expect(g.pValue).toBeCloseTo(0.06558262868467746, 10);
    const abs = compare(a3, b3, { sided: 'greater', difference: 'absolute' });
    expect(abs.ciLow).toBeCloseTo(0.020791480063255735, 10);
    expect(abs.pValue).toBeCloseTo(0.03554272489873023, 10);
    const l = compare(a3, b3, { sided: 'less' });
    expect(l.ciLow).toBe(-Infinity);
    expect(l.pValue! + g.pValue!).toBeCloseTo(1, 12);
  });

  it('CUPED with pooled θ (gbstats test_sequential_test_runs_ra: effect and its sd)', () => {
    const ra = (n: number, sum: number, sumSquares: number, sumPre: number, sumPreSquares: number): CupedStats => ({
      kind: 'cuped', n, sum, sumSquares, sumPre, sumPreSquares, sumCross: 1,
    });
    const r = compare(ra(3000, 1396.87, 52377.9767, 16.87, 527.9767), ra(3461, 2422.7, 134698.29, 22.7, 1348.29));
    expect(r.effect).toBeCloseTo(0.50338, 5);
    expect(r.se).toBeCloseTo(0.33341, 5);
    expect(r.theta).toBeDefined();
  });

  it('CUPED with a fixed θ = 0.5 (older gbstats case): relative effect over the unadjusted control mean', () => {
    const c: CupedStats = { kind: 'cuped', n: 3000, sum: 1396.87, sumSquares: 52377.9767, sumPre: 16.87, sumPreSquares: 527.9767, sumCross: 12525 };
    const t: CupedStats = { kind: 'cuped', n: 3461, sum: 2422.7, sumSquares: 134698.29, sumPre: 22.7, sumPreSquares: 1348.29, sumCross: 3333 };
    const r = compareArms(cupedArm(c, 0.5), cupedArm(t, 0.5));
    expect(r.effect).toBeCloseTo(0.50236, 5);
    expect(r.se).toBeCloseTo(0.3093, 4);
  });
});

describe('compare: gbstats Bayesian (EffectBayesianABTest, flat prior)', () => {
  it('proportions 49/100 vs 51/100', () => {
    const r = compare(prop(49, 100), prop(51, 100), { method: 'bayesian' });
    expect(r.effect).toBeCloseTo(0.04082, 5);
    expect(r.se).toBeCloseTo(0.14725, 5);
    expect([r.ciLow, r.ciHigh].map((x) => +x.toFixed(5))).toEqual([-0.24779, 0.32943]);
    expect(r.chanceToWin).toBeCloseTo(0.60918, 5);
    expect(r.riskControl).toBeCloseTo(0.0814, 5);
    expect(r.riskTreatment).toBeCloseTo(0.04058, 5);
    expect(r.pValue).toBeNull();
  });

  it('means (sum 100, Σx² 1002.25, n 10) vs (105, 1111.5, 10)', () => {
    const r = compare(mean(100, 1002.25, 10), mean(105, 1111.5, 10), { method: 'both' });
    expect(r.chanceToWin).toBeCloseTo(0.91923, 5);
    expect(r.riskControl).toBeCloseTo(0.05131, 5);
    expect(r.riskTreatment).toBeCloseTo(0.00131, 5);
    expect(r.se).toBeCloseTo(0.03572, 5);
    expect(r.pValue).not.toBeNull(); // `both` keeps the frequentist test
  });

  it('a normal prior shrinks toward its mean (closed-form posterior)', () => {
    const flat = compare(mean(100, 1002.25, 10), mean(105, 1111.5, 10), { method: 'bayesian' });
    const prior = { mean: 0, variance: flat.se ** 2 }; // as informative as the data → halfway
    const r = compare(mean(100, 1002.25, 10), mean(105, 1111.5, 10), { method: 'bayesian', prior });
    expect(r.effect).toBeCloseTo(flat.effect / 2, 12);
    expect(r.se).toBeCloseTo(flat.se / Math.SQRT2, 12);
  });
});

describe('compare: Welch t-test against scipy.stats.ttest_ind(equal_var=False)', () => {
  // Welch's t-test article (Wikipedia), example 1: t = 2.46, ν ≈ 25.0, p = 0.021; scipy 1.17 values below.
  const a = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
  const b = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];

  it('matches statistic, dof, p and CI', () => {
    const r = compare(meanStats(a, 'mean'), meanStats(b, 'mean'), { difference: 'absolute' });
    expect(r.effect / r.se).toBeCloseTo(2.455356398286006, 10);
    expect(r.dof).toBeCloseTo(24.988529290231416, 8);
    expect(r.pValue).toBeCloseTo(0.021378001462866992, 10);
    expect(r.ciLow).toBeCloseTo(0.3492370661924069, 8);
    expect(r.ciHigh).toBeCloseTo(3.984096267140929, 8);
    expect(compare(meanStats(a, 'mean'), meanStats(b, 'mean'), { difference: 'absolute', sided: 'greater' }).pValue).toBeCloseTo(0.010689000731433496, 10);
    expect(compare(meanStats(a, 'mean'), meanStats(b, 'mean'), { difference: 'absolute', sided: 'less' }).pValue).toBeCloseTo(0.9893109992685665, 10);
  });

  it('matches an unequal-size sample and an independent two-pass computation', () => {
    const a2 = [19.8, 20.4, 19.6, 17.8, 18.5, 18.9, 18.3, 18.9, 19.5, 22.0];
    const b2 = [28.2, 26.6, 20.1, 23.3, 25.2, 22.1, 17.7, 27.6, 20.6, 13.7, 23.2, 17.5, 20.6, 18.0, 23.9, 21.6, 24.3, 20.4, 24.0, 13.2];
    const r = compare(meanStats(a2, 'mean'), meanStats(b2, 'mean'), { difference: 'absolute' });
    expect(r.effect / r.se).toBeCloseTo(2.2192409158236233, 10);
    expect(r.dof).toBeCloseTo(24.496223124201244, 8);
    expect(r.pValue).toBeCloseTo(0.03597227102979692, 10);
    const twoPass = (x: number[]) => {
      const m = x.reduce((s, v) => s + v, 0) / x.length;
      return { m, v: x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1) / x.length };
    };
    const [p, q] = [twoPass(a2), twoPass(b2)];
    expect(r.se).toBeCloseTo(Math.sqrt(p.v + q.v), 12);
    expect(r.dof).toBeCloseTo((p.v + q.v) ** 2 / (p.v ** 2 / 9 + q.v ** 2 / 19), 9);
  });
});

describe('compare: ratio metrics (delta method) against a hand computation', () => {
  it('relative effect of revenue per order with linearized per-unit variances', () => {
    const c = { m: [30, 0, 45, 12, 60, 25, 0, 18], d: [1, 0, 2, 1, 2, 1, 0, 1] };
    const t = { m: [40, 22, 0, 35, 70, 15, 28, 52, 9], d: [1, 1, 0, 1, 2, 1, 1, 2, 1] };
    // Hand: R = Σm/Σd; Var(R̂) ≈ Var(m − R·d)/(n·d̄²), the linearization behind the delta method.
    const arm = (x: { m: number[]; d: number[] }) => {
      const n = x.m.length;
      const R = x.m.reduce((a, b) => a + b) / x.d.reduce((a, b) => a + b);
      const dBar = x.d.reduce((a, b) => a + b) / n;
      const z = x.m.map((m, i) => m - R * x.d[i]!);
      const zBar = z.reduce((a, b) => a + b) / n;
      return { R, v: z.reduce((a, b) => a + (b - zBar) ** 2, 0) / (n - 1) / (n * dBar * dBar) };
    };
    const [hc, ht] = [arm(c), arm(t)];
    const r = compare(ratioStats(c.m, c.d), ratioStats(t.m, t.d));
    expect(r.controlMean).toBeCloseTo(hc.R, 12);
    expect(r.effect).toBeCloseTo((ht.R - hc.R) / hc.R, 12);
    expect(r.se).toBeCloseTo(Math.sqrt(ht.v / hc.R ** 2 + (hc.v * ht.R ** 2) / hc.R ** 4), 10);
    expect(r.dof).toBeCloseTo((hc.v + ht.v) ** 2 / (hc.v ** 2 / 7 + ht.v ** 2 / 8), 8);
  });
});

describe('compare: degenerate input is an error, never NaN', () => {
  it('names the problem', () => {
    expect(() => compare(prop(0, 0), prop(3, 10))).toThrow(/control arm has no units/);
    expect(() => compare(prop(0, 10), prop(3, 10))).toThrow(/control mean is 0.*absolute/);
    expect(() => compare(prop(0, 10), prop(0, 10), { difference: 'absolute' })).toThrow(/Neither arm varies/);
    expect(() => compare(mean(1, 1, 1), mean(5, 30, 4))).toThrow(/at least 2 units/);
    expect(() => compare(prop(1, 10), prop(3, 10), { alpha: 1.5 })).toThrow(/alpha/);
    expect(() => compare(prop(1, 10), { kind: 'ratio', n: 10, sumNum: 1, sumNumSquares: 1, sumDen: 2, sumDenSquares: 2, sumCross: 1 })).toThrow(/same kind/);
    expect(() => compare(prop(1, 10), prop(3, 10), { method: 'magic' as 'both' })).toThrow(/method must be one of/);
  });
  it('with zero control mean, an absolute effect still works', () => {
    const r = compare(prop(0, 10), prop(3, 10), { difference: 'absolute' });
    expect(r.effect).toBeCloseTo(0.3, 12);
    expect(Number.isFinite(r.pValue!)).toBe(true);
  });
});
