import * as aq from 'arquero';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { runRecipe } from '../define-recipe.js';
import { RecipeInputError } from '../errors.js';
import { resultToJSON } from '../result-json.js';
import { lift } from './index.js';

async function json(inputs: Record<string, aq.ColumnTable>, params: Record<string, unknown>) {
  const { params: resolved, result } = await runRecipe(lift, { inputs, params });
  return resultToJSON('lift', resolved, result);
}
const round9 = (x: unknown) => Math.round((x as number) * 1e9) / 1e9;

// gbstats' RA_STATISTICS_DF (packages/stats/tests/test_gbstats.py, growthbook/growthbook) as summary rows.
const raRows = [
  { variant: 'zero', metric: 'm', n: 3001, sum: 300, sum_squares: 600, covariate_sum: 210, covariate_sum_squares: 415, covariate_cross_sum: -20 },
  { variant: 'one', metric: 'm', n: 3000, sum: 222, sum_squares: 555, covariate_sum: 120, covariate_sum_squares: 405, covariate_cross_sum: -10 },
];

describe('lift to gbstats depth (issue 14)', () => {
  it('relative CUPED from summary sums: gbstats test_analyze_metric_df_ra p = 0.003732549', async () => {
    const out = await json({ summary: aq.from(raRows) }, { control: 'zero', method: 'frequentist' });
    const row = out.tables.comparisons![0]!;
    expect(round9(row.effect)).toBe(-0.281707154);
    expect(round9(row.p_value)).toBe(0.003732549);
    expect(row.dof).toBeGreaterThan(5000);
  });

  it('proportion CUPED (no sum_squares, no covariate_sum_squares): gbstats p = 3.53e-7', async () => {
    const rows = raRows.map(({ sum_squares: _s, covariate_sum_squares: _c, ...rest }) => rest);
    const out = await json({ summary: aq.from(rows) }, { control: 'zero', method: 'frequentist' });
    expect(round9(out.tables.comparisons![0]!.effect)).toBe(-0.31620216);
    expect(round9(out.tables.comparisons![0]!.p_value)).toBe(0.000000353);
  });

  it('refuses summary sums that imply a negative variance, naming the row (n 100, sum 510, sum_squares 810)', async () => {
    const rows = [
      { variant: 'a', metric: 'm', n: 100, sum: 270, sum_squares: 848.79 },
      { variant: 'b', metric: 'm', n: 100, sum: 510, sum_squares: 810 },
    ];
    const run = runRecipe(lift, { inputs: { summary: aq.from(rows) }, params: {} });
    await expect(run).rejects.toBeInstanceOf(RecipeInputError);
    await expect(run).rejects.toThrow(/summary row 2 \(metric "m"\): sum, sum_squares imply a negative variance .* no data can give/);
  });

  it('keeps going with a note when the breach is within rounding', async () => {
    const sum = 1234.5;
    const rows = [
      { variant: 'a', metric: 'm', n: 100, sum: 270, sum_squares: 848.79 },
      { variant: 'b', metric: 'm', n: 100, sum, sum_squares: (sum * sum) / 100 - 1e-9 },
    ];
    const out = await json({ summary: aq.from(rows) }, {});
    expect(out.notes.some((n) => /summary row 2 \(metric "m"\).*rounding error's width/.test(n))).toBe(true);
  });

  it('sequential: gbstats test_analyze_metric_df_sequential (tuning 600) p = 0.892332229, lower bound −0.233322085', async () => {
    const rows = [
      { variant: 'zero', metric: 'count', n: 100, sum: 270, sum_squares: 848.79 },
      { variant: 'one', metric: 'count', n: 120, sum: 300, sum_squares: 869 },
    ];
    const out = await json({ summary: aq.from(rows) }, { control: 'zero', sequential: true, sequential_tuning: 600 });
    const row = out.tables.comparisons![0]!;
    expect(round9(row.p_value)).toBe(0.892332229);
    expect(round9(row.ci_low)).toBe(-0.233322085);
    expect(out.notes.some((n) => n.startsWith('Sequential testing is on (tuning 600)'))).toBe(true);
    // Bayesian numbers do not depend on sequential: gbstats chance to win 0.071834168 (test_get_metric_dfs_new).
    expect(round9(row.chance_to_win)).toBe(0.071834168);
  });

  it('inverse metrics flip chance to win and swap the risks (gbstats test_get_metric_dfs_inverse)', async () => {
    const rows = [
      { variant: 'zero', metric: 'bounce', n: 100, sum: 270, sum_squares: 848.79 },
      { variant: 'one', metric: 'bounce', n: 120, sum: 300, sum_squares: 869 },
    ];
    const out = await json({ summary: aq.from(rows) }, { control: 'zero', inverse: ['bounce'] });
    const row = out.tables.comparisons![0]!;
    expect(round9(row.chance_to_win)).toBe(round9(1 - 0.071834168));
    expect(round9(row.risk_treatment)).toBe(0.001617057);
    await expect(runRecipe(lift, { inputs: { summary: aq.from(rows) }, params: { inverse: ['bounce_rate'] } })).rejects.toThrow(/inverse names "bounce_rate", which is not a metric; the metrics are bounce/);
  });

  it('correction: bh gives Benjamini–Hochberg p_value_adjusted, none the raw p; p_value_holm stays Holm', async () => {
    const rng = seedrandom('bh');
    const units = aq.from(
      Array.from({ length: 3000 }, (_, i) => {
        const variant = ['control', 'a', 'b'][i % 3]!;
        return { variant, x: +(rng() < (variant === 'b' ? 0.16 : 0.12)), y: rng() * 10 + (variant === 'a' ? 0.4 : 0) };
      }),
    );
    const holm = await json({ units }, { metrics: ['x', 'y'], method: 'frequentist' });
    const bh = await json({ units }, { metrics: ['x', 'y'], method: 'frequentist', correction: 'bh' });
    const none = await json({ units }, { metrics: ['x', 'y'], method: 'frequentist', correction: 'none' });
    const p = holm.tables.comparisons!.map((r) => r.p_value as number);
    // Benjamini–Hochberg by hand: sort ascending, p(i)·m/i, running minimum from the top.
    const order = p.map((_, i) => i).sort((a, b) => p[a]! - p[b]!);
    const byHand = new Array<number>(p.length);
    let running = 1;
    for (let k = order.length - 1; k >= 0; k--) {
      running = Math.min(running, (p[order[k]!]! * p.length) / (k + 1));
      byHand[order[k]!] = running;
    }
    bh.tables.comparisons!.forEach((r, i) => {
      expect(r.p_value_adjusted).toBeCloseTo(byHand[i]!, 14);
      expect(r.p_value_holm).toBe(holm.tables.comparisons![i]!.p_value_holm);
      expect(r.significant).toBe(byHand[i]! < 0.05);
    });
    holm.tables.comparisons!.forEach((r) => expect(r.p_value_adjusted).toBe(r.p_value_holm));
    none.tables.comparisons!.forEach((r) => expect(r.p_value_adjusted).toBe(r.p_value));
  });
});

describe('lift: ratio metrics with CUPED', () => {
  function shop(seed: string) {
    const rng = seedrandom(seed);
    return Array.from({ length: 900 }, (_, i) => {
      const variant = ['control', 'recs', 'email'][i % 3]!;
      const ordersBefore = Math.floor(rng() * 4);
      const revenueBefore = ordersBefore * (20 + 30 * rng());
      const orders = Math.max(0, ordersBefore + Math.floor(rng() * 3) - 1);
      const revenue = orders * (0.5 * (revenueBefore / Math.max(1, ordersBefore)) + 15 * rng() + (variant === 'recs' ? 4 : 0));
      return { variant, orders, revenue, orders_before: ordersBefore, revenue_before: revenueBefore };
    });
  }
  const aov = { name: 'aov', numerator: 'revenue', denominator: 'orders' };
  const covariates = { aov: { numerator: 'revenue_before', denominator: 'orders_before' } };

  it('from units equals from summary sums (every documented column), and narrows the interval', async () => {
    const rows = shop('ratio-cuped');
    const fromUnits = await json({ units: aq.from(rows) }, { metrics: [aov], covariates });
    const summary = ['control', 'recs', 'email'].map((variant) => {
      const r = rows.filter((x) => x.variant === variant);
      const s = (f: (x: (typeof r)[number]) => number) => r.reduce((a, x) => a + f(x), 0);
      return {
        variant, metric: 'aov', n: r.length,
        sum: s((x) => x.revenue), sum_squares: s((x) => x.revenue ** 2),
        denominator_sum: s((x) => x.orders), denominator_sum_squares: s((x) => x.orders ** 2), cross_sum: s((x) => x.revenue * x.orders),
        covariate_sum: s((x) => x.revenue_before), covariate_sum_squares: s((x) => x.revenue_before ** 2),
        denominator_covariate_sum: s((x) => x.orders_before), denominator_covariate_sum_squares: s((x) => x.orders_before ** 2),
        covariate_cross_sum: s((x) => x.revenue * x.revenue_before), denominator_covariate_cross_sum: s((x) => x.orders * x.orders_before),
        pre_cross_sum: s((x) => x.revenue_before * x.orders_before),
        numerator_denominator_covariate_cross_sum: s((x) => x.revenue * x.orders_before),
        covariate_denominator_cross_sum: s((x) => x.revenue_before * x.orders),
      };
    });
    const fromSummary = await json({ summary: aq.from(summary) }, {});
    fromUnits.tables.comparisons!.forEach((row, i) => {
      for (const [k, v] of Object.entries(row)) {
        if (typeof v === 'number') expect(fromSummary.tables.comparisons![i]![k] as number).toBeCloseTo(v, 9);
      }
    });
    const plain = await json({ units: aq.from(rows) }, { metrics: [aov] });
    const width = (o: typeof plain) => (o.tables.comparisons![0]!.ci_high as number) - (o.tables.comparisons![0]!.ci_low as number);
    expect(width(fromUnits)).toBeLessThan(width(plain));
  });

  it('a ratio metric needs {numerator, denominator} as its covariate, a column metric one name', async () => {
    const units = aq.from(shop('errors'));
    await expect(runRecipe(lift, { inputs: { units }, params: { metrics: [aov], covariates: { aov: 'revenue_before' } } })).rejects.toThrow(/covariates\.aov: "aov" is a ratio metric/);
    await expect(runRecipe(lift, { inputs: { units }, params: { metrics: ['revenue'], covariates: covariates.aov ? { revenue: covariates.aov } : {} } })).rejects.toThrow(/covariates\.revenue: "revenue" is a column metric/);
  });
});
