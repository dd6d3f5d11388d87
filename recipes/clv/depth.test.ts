import * as aq from 'arquero';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runRecipe } from '../define-recipe.js';
import { bgnbdExpectedPurchases, bgnbdPAlive } from './bgnbd.js';
import { loadCdnowSummary } from './cdnow-fixture.js';
import { paretoNbdPAlive } from './pnbd.js';
import { bgnbdPmf } from './pmf.js';
import { clv } from './index.js';

// The donations data set (datasets/open/donations.csv, from lifetimes; Fader, Hardie & Shang 2010), one row per donor.
const donors = readFileSync(new URL('../../datasets/open/donations.csv', import.meta.url), 'utf8')
  .trim().split('\n').slice(1).map((l) => l.split(',').map(Number))
  .flatMap(([x, tx, n, count], g) => Array.from({ length: count! }, (_, i) => ({ customer: `d${g}-${i}`, frequency: x!, recency: tx!, n_periods: n! })));

describe('clv: BG/BB, parameters, saved models and the pmf (issue 14)', () => {
  it('model bgbb on the donations data: lifetimes/paper parameters, P(alive), a parameters table and a pmf', async () => {
    const { result } = await runRecipe(clv, { inputs: { summary: aq.from(donors) }, params: { model: 'bgbb', horizon: 5, discount_rate: 0 } });
    const m = result.metrics;
    // lifetimes TestBetaGeoBetaBinomFitter: [1.204, 0.750, 0.657, 2.783] to 2 decimals.
    expect(m.alpha).toBeCloseTo(1.204, 2);
    expect(m.beta).toBeCloseTo(0.75, 2);
    expect(m.gamma).toBeCloseTo(0.657, 2);
    expect(m.delta).toBeCloseTo(2.783, 2);
    const customers = result.tables.customers!.objects() as Record<string, number>[];
    const six = customers.find((c) => c.frequency === 6)!;
    expect(six.p_alive).toBeCloseTo(0.93, 2); // the paper's table 6
    // Hardie's "Conditional Expectations (II)" sheet: 12,884.2 donations in the next 5 years.
    expect(customers.reduce((s, c) => s + c.expected_purchases, 0)).toBeCloseTo(12884.2, 0);
    const params = result.tables.parameters!.objects() as { parameter: string; estimate: number; se: number; ci_low: number }[];
    expect(params.map((r) => r.parameter)).toEqual(['alpha', 'beta', 'gamma', 'delta']);
    for (const r of params) expect(r.ci_low).toBeCloseTo(r.estimate - 1.959963984540054 * r.se, 12);
    const pmf = result.tables.pmf!.objects() as { n: number; probability: number }[];
    expect(pmf.map((r) => r.n)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(pmf.reduce((s, r) => s + r.probability, 0)).toBeCloseTo(1, 10);

    // A saved parameters table scores new donors without fitting: same P(alive) as the fit.
    const saved = await runRecipe(clv, { inputs: { summary: aq.from(donors.slice(0, 5)), model: result.tables.parameters! }, params: { model: 'bgbb', horizon: 5, discount_rate: 0 } });
    const scored = saved.result.tables.customers!.objects() as Record<string, number>[];
    expect(scored[0]!.p_alive).toBeCloseTo(customers[0]!.p_alive, 12);
    expect(saved.result.notes.join(' ')).toMatch(/nothing was fitted/);
  });

  it('bgbb refuses transactions input and impossible histories, naming the row', async () => {
    const bad = aq.from([...donors.slice(0, 30), { customer: 'x', frequency: 3, recency: 2, n_periods: 6 }]);
    await expect(runRecipe(clv, { inputs: { summary: bad }, params: { model: 'bgbb' } })).rejects.toThrow(/summary row 31: frequency 3, recency 2, n_periods 6 is not a BG\/BB history/);
  });

  it('BG/NBD on CDNOW: parameters table with standard errors, a saved model scores identically, the pmf has the model\'s mean', async () => {
    const cdnow = loadCdnowSummary();
    const summary = aq.from(cdnow.map((c) => ({ customer: c.id, frequency: c.x, recency: c.t_x, T: c.T, monetary_value: c.zbar })));
    const fitted = await runRecipe(clv, { inputs: { summary }, params: { horizon: 39, discount_rate: 0 } });
    const params = fitted.result.tables.parameters!.objects() as { parameter: string; estimate: number; se: number | null }[];
    expect(params.map((r) => r.parameter)).toEqual(['r', 'alpha', 'a', 'b', 'p', 'q', 'v']);
    // Standard errors of the purchase parameters are positive and smaller than the estimates (CDNOW is well identified).
    for (const r of params.slice(0, 4)) expect(r.se! > 0 && r.se! < r.estimate).toBe(true);
    const scored = await runRecipe(clv, { inputs: { summary, model: fitted.result.tables.parameters! }, params: { horizon: 39, discount_rate: 0 } });
    const a = fitted.result.tables.customers!.objects() as Record<string, number>[];
    const b = scored.result.tables.customers!.objects() as Record<string, number>[];
    expect(b[0]!.p_alive).toBeCloseTo(a[0]!.p_alive, 12);
    expect(b[0]!.clv).toBeCloseTo(a[0]!.clv, 9);
    expect(scored.result.metrics.log_likelihood).toBeCloseTo(fitted.result.metrics.log_likelihood as number, 6);
    // Independent check of P(X(t) = n): it sums to 1 and its mean is E[X(t)] (Fader, Hardie & Lee 2005, eq. 9).
    const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    let total = 0;
    let mean = 0;
    for (let k = 0; k < 400; k++) {
      const q = bgnbdPmf(p, 39, k);
      total += q;
      mean += k * q;
    }
    expect(total).toBeCloseTo(1, 9);
    expect(mean).toBeCloseTo(bgnbdExpectedPurchases(p, 39), 6);
  });

  it('P(alive) stays a probability for extreme histories (frequency 1,000)', () => {
    const bg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const pn = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
    for (const [x, tx, T] of [[1000, 50, 52], [1000, 10, 52], [1000, 52, 52]]) {
      for (const v of [bgnbdPAlive(bg, x!, tx!, T!), paretoNbdPAlive(pn, x!, tx!, T!)]) expect(Number.isFinite(v) && v >= 0 && v <= 1).toBe(true);
    }
    expect(bgnbdPAlive(bg, 1000, 52, 52)).toBeGreaterThan(0.99);
    expect(bgnbdPAlive(bg, 1000, 10, 52)).toBeLessThan(0.01);
  });
});
