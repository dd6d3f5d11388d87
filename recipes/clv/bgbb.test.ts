import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bgbbConditionalExpected, bgbbLogLikelihood, bgbbPAlive, bgbbPmf, fitBgBb, type BgBbData } from './bgbb.js';
import { parameterTable } from './hessian.js';

// The donations data (Fader, Hardie & Shang 2010), as shipped with lifetimes: frequency, recency,
// n (opportunities) and n_custs (customers with that history). Expected values: lifetimes'
// TestBetaGeoBetaBinomFitter (tests/test_estimation.py), which checks the paper and Hardie's
// BG/BB spreadsheet.
const rows = readFileSync(new URL('../../datasets/open/donations.csv', import.meta.url), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
const data: BgBbData = {
  frequency: rows.map((r) => r[0]!), recency: rows.map((r) => r[1]!), nPeriods: rows.map((r) => r[2]!), weights: rows.map((r) => r[3]!),
};
const fit = fitBgBb(data);
const p = fit.params;

describe('BG/BB on the donations data', () => {
  it('fits α 1.204, β 0.750, γ 0.657, δ 2.783 (Fader, Hardie & Shang 2010; lifetimes to 2 decimals)', () => {
    expect(fit.report.converged).toBe(true);
    expect(p.alpha).toBeCloseTo(1.204, 2);
    expect(p.beta).toBeCloseTo(0.75, 2);
    expect(p.gamma).toBeCloseTo(0.657, 2);
    expect(p.delta).toBeCloseTo(2.783, 2);
    expect(rows.reduce((s, r) => s + r[3]!, 0)).toBe(11104);
  });

  it('P(alive in 2002): 0.11 (0 repeat), 0.59 (2 repeats, last in 1999), 0.93 (6 of 6) — the paper\'s table 6', () => {
    expect(bgbbPAlive(p, 0, 0, 6)).toBeCloseTo(0.11, 2);
    expect(bgbbPAlive(p, 2, 4, 6)).toBeCloseTo(0.59, 2);
    expect(bgbbPAlive(p, 6, 6, 6)).toBeCloseTo(0.93, 2);
  });

  it('expected donations in the next 5 years sum to 12,884.2 (Hardie\'s "Conditional Expectations (II)" sheet)', () => {
    const total = rows.reduce((s, r) => s + r[3]! * bgbbConditionalExpected(p, 5, r[0]!, r[1]!, r[2]!), 0);
    expect(total).toBeCloseTo(12884.2, 0);
  });

  it('P(X(6) = x) × 11,104 gives 3,454.9 with none and 1,253.1 with six (spreadsheet cells C18, C24); the pmf sums to 1', () => {
    expect(11104 * bgbbPmf(p, 6, 0)).toBeCloseTo(3454.9, 0);
    expect(11104 * bgbbPmf(p, 6, 6)).toBeCloseTo(1253.1, 0);
    const total = [0, 1, 2, 3, 4, 5, 6].reduce((s, x) => s + bgbbPmf(p, 6, x), 0);
    expect(total).toBeCloseTo(1, 12);
  });

  it('stays finite for extreme histories (frequency 1,000)', () => {
    for (const [x, tx] of [[1000, 1000], [1000, 1200], [0, 0]]) {
      const a = bgbbPAlive(p, x!, tx!, 2000);
      expect(Number.isFinite(a) && a >= 0 && a <= 1).toBe(true);
      expect(Number.isFinite(bgbbConditionalExpected(p, 10, x!, tx!, 2000))).toBe(true);
    }
  });

  it('standard errors from the Hessian: finite, intervals estimate ± 1.96 se, and the method matches a binomial by hand', () => {
    const ll = bgbbLogLikelihood(data);
    const names = ['alpha', 'beta', 'gamma', 'delta'];
    const table = parameterTable(names, [p.alpha, p.beta, p.gamma, p.delta], ([a, b, g, d]) => -ll({ alpha: a!, beta: b!, gamma: g!, delta: d! }));
    for (const r of table) {
      expect(r.se).toBeGreaterThan(0);
      expect(r.se!).toBeLessThan(r.estimate);
      expect(r.ci_low).toBeCloseTo(r.estimate - 1.959963984540054 * r.se!, 12);
    }
    // Independent check of the numerical information: 30 successes in 100, se(p̂) = √(p̂(1−p̂)/n).
    const [row] = parameterTable(['p'], [0.3], ([q]) => -(30 * Math.log(q!) + 70 * Math.log(1 - q!)));
    expect(row!.se).toBeCloseTo(Math.sqrt((0.3 * 0.7) / 100), 6);
  });
});
