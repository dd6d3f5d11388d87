import { describe, expect, it } from 'vitest';
import { maximizeLogLikelihood, minimize } from './optimize.js';

describe('minimize', () => {
  it('finds the Rosenbrock minimum (1, 1) and reports convergence', () => {
    const fit = minimize(([x, y]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2, [-1.2, 1]);
    expect(fit.converged).toBe(true);
    expect(fit.x[0]).toBeCloseTo(1, 5);
    expect(fit.x[1]).toBeCloseTo(1, 5);
  });
  it('reports non-convergence honestly when the iteration budget is too small', () => {
    const fit = minimize(([x, y]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2, [-1.2, 1], { maxIterations: 1, polish: false });
    expect(fit.converged).toBe(false);
  });
  it('with newtonFirst takes Newton steps before conjugate gradient, and falls back to it when they cannot help', () => {
    const f = ([x, y]: number[]) => (x! - 1) ** 2 + 10 * (y! + 2) ** 2 + (x! - 1) ** 4;
    const gradient = ([x, y]: number[], g: number[]) => {
      g[0] = 2 * (x! - 1) + 4 * (x! - 1) ** 3;
      g[1] = 20 * (y! + 2);
    };
    const curvature = (x: number[], g: number[]) => {
      gradient(x, g);
      return [[2 + 12 * (x[0]! - 1) ** 2, 0], [0, 20]];
    };
    const near = minimize(f, [1.5, -1], { gradient, curvature, newtonFirst: true });
    expect(near.converged).toBe(true);
    expect(near.iterations).toBe(0);
    expect(near.x[0]).toBeCloseTo(1, 5);
    // A start where the curvature in x is negative: the Newton step goes uphill, so conjugate gradient takes over.
    const g = ([x, y]: number[]) => -Math.cos(x!) + 10 * (y! + 2) ** 2;
    const saddle = minimize(g, [3, -2], {
      gradient: ([x, y], out) => { out[0] = Math.sin(x!); out[1] = 20 * (y! + 2); },
      curvature: (x, out) => { out[0] = Math.sin(x[0]!); out[1] = 20 * (x[1]! + 2); return [[Math.cos(x[0]!), 0], [0, 20]]; },
      newtonFirst: true,
    });
    expect(saddle.converged).toBe(true);
    expect(saddle.iterations).toBeGreaterThan(0);
    expect(Math.abs(saddle.x[0]! % (2 * Math.PI))).toBeLessThan(1e-5);
  });
  it('calls onIteration and stops on abort', () => {
    let calls = 0;
    minimize(([x]) => (x - 3) ** 2 + Math.cosh(x - 3), [0], { onIteration: () => calls++ });
    expect(calls).toBeGreaterThan(0);
    const controller = new AbortController();
    controller.abort();
    expect(() => minimize(([x]) => x * x, [1], { signal: controller.signal })).toThrow(/cancelled/);
  });
});

describe('maximizeLogLikelihood', () => {
  it('recovers a closed-form MLE: the gamma shape and rate of a sample (checked against the score equations)', () => {
    // Exponential sample with known MLE 1/mean; a two-parameter normal in log space (σ > 0).
    const xs = [0.5, 1.2, 3.1, 0.7, 2.2, 0.9, 1.6];
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const rate = maximizeLogLikelihood(([l]) => xs.length * Math.log(l) - l * mean * xs.length, xs.length, [1]);
    expect(rate.params[0]).toBeCloseTo(1 / mean, 7);
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    const normal = maximizeLogLikelihood(([m, s]) => xs.reduce((acc, x) => acc - Math.log(s) - (x - m) ** 2 / (2 * s * s), 0), xs.length, [1, 1]);
    expect(normal.params[0]).toBeCloseTo(mean, 6);
    expect(normal.params[1]).toBeCloseTo(sd, 6);
  });
});
