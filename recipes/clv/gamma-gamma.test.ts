import gammaln from '@stdlib/math-base-special-gammaln';
import { describe, expect, it } from 'vitest';
import { loadCdnowSummary } from './cdnow-fixture.js';
import { maximizeLogLikelihood } from './optimize.js';
import { expectedAverageValue, fitGammaGamma, gammaGammaHessian, gammaGammaLogLikelihood, gammaGammaLogLikelihoodAndScore, gammaGammaScore } from './gamma-gamma.js';

const repeaters = loadCdnowSummary().filter((c) => c.x > 0);

describe('Gamma-Gamma on CDNOW repeat buyers (Fader, Hardie & Lee 2005, "RFM and CLV")', () => {
  const fit = fitGammaGamma(repeaters.map((c) => c.x), repeaters.map((c) => c.zbar));

  it('fits the 946 customers with repeat purchases to the published p, q, γ', () => {
    expect(repeaters.length).toBe(946);
    expect(fit.report.converged).toBe(true);
    expect(fit.params.p).toBeCloseTo(6.25, 2);
    expect(fit.params.q).toBeCloseTo(3.74, 2);
    expect(fit.params.v).toBeCloseTo(15.44, 1);
  });

  it('starts at the moments of ln m, where Newton converges without conjugate gradient, to the optimum found from (1, 1, 1)', () => {
    expect(fit.report.iterations).toBe(0);
    const x = repeaters.map((c) => c.x);
    const m = repeaters.map((c) => c.zbar);
    const ll = gammaGammaLogLikelihood(x, m);
    const score = gammaGammaScore(x, m);
    const fromOnes = maximizeLogLikelihood(([p, q, v]) => ll({ p: p!, q: q!, v: v! }), x.length, [1, 1, 1], {}, ([p, q, v], out) => score({ p: p!, q: q!, v: v! }, out));
    expect(fromOnes.report.converged).toBe(true);
    expect(fromOnes.report.iterations).toBeGreaterThan(0);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(fromOnes.logLikelihood - 1e-9);
    fromOnes.params.forEach((v, i) => expect(v / [fit.params.p, fit.params.q, fit.params.v][i]!).toBeCloseTo(1, 6));
  });

  it('shrinks a customer\'s mean toward the population mean p·γ/(q−1)', () => {
    const g = { p: 6.25, q: 3.74, v: 15.44 };
    const population = (g.p * g.v) / (g.q - 1);
    expect(expectedAverageValue(g, 0, 0)).toBeCloseTo(population, 12);
    // Weight on the customer's own mean: px/(px+q−1).
    const w = (g.p * 2) / (g.p * 2 + g.q - 1);
    expect(expectedAverageValue(g, 2, 22.35)).toBeCloseTo(w * 22.35 + (1 - w) * population, 12);
  });

  it('groups by frequency without changing the likelihood', () => {
    const g = { p: 2, q: 3, v: 4 };
    const direct = repeaters.slice(0, 50).reduce((s, c) => {
      const px = g.p * c.x;
      return s + gammaln(px + g.q) - gammaln(px) - gammaln(g.q) + g.q * Math.log(g.v) + (px - 1) * Math.log(c.zbar) + px * Math.log(c.x) - (px + g.q) * Math.log(g.v + c.x * c.zbar);
    }, 0);
    const grouped = gammaGammaLogLikelihood(repeaters.slice(0, 50).map((c) => c.x), repeaters.slice(0, 50).map((c) => c.zbar))(g);
    expect(grouped).toBeCloseTo(direct, 9);
  });

  it('has an analytic score equal to central differences of the likelihood', () => {
    const x = repeaters.map((c) => c.x);
    const m = repeaters.map((c) => c.zbar);
    const ll = gammaGammaLogLikelihood(x, m);
    // Away from the optimum, where the score is far from zero and a ratio is meaningful.
    const g = { p: 2, q: 3, v: 4 };
    const out = [0, 0, 0];
    gammaGammaScore(x, m)(g, out);
    (['p', 'q', 'v'] as const).forEach((k, i) => {
      const h = 1e-6 * g[k];
      const numeric = (ll({ ...g, [k]: g[k] + h }) - ll({ ...g, [k]: g[k] - h })) / (2 * h);
      expect(out[i]! / numeric).toBeCloseTo(1, 6);
    });
    // At the fitted estimates the score vanishes (per customer, to the fit's tolerance).
    gammaGammaScore(x, m)(fit.params, out);
    out.forEach((v, i) => expect(Math.abs(v * [fit.params.p, fit.params.q, fit.params.v][i]!) / x.length).toBeLessThan(1e-5));
  });

  it('gives the log-likelihood and the score from one pass, equal to each alone', () => {
    const x = repeaters.map((c) => c.x);
    const m = repeaters.map((c) => c.zbar);
    for (const g of [{ p: 2, q: 3, v: 4 }, fit.params]) {
      const out = [0, 0, 0];
      const score = [0, 0, 0];
      gammaGammaScore(x, m)(g, score);
      expect(gammaGammaLogLikelihoodAndScore(x, m)(g, out)).toBeCloseTo(gammaGammaLogLikelihood(x, m)(g), 8);
      out.forEach((v, i) => expect(v).toBeCloseTo(score[i]!, 9));
    }
  });

  it('has an exact Hessian equal to central differences of the analytic score, with the score beside it', () => {
    const x = repeaters.map((c) => c.x);
    const m = repeaters.map((c) => c.zbar);
    const score = gammaGammaScore(x, m);
    for (const g of [{ p: 2, q: 3, v: 4 }, fit.params]) {
      const out = [0, 0, 0];
      const H = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
      gammaGammaHessian(x, m)(g, out, H);
      const direct = [0, 0, 0];
      score(g, direct);
      expect(out).toEqual(direct);
      (['p', 'q', 'v'] as const).forEach((k, i) => {
        const h = 1e-6 * g[k];
        const up = [0, 0, 0];
        const down = [0, 0, 0];
        score({ ...g, [k]: g[k] + h }, up);
        score({ ...g, [k]: g[k] - h }, down);
        up.forEach((u, j) => expect(H[i]![j]! / ((u - down[j]!) / (2 * h))).toBeCloseTo(1, 6));
      });
    }
  });
});
