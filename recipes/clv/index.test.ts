import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { runRecipe } from '../define-recipe.js';
import { resultToJSON } from '../result-json.js';
import { CDNOW_ESTIMATES, loadCdnowSummary } from './cdnow-fixture.js';
import { paretoNbdPmf } from './pnbd-pmf.js';
import { clv } from './index.js';
import { simulateBgNbd } from './simulate.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('clv recipe', () => {
  it('fits the CDNOW summary to the published BG/NBD and Gamma-Gamma estimates', async () => {
    const cdnow = loadCdnowSummary();
    const summary = aq.from(cdnow.map((c) => ({ customer: c.id, frequency: c.x, recency: c.t_x, T: c.T, monetary_value: c.zbar })));
    const { result } = await runRecipe(clv, { inputs: { summary }, params: { horizon: 39, discount_rate: 0 } });
    const m = result.metrics;
    for (const [key, [value, digits]] of Object.entries(CDNOW_ESTIMATES)) expect(m[key], key).toBeCloseTo(value, digits);
    expect(m.converged).toBe('yes');
    // Standard errors as lifetimes' BetaGeoFitter.summary prints them for CDNOW (its quickstart):
    // r 0.012557, alpha 0.378221, a 0.185719, b 0.705345.
    const se = Object.fromEntries((result.tables.parameters.objects() as { parameter: string; se: number }[]).map((row) => [row.parameter, row.se]));
    expect(se.r).toBeCloseTo(0.012557, 4);
    expect(se.alpha).toBeCloseTo(0.378221, 3);
    expect(se.a).toBeCloseTo(0.185719, 3);
    expect(se.b).toBeCloseTo(0.705345, 3);
    const rows = result.tables.customers.objects() as Record<string, number>[];
    // Customer 1 of Hardie's spreadsheet: x = 2, tₓ = 30.43, T = 38.86 → 1.226 purchases in 39 weeks.
    expect(rows[0].expected_purchases).toBeCloseTo(1.226, 3);
    // Undiscounted CLV = expected purchases × expected order value (margin 1).
    expect(rows[0].clv).toBeCloseTo(rows[0].expected_purchases * rows[0].expected_avg_value, 9);
  });

  it('recovers planted BG/NBD parameters from transactions, validates on the holdout and measures clv_lift', async () => {
    const truth = { r: 0.5, alpha: 6, a: 0.7, b: 2.5 };
    const log = simulateBgNbd(truth, { customers: 3000, seed: 7, treatedSpendBoost: 1.3 });
    const transactions = aq.table({ customer: log.customers, timestamp: log.times.map(iso), amount: log.amounts, arm: log.groups });
    const progress: number[] = [];
    const { result } = await runRecipe(clv, {
      inputs: { transactions },
      params: { calibration_end: '2024-09-29', observation_end: '2025-06-29', group: 'arm', horizon: 26 },
      progress: (f) => progress.push(f),
    });
    const m = result.metrics;
    // Within sampling error of 3,000 customers (a and b are strongly correlated, so looser).
    const near = (key: 'r' | 'alpha' | 'a' | 'b', tolerance: number) => expect(Math.abs(Math.log((m[key] as number) / truth[key]))).toBeLessThan(tolerance);
    near('r', 0.15);
    near('alpha', 0.15);
    near('a', 0.25);
    near('b', 0.3);
    expect(m.converged).toBe('yes');
    expect(Math.abs((m.predicted_repeat as number) / (m.actual_repeat as number) - 1)).toBeLessThan(0.15);
    // Treated order values are planted 30% higher and purchase behaviour is the same.
    expect(m.clv_lift_ci_low as number).toBeLessThan(0.3);
    expect(m.clv_lift_ci_high as number).toBeGreaterThan(0.3);
    expect(m.clv_lift_ci_low as number).toBeGreaterThan(0);
    expect(result.tables.tracking.numRows()).toBeGreaterThan(70);
    // The tracking chart's last actual value counts every repeat purchase, calibration and holdout.
    const frequencies = result.tables.customers.array('frequency') as number[];
    const last = result.tables.tracking.objects().at(-1) as { actual: number; predicted: number };
    expect(last.actual).toBe(frequencies.reduce((a, b) => a + b, 0) + (m.actual_repeat as number));
    expect(Math.abs(last.predicted / last.actual - 1)).toBeLessThan(0.15);
    expect(result.charts.map((c) => c.id)).toEqual(['tracking', 'p_alive']);
    expect(progress.at(-1)).toBe(1);
    expect(JSON.stringify(resultToJSON('clv', {}, result))).not.toContain('NaN');
  });

  it('fits Pareto/NBD on request and values every order at the mean repeat order without a spend model', async () => {
    const cdnow = loadCdnowSummary();
    const summary = aq.from(cdnow.map((c) => ({ customer: c.id, frequency: c.x, recency: c.t_x, T: c.T, monetary_value: c.zbar, arm: +c.id % 2 ? 'a' : 'b' })));
    const { result } = await runRecipe(clv, { inputs: { summary }, params: { model: 'pnbd', monetary: 'none', group: 'arm', control: 'a' } });
    const m = result.metrics;
    expect(m.s).toBeCloseTo(0.606, 2);
    expect(m.beta).toBeCloseTo(11.67, 0);
    expect(m.p).toBeUndefined();
    const repeat = cdnow.filter((c) => c.x > 0);
    const meanRepeatOrder = repeat.reduce((acc, c) => acc + c.x * c.zbar, 0) / repeat.reduce((acc, c) => acc + c.x, 0);
    const values = result.tables.customers.array('expected_avg_value') as number[];
    expect(new Set(values).size).toBe(1);
    expect(values[0]).toBeCloseTo(meanRepeatOrder, 9);
    // Customers were split by id parity, so the groups should not differ.
    expect(m.clv_lift_ci_low as number).toBeLessThan(0);
    expect(m.clv_lift_ci_high as number).toBeGreaterThan(0);
    // The pmf table over the default 52-week horizon, at the fitted parameters (pnbd-pmf.test.ts checks the formula).
    const pmf = result.tables.pmf!.objects() as { n: number; probability: number }[];
    expect(pmf[0]).toEqual({ n: 0, probability: paretoNbdPmf({ r: m.r as number, alpha: m.alpha as number, s: m.s as number, beta: m.beta as number }, 52, 0) });
    expect(pmf.reduce((acc, row) => acc + row.probability, 0)).toBeGreaterThan(1 - 1e-4);
  });

  it('names the column and the fix on bad input', async () => {
    const summary = aq.from(Array.from({ length: 30 }, (_, i) => ({ customer: `c${i}`, frequency: i % 3, recency: i % 3 ? 2 : 0, T: 1 })));
    await expect(runRecipe(clv, { inputs: { summary } })).rejects.toThrow(/recency ≤ T/);
    const tx = aq.from([{ customer: 'a', timestamp: 'yesterday', amount: 1 }]);
    await expect(runRecipe(clv, { inputs: { transactions: tx } })).rejects.toThrow(/transactions\.timestamp.*not a date/);
    const ok = aq.from([{ customer: 'a', timestamp: '2024-01-01', amount: 1 }]);
    await expect(runRecipe(clv, { inputs: { transactions: ok }, params: { calibration_end: 'soon' } })).rejects.toThrow(/calibration_end/);
  });

  it('stops when cancelled', async () => {
    const cdnow = loadCdnowSummary();
    const summary = aq.from(cdnow.map((c) => ({ customer: c.id, frequency: c.x, recency: c.t_x, T: c.T })));
    const controller = new AbortController();
    controller.abort();
    await expect(runRecipe(clv, { inputs: { summary }, signal: controller.signal })).rejects.toThrow(/cancelled/);
  });
});
