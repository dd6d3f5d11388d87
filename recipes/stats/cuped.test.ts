import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { compare } from './compare.js';
import { cupedArm, pooledTheta } from './cuped.js';
import { cupedStats, meanStats } from './moments.js';

function simulate(seed: string, n: number, lift: number) {
  const rng = seedrandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const arm = (shift: number) => {
    const pre = Array.from({ length: n }, () => 10 + 3 * normal());
    const post = pre.map((x) => 2 + 0.8 * x + shift + normal());
    return { pre, post };
  };
  return { c: arm(0), t: arm(lift) };
}

describe('CUPED', () => {
  it('θ equals the OLS slope of post on pre over both arms pooled (hand computation)', () => {
    const { c, t } = simulate('theta', 50, 0.5);
    const x = [...c.pre, ...t.pre];
    const y = [...c.post, ...t.post];
    const xBar = x.reduce((a, b) => a + b) / x.length;
    const yBar = y.reduce((a, b) => a + b) / y.length;
    const sxy = x.reduce((a, xi, i) => a + (xi - xBar) * (y[i]! - yBar), 0);
    const sxx = x.reduce((a, xi) => a + (xi - xBar) ** 2, 0);
    expect(pooledTheta(cupedStats(c.post, c.pre), cupedStats(t.post, t.pre))).toBeCloseTo(sxy / sxx, 10);
  });

  it('adjusted mean and variance match the per-unit adjusted values y − θ(x − 0) computed by hand', () => {
    const { c } = simulate('arm', 30, 0);
    const theta = 0.7;
    const adj = c.post.map((y, i) => y - theta * c.pre[i]!);
    const m = adj.reduce((a, b) => a + b) / adj.length;
    const v = adj.reduce((a, b) => a + (b - m) ** 2, 0) / (adj.length - 1);
    const arm = cupedArm(cupedStats(c.post, c.pre), theta);
    expect(arm.mean).toBeCloseTo(m, 10);
    expect(arm.variance).toBeCloseTo(v, 9);
    expect(arm.unadjustedMean).toBeCloseTo(c.post.reduce((a, b) => a + b) / 30, 12);
  });

  it('shrinks the standard error when the covariate predicts the metric, keeping the estimate unbiased', () => {
    const { c, t } = simulate('reduce', 400, 0.5);
    const plain = compare(meanStats(c.post, 'mean'), meanStats(t.post, 'mean'), { difference: 'absolute' });
    const cuped = compare(cupedStats(c.post, c.pre), cupedStats(t.post, t.pre), { difference: 'absolute' });
    expect(cuped.se).toBeLessThan(plain.se * 0.5); // Var(post) = 0.64·9 + 1 → residual 1: se ratio ≈ 0.39
    expect(Math.abs(cuped.effect - 0.5)).toBeLessThan(3 * cuped.se);
    expect(cuped.controlMean).toBe(plain.controlMean); // reported means stay unadjusted
  });

  it('a constant covariate leaves the metric unadjusted (θ = 0)', () => {
    const c = cupedStats([1, 2, 3], [5, 5, 5]);
    const t = cupedStats([2, 3, 5], [5, 5, 5]);
    expect(pooledTheta(c, t)).toBe(0);
    expect(compare(c, t).effect).toBeCloseTo(compare(meanStats([1, 2, 3], 'mean'), meanStats([2, 3, 5], 'mean')).effect, 14);
  });
});
