import { describe, expect, it } from 'vitest';
import { chanceToWin, credibleInterval, effectPosterior, effectRisk } from './bayesian.js';

/** E[max(X, 0)] and E[max(−X, 0)] for X ~ N(mu, sd) by the trapezoid rule: an independent route to the closed form. */
function numericRisk(mu: number, sd: number): { control: number; treatment: number } {
  let pos = 0;
  let neg = 0;
  const h = sd / 2000;
  for (let x = mu - 12 * sd; x <= mu + 12 * sd; x += h) {
    const w = (Math.exp(-0.5 * ((x - mu) / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI))) * h;
    if (x > 0) pos += x * w;
    else neg -= x * w;
  }
  return { control: pos, treatment: neg };
}

describe('Bayesian effect model', () => {
  it('risk equals numerically integrated expected loss', () => {
    for (const [mu, sd] of [[0.05, 0.035716], [-0.3, 0.2], [0, 1], [2, 0.5]] as const) {
      const closed = effectRisk({ mean: mu, sd });
      const numeric = numericRisk(mu, sd);
      expect(closed.control).toBeCloseTo(numeric.control, 5);
      expect(closed.treatment).toBeCloseTo(numeric.treatment, 5);
      expect(closed.control - closed.treatment).toBeCloseTo(mu, 12); // E[X⁺] − E[X⁻] = E[X]
    }
  });

  it('posterior, chance to win and credible interval', () => {
    expect(effectPosterior(0.05, 0.001)).toEqual({ mean: 0.05, sd: Math.sqrt(0.001) });
    const p = effectPosterior(0.05, 0.001, { mean: 0.01, variance: 0.004 });
    expect(p.mean).toBeCloseTo((0.05 / 0.001 + 0.01 / 0.004) / (1 / 0.001 + 1 / 0.004), 14);
    expect(chanceToWin({ mean: 0, sd: 1 })).toBe(0.5);
    const [lo, hi] = credibleInterval({ mean: 0.05, sd: 0.035716 }, 0.05);
    expect(lo).toBeCloseTo(-0.02, 3);
    expect(hi).toBeCloseTo(0.12, 3);
  });
});
