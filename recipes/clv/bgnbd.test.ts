import { describe, expect, it } from 'vitest';
import { bgnbdConditionalExpected, bgnbdExpectedPurchases, bgnbdLiveExpected, bgnbdLogLikelihood, bgnbdLogLikelihoodAndScore, bgnbdPAlive, bgnbdScore, compressHistories, fitBgNbd } from './bgnbd.js';
import { loadCdnowSummary } from './cdnow-fixture.js';

const cdnow = loadCdnowSummary();
const data = { frequency: cdnow.map((c) => c.x), recency: cdnow.map((c) => c.t_x), T: cdnow.map((c) => c.T) };
const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('BG/NBD on CDNOW (Fader, Hardie & Lee 2005)', () => {
  const fit = fitBgNbd(data);

  it('fits the distinct histories with their counts to the same likelihood, score and estimates', () => {
    const compressed = compressHistories(data);
    expect(compressed.frequency.length).toBeLessThan(data.frequency.length / 2);
    expect(Array.from(compressed.weights).reduce((s, w) => s + w, 0)).toBe(data.frequency.length);
    const ll = bgnbdLogLikelihood(data)(published);
    expect(bgnbdLogLikelihood(compressed)(published)).toBeCloseTo(ll, 8);
    const full = [0, 0, 0, 0];
    const short = [0, 0, 0, 0];
    bgnbdScore(data)(published, full);
    bgnbdScore(compressed)(published, short);
    short.forEach((g, i) => expect(g).toBeCloseTo(full[i]!, 6));
    const again = fitBgNbd(compressed);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(again.params[k] / fit.params[k] - 1)).toBeLessThan(1e-9);
  });

  it('gives the log-likelihood from one pass with the score, equal to it alone to the bit, and the score of its differences', () => {
    const compressed = compressHistories(data);
    const ll = bgnbdLogLikelihood(compressed);
    const keys = ['r', 'alpha', 'a', 'b'] as const;
    for (const p of [published, fit.params, { r: 1, alpha: 1, a: 1, b: 1 }]) {
      const out = [0, 0, 0, 0];
      expect(bgnbdLogLikelihoodAndScore(compressed)(p, out)).toBe(ll(p));
      keys.forEach((k, i) => {
        const h = 1e-6 * p[k];
        const differenced = (ll({ ...p, [k]: p[k] + h }) - ll({ ...p, [k]: p[k] - h })) / (2 * h);
        expect(Math.abs(out[i]! - differenced)).toBeLessThan(1e-4 * Math.max(1, Math.abs(differenced)));
      });
    }
  });

  it('reproduces the published maximum-likelihood estimates and log-likelihood', () => {
    expect(fit.report.converged).toBe(true);
    expect(fit.params.r).toBeCloseTo(published.r, 3);
    expect(fit.params.alpha).toBeCloseTo(published.alpha, 2);
    expect(fit.params.a).toBeCloseTo(published.a, 3);
    expect(fit.params.b).toBeCloseTo(published.b, 2);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
  });

  it('matches Hardie\'s spreadsheet values used by lifetimes\' tests', () => {
    // lifetimes test_expectation_returns_same_value_Hardie_excel_sheet
    const times = [0.1429, 1, 3, 31.8571, 32, 78];
    const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    times.forEach((t, i) => expect(bgnbdExpectedPurchases(fit.params, t)).toBeCloseTo(expected[i], 3));
    // lifetimes test_conditional_expectation_returns_same_value_as_Hardie_excel_sheet
    expect(bgnbdConditionalExpected(fit.params, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
  });

  it('gives P(alive) = 1 without repeat purchases and the closed form otherwise', () => {
    expect(bgnbdPAlive(published, 0, 0, 38.86)).toBe(1);
    const { r, alpha, a, b } = published;
    const direct = 1 / (1 + (a / (b + 6 - 1)) * ((alpha + 38.86) / (alpha + 30.43)) ** (r + 6));
    expect(bgnbdPAlive(published, 6, 30.43, 38.86)).toBeCloseTo(direct, 14);
    // A customer whose last purchase is long ago is less likely alive than a recent one.
    expect(bgnbdPAlive(published, 6, 5, 38.86)).toBeLessThan(bgnbdPAlive(published, 6, 38, 38.86));
  });

  it('conditions on a brand-new customer exactly as the unconditional expectation', () => {
    expect(bgnbdConditionalExpected(published, 20, 0, 0, 0)).toBeCloseTo(bgnbdExpectedPurchases(published, 20), 12);
  });

  it('sums per-customer likelihoods (the per-frequency grouping changes nothing)', () => {
    const p = { r: 1, alpha: 1, a: 1, b: 1 };
    const one = (i: number) => bgnbdLogLikelihood({ frequency: [data.frequency[i]], recency: [data.recency[i]], T: [data.T[i]] })(p);
    const both = bgnbdLogLikelihood({ frequency: data.frequency.slice(0, 2), recency: data.recency.slice(0, 2), T: data.T.slice(0, 2) })(p);
    expect(both).toBeCloseTo(one(0) + one(1), 12);
  });

  it('has an analytic score equal to central differences of the log-likelihood', () => {
    const ll = bgnbdLogLikelihood(data);
    const p = { r: 0.3, alpha: 5, a: 0.9, b: 2 };
    const out = [0, 0, 0, 0];
    bgnbdScore(data)(p, out);
    (['r', 'alpha', 'a', 'b'] as const).forEach((key, i) => {
      const h = 1e-6 * p[key];
      const numeric = (ll({ ...p, [key]: p[key] + h }) - ll({ ...p, [key]: p[key] - h })) / (2 * h);
      expect(out[i] / numeric).toBeCloseTo(1, 5);
    });
  });

  it('stops when the signal aborts', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() => fitBgNbd(data, { signal: controller.signal })).toThrow(/cancelled/);
  });

  it('splits E[Y(t) | x, tₓ, T] into P(alive | x, tₓ, T) times a part that does not depend on recency', () => {
    for (const [x, recency, T] of [[0, 0, 30], [2, 30.43, 38.86], [7, 5, 38.86], [7, 35, 38.86]] as const) {
      expect(bgnbdPAlive(published, x, recency, T) * bgnbdLiveExpected(published, 39, x, T)).toBeCloseTo(bgnbdConditionalExpected(published, 39, x, recency, T), 12);
    }
  });
});
