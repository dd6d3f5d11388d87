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
