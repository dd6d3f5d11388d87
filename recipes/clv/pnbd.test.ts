import { describe, expect, it } from 'vitest';
import { loadCdnowSummary } from './cdnow-fixture.js';
import { compressHistories } from './bgnbd.js';
import { fitParetoNbd, paretoNbdConditionalExpected, paretoNbdExpectedPurchases, paretoNbdLogLikelihood, paretoNbdPAlive } from './pnbd.js';

const cdnow = loadCdnowSummary();
const data = { frequency: cdnow.map((c) => c.x), recency: cdnow.map((c) => c.t_x), T: cdnow.map((c) => c.T) };
// Fader, Hardie & Lee (2005) report the Pareto/NBD fit to the same CDNOW sample alongside BG/NBD:
// r = 0.553, α = 10.578, s = 0.606, β = 11.669, LL = −9595.0 (as lifetimes' tests also check).
const published = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

describe('Pareto/NBD on CDNOW', () => {
  it('has the published log-likelihood at the published estimates', () => {
    expect(paretoNbdLogLikelihood(data)(published)).toBeCloseTo(-9595.0, 0);
  });

  it('has the same log-likelihood on the distinct histories weighted by their counts', () => {
    const compressed = compressHistories(data);
    expect(compressed.frequency.length).toBeLessThan(data.frequency.length / 2);
    expect(paretoNbdLogLikelihood(compressed)(published)).toBeCloseTo(paretoNbdLogLikelihood(data)(published), 8);
  });

  it('recovers the published estimates from r = α = s = β = 1 (fitted on the distinct histories)', () => {
    const fit = fitParetoNbd(compressHistories(data));
    expect(fit.report.converged).toBe(true);
    expect(fit.params.r).toBeCloseTo(published.r, 2);
    expect(fit.params.alpha).toBeCloseTo(published.alpha, 0);
    expect(fit.params.s).toBeCloseTo(published.s, 2);
    expect(fit.params.beta).toBeCloseTo(published.beta, 0);
  });

  it('conditions a brand-new customer exactly as the unconditional expectation, and P(alive) falls with inactivity', () => {
    expect(paretoNbdConditionalExpected(published, 20, 0, 0, 0)).toBeCloseTo(paretoNbdExpectedPurchases(published, 20), 10);
    expect(paretoNbdPAlive(published, 0, 0, 0)).toBeCloseTo(1, 12);
    expect(paretoNbdPAlive(published, 3, 5, 38.86)).toBeLessThan(paretoNbdPAlive(published, 3, 38, 38.86));
  });
});
