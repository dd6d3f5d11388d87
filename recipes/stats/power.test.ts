import { describe, expect, it } from 'vitest';
import { mde, power, sampleSizePerArm, type Baseline } from './power.js';

// Expected values are GrowthBook's power-calculator tests (packages/shared/test/power.test.ts in
// growthbook/growthbook: "calculates power correctly", "… two-tailed mde …", "… sequential …",
// "checks power" and "checks sequential power"), rounded there to 5 decimals.
const round5 = (x: number | null) => (x === null ? null : Number(x.toFixed(5)));
const meanMetric: Baseline = { type: 'mean', mean: 10, sd: Math.sqrt(3909.9997749994377) };
const fixed = { alpha: 0.05, arms: 3, sequential: false as const };

describe('power as GrowthBook computes it', () => {
  it('power 0.52144 and MDE 0.07027 for a mean metric, 400,000 units over 3 arms', () => {
    expect(round5(power(meanMetric, 0.05, 400000, fixed))).toBe(0.52144);
    expect(round5(mde(meanMetric, 0.8, 400000, fixed))).toBe(0.07027);
  });

  it('sequential (tuning 5000): power 0.20596 and MDE 0.12821', () => {
    const seq = { ...fixed, sequential: 5000 };
    expect(round5(power(meanMetric, 0.05, 400000, seq))).toBe(0.20596);
    expect(round5(mde(meanMetric, 0.8, 400000, seq))).toBe(0.12821);
  });

  // powerMetricWeeks: 4,500 users per week, 3 arms, weeks 1–9; CTR 0.1 with effect 0.05, revenue mean 0.1 sd √0.5 with effect 0.3.
  const ctr: Baseline = { type: 'proportion', rate: 0.1 };
  const revenue: Baseline = { type: 'mean', mean: 0.1, sd: Math.sqrt(0.5) };
  const weeks = Array.from({ length: 9 }, (_, i) => 4500 * (i + 1));
  const split = (xs: number[]) => [xs.filter((_, i) => i % 2 === 0), xs.filter((_, i) => i % 2 === 1)];

  it('power and MDE week by week (checks power)', () => {
    const [pCtr, pRev] = split([0.073, 0.17053, 0.0965, 0.29389, 0.1204, 0.41122, 0.14458, 0.51749, 0.16895, 0.61037, 0.19342, 0.68938, 0.21791, 0.75513, 0.24235, 0.80886, 0.26666, 0.85213]);
    const [mCtr, mRev] = split([0.36767, 1.26769, 0.24505, 0.71941, 0.19525, 0.54299, 0.16673, 0.4506, 0.14774, 0.39208, 0.13394, 0.35099, 0.12336, 0.32018, 0.11491, 0.29603, 0.10796, 0.27647]);
    expect(weeks.map((n) => round5(power(ctr, 0.05, n, fixed)))).toEqual(pCtr);
    expect(weeks.map((n) => round5(power(revenue, 0.3, n, fixed)))).toEqual(pRev);
    expect(weeks.map((n) => round5(mde(ctr, 0.8, n, fixed)))).toEqual(mCtr);
    expect(weeks.map((n) => round5(mde(revenue, 0.8, n, fixed)))).toEqual(mRev);
    // Revenue first reaches 80% power in week 8 (sampleSizeAndRuntime.revenue.weeks = 8).
    const perArm = sampleSizePerArm(revenue, 0.3, 0.8, fixed)!;
    expect(Math.ceil((3 * perArm) / 4500)).toBe(8);
  });

  it('sequential power and MDE week by week (checks sequential power)', () => {
    const seq = { ...fixed, sequential: 5000 };
    const [pCtr, pRev] = split([0.05936, 0.09832, 0.06912, 0.14992, 0.07849, 0.19972, 0.08761, 0.24784, 0.09657, 0.29426, 0.10541, 0.33888, 0.11415, 0.38165, 0.12282, 0.42249, 0.13142, 0.46136]);
    const [mCtr, mRev] = split([0.65545, 4.33868, 0.4112, 1.51846, 0.32394, 1.04943, 0.27607, 0.84084, 0.24484, 0.71862, 0.22241, 0.63663, 0.20532, 0.577, 0.19172, 0.53123, 0.18058, 0.49473]);
    expect(weeks.map((n) => round5(power(ctr, 0.05, n, seq)))).toEqual(pCtr);
    expect(weeks.map((n) => round5(power(revenue, 0.3, n, seq)))).toEqual(pRev);
    expect(weeks.map((n) => round5(mde(ctr, 0.8, n, seq)))).toEqual(mCtr);
    expect(weeks.map((n) => round5(mde(revenue, 0.8, n, seq)))).toEqual(mRev);
  });

  it('the sample size is the smallest whole number of units per arm that reaches the target', () => {
    const two = { alpha: 0.05, arms: 2, sequential: false as const };
    const n = sampleSizePerArm(ctr, 0.05, 0.8, two)!;
    expect(power(ctr, 0.05, 2 * n, two)).toBeGreaterThanOrEqual(0.8);
    expect(power(ctr, 0.05, 2 * (n - 1), two)).toBeLessThan(0.8);
    // Closed form, recomputed (the far tail is negligible here): n = (z₀.₉₇₅ + z₀.₈)²·p(1−p)·(1 + (1+e)²)/(p·e)².
    const z = 1.959963984540054 + 0.8416212335729143;
    expect(n).toBe(Math.ceil((z ** 2 * 0.09 * (1 + 1.05 ** 2)) / (0.1 * 0.05) ** 2));
    expect(mde(ctr, 0.8, 10, two)).toBeNull();
  });
});
