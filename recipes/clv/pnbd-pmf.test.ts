import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { runRecipe } from '../define-recipe.js';
import { clv } from './index.js';
import { paretoNbdPmf } from './pnbd-pmf.js';
import { paretoNbdExpectedPurchases } from './pnbd.js';
import { simulateParetoNbdCounts } from './simulate.js';

// The Pareto/NBD fit to the CDNOW sample (Fader, Hardie & Lee 2005; pnbd.test.ts recovers it).
const cdnow = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
// The same with α > β, the other branch of the 2F1 form.
const flipped = { r: 0.8, alpha: 15, s: 1.7, beta: 3 };

function moments(p: typeof cdnow, t: number, upTo: number): { total: number; mean: number } {
  let total = 0;
  let mean = 0;
  for (let n = 0; n <= upTo; n++) {
    const q = paretoNbdPmf(p, t, n);
    total += q;
    mean += n * q;
  }
  return { total, mean };
}

describe('Pareto/NBD P(X(t) = n)', () => {
  it('sums to 1 and has the closed-form mean E[X(t)] (note 009, eq. 27), for α < β and α > β', () => {
    for (const p of [cdnow, flipped]) {
      for (const t of [1, 39, 78]) {
        const { total, mean } = moments(p, t, 400);
        expect(Math.abs(total - 1)).toBeLessThan(1e-6);
        expect(mean / paretoNbdExpectedPurchases(p, t)).toBeCloseTo(1, 6);
      }
    }
  });

  it('puts all mass on 0 as t → 0, with P(X = 1) ≈ E[X(t)] ≈ rt/α to first order', () => {
    expect(paretoNbdPmf(cdnow, 0, 0)).toBe(1);
    expect(paretoNbdPmf(cdnow, 0, 3)).toBe(0);
    let previous = 0;
    for (const t of [1, 0.1, 1e-3, 1e-6]) {
      const zero = paretoNbdPmf(cdnow, t, 0);
      expect(zero).toBeGreaterThan(previous);
      previous = zero;
    }
    expect(1 - previous).toBeLessThan(1e-6);
    expect(paretoNbdPmf(cdnow, 1e-6, 1) / ((cdnow.r * 1e-6) / cdnow.alpha)).toBeCloseTo(1, 4);
  });

  it('matches a seeded simulation of 200,000 customers within 3 standard errors for n = 0..5', () => {
    for (const [p, t, seed] of [[cdnow, 39, 11], [flipped, 20, 12]] as const) {
      const customers = 200_000;
      const counts = simulateParetoNbdCounts(p, t, { customers, seed });
      for (let n = 0; n <= 5; n++) {
        const share = counts.filter((c) => c === n).length / customers;
        const q = paretoNbdPmf(p, t, n);
        expect(Math.abs(share - q)).toBeLessThan(3 * Math.sqrt((q * (1 - q)) / customers));
      }
    }
  });

  it('leaves the pmf table out, with a note, where the 2F1 series cannot converge (β/α = 10⁴)', async () => {
    const apart = { r: 0.5, alpha: 1e-3, s: 0.6, beta: 10 };
    expect(paretoNbdPmf(apart, 52, 0)).toBeNaN();
    // Customers with recency > 0 keep P(alive) computable at these parameters, so only the pmf is missing.
    const summary = aq.from(Array.from({ length: 5 }, (_, i) => ({ customer: `c${i}`, frequency: i + 1, recency: 10, T: 20 })));
    const model = aq.from(Object.entries(apart).map(([parameter, estimate]) => ({ parameter, estimate })));
    const { result } = await runRecipe(clv, { inputs: { summary, model }, params: { model: 'pnbd', monetary: 'none' } });
    expect(result.tables.pmf).toBeUndefined();
    expect(result.notes.join(' ')).toMatch(/No pmf table.*α = 0\.001 and β = 10 are too far apart/);
  });

  it('refuses a negative time or a fractional count', () => {
    expect(() => paretoNbdPmf(cdnow, -1, 0)).toThrow(/t ≥ 0/);
    expect(() => paretoNbdPmf(cdnow, 39, 1.5)).toThrow(/whole number/);
  });
});
