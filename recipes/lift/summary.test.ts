import * as aq from 'arquero';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { runRecipe } from '../define-recipe.js';
import { resultToJSON } from '../result-json.js';
import { lift } from './index.js';

async function json(inputs: Record<string, aq.ColumnTable>, params: Record<string, unknown>) {
  const { params: resolved, result } = await runRecipe(lift, { inputs, params });
  return resultToJSON('lift', resolved, result);
}

/** A small shop experiment: conversion, revenue, orders and last month's revenue per customer. */
function shop(seed: string) {
  const rng = seedrandom(seed);
  return Array.from({ length: 600 }, (_, i) => {
    const variant = ['control', 'recs', 'email'][i % 3]!;
    const before = Math.round(rng() * 8000) / 100;
    const converted = +(rng() < (variant === 'control' ? 0.2 : 0.26));
    const orders = converted ? 1 + Math.floor(rng() * 3) : 0;
    const revenue = converted ? Math.round((0.4 * before + 30 * rng() + (variant === 'recs' ? 5 : 0)) * 100) / 100 : 0;
    return { variant, converted, orders, revenue, before };
  });
}

/** The summary rows an email tool or a SQL GROUP BY would give for the same units. */
function summarize(rows: ReturnType<typeof shop>) {
  // Every row carries every column, as a CSV would: empty where a metric does not use it.
  const empty = { sum_squares: null, covariate_sum: null, covariate_sum_squares: null, covariate_cross_sum: null, denominator_sum: null, denominator_sum_squares: null, cross_sum: null };
  const out: Record<string, unknown>[] = [];
  for (const variant of ['control', 'recs', 'email']) {
    const r = rows.filter((x) => x.variant === variant);
    const s = (f: (x: (typeof r)[number]) => number) => r.reduce((a, x) => a + f(x), 0);
    out.push({ ...empty, variant, metric: 'converted', n: r.length, sum: s((x) => x.converted) });
    out.push({
      ...empty, variant, metric: 'revenue', n: r.length, sum: s((x) => x.revenue), sum_squares: s((x) => x.revenue ** 2),
      covariate_sum: s((x) => x.before), covariate_sum_squares: s((x) => x.before ** 2), covariate_cross_sum: s((x) => x.revenue * x.before),
    });
    out.push({
      ...empty, variant, metric: 'aov', n: r.length, sum: s((x) => x.revenue), sum_squares: s((x) => x.revenue ** 2),
      denominator_sum: s((x) => x.orders), denominator_sum_squares: s((x) => x.orders ** 2), cross_sum: s((x) => x.revenue * x.orders),
    });
  }
  return out;
}

describe('lift on summary input', () => {
  it('gives the same tables as unit-level input (proportion, CUPED mean, ratio)', async () => {
    const rows = shop('same');
    const fromUnits = await json(
      { units: aq.from(rows) },
      { metrics: ['converted', 'revenue', { name: 'aov', numerator: 'revenue', denominator: 'orders' }], covariates: { revenue: 'before' } },
    );
    const fromSummary = await json({ summary: aq.from(summarize(rows)) }, { metrics: ['converted', 'revenue', 'aov'] });
    expect(fromSummary.metrics).toEqual(fromUnits.metrics);
    for (const table of ['variants', 'comparisons'] as const) {
      const a = fromUnits.tables[table]!;
      const b = fromSummary.tables[table]!;
      expect(b.length).toBe(a.length);
      a.forEach((row, i) => {
        for (const [k, v] of Object.entries(row)) {
          if (typeof v === 'number') expect(b[i]![k] as number).toBeCloseTo(v, 9);
          else expect(b[i]![k]).toEqual(v);
        }
      });
    }
    expect(fromSummary.notes.filter((n) => !n.startsWith('No metrics'))).toEqual(fromUnits.notes);
  });

  it('reproduces gbstats\' TwoSidedTTest case from sums alone', async () => {
    const summary = aq.from([
      { arm: 'A', metric: 'm', n: 3407, sum: 1396.87, sum_squares: 52377.9767 },
      { arm: 'B', metric: 'm', n: 3461, sum: 2422.7, sum_squares: 134698.29 },
    ]);
    const out = await json({ summary }, { variant: 'arm', method: 'frequentist' });
    const row = out.tables.comparisons![0]!;
    expect(row.effect).toBeCloseTo(0.70732, 5);
    expect([row.ci_low, row.ci_high].map((x) => +(x as number).toFixed(5))).toEqual([-0.03526, 1.44989]);
    expect(row.p_value).toBeCloseTo(0.06191, 5);
  });

  it('reads a row without sum_squares as a proportion (email tools give counts)', async () => {
    const summary = aq.from([
      { variant: 'control', metric: 'opened', n: 100, sum: 49 },
      { variant: 'personalized', metric: 'opened', n: 100, sum: 51 },
    ]);
    const out = await json({ summary }, { method: 'bayesian' });
    const row = out.tables.comparisons![0]!;
    // gbstats EffectBayesianABTest, proportions 49/100 vs 51/100
    expect(row.chance_to_win).toBeCloseTo(0.60918, 5);
    expect(row.risk_control).toBeCloseTo(0.0814, 5);
    expect(row.risk_treatment).toBeCloseTo(0.04058, 5);
    expect(out.tables.variants![0]!.variance).toBeCloseTo(0.49 * 0.51, 12);
  });
});
