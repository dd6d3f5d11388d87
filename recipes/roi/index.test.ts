import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { runRecipe } from '../define-recipe.js';
import { roi } from './index.js';
import { generateShop } from '../../datasets/shop/index.js';
import { studentTInv } from '../stats/distributions.js';
import { dialects } from '../sql/dialects.js';

const units = aq.from([
  ...[0, 10, 20, 30].map((revenue) => ({ variant: 'control', revenue })),
  ...[10, 20, 30, 40, 50].map((revenue) => ({ variant: 'personalized', revenue })),
]);

describe('roi recipe', () => {
  it('computes the money figures and their intervals by hand', async () => {
    const { result } = await runRecipe(roi, { inputs: { units }, params: { margin: 0.4, cost_fixed: 10, cost_per_unit: 2 } });
    const m = result.metrics as Record<string, number>;
    // Δ = 30 − 15 = 15 per unit; scipy Welch CI (−7.6522, 37.6522), p 0.16129; population = 5 treated units
    expect(m.population).toBe(5);
    expect(m.incremental_revenue).toBeCloseTo(75, 12);
    expect(m.incremental_revenue_ci_low).toBeCloseTo(5 * -7.6522028175352546, 8);
    expect(m.incremental_revenue_ci_high).toBeCloseTo(5 * 37.652202817535255, 8);
    expect(m.p_value).toBeCloseTo(0.1612858562893043, 8);
    expect(m.incremental_profit).toBeCloseTo(30, 12);
    expect(m.cost).toBe(20);
    expect(m.roi).toBeCloseTo(0.5, 12);
    expect(m.roi_ci_low).toBeCloseTo((5 * -7.6522028175352546 * 0.4 - 20) / 20, 8);
    expect(m.roi_ci_high).toBeCloseTo((5 * 37.652202817535255 * 0.4 - 20) / 20, 8);
    expect(m.payback_periods).toBeCloseTo(10 / (30 - 10), 12);
    expect(m.break_even_effect).toBeCloseTo(10, 12);
    expect(m.break_even_lift).toBeCloseTo(10 / 15, 12);
    expect(m.chance_of_positive_roi).toBeCloseTo(0.699245932779705, 9);
    expect(m.lift).toBeCloseTo(1, 12);
    expect(result.charts.map((c) => c.id)).toEqual(['roi-waterfall', 'break-even']);
    const waterfall = result.charts[0]!.marks[0]!.data as { step: string; from: number; to: number }[];
    expect(waterfall.map((s) => [s.step, s.from, s.to])).toEqual([
      ['incremental revenue', 0, 75], ['cost of goods', 75, 30], ['fixed cost', 30, 20], ['per-unit cost', 20, 10], ['net profit', 0, 10],
    ]);
    expect(result.notes.join(' ')).toMatch(/spans both a loss and a gain/);
  });

  it('scales to a given population and says when ROI is undefined', async () => {
    const { result } = await runRecipe(roi, { inputs: { units }, params: { population: 1000 } });
    expect(result.metrics.incremental_revenue).toBeCloseTo(15000, 9);
    expect(result.metrics.roi).toBeNull();
    expect(result.notes.join(' ')).toMatch(/Cost is 0, so ROI is undefined/);
  });

  it('rejects bad input with the column and the fix', async () => {
    await expect(runRecipe(roi, { inputs: { units }, params: { revenue: 'sales' } })).rejects.toThrow(/units has no column "sales" \(the revenue column\)/);
    await expect(runRecipe(roi, { inputs: { units }, params: { treatment: 'x' } })).rejects.toThrow(/treatment "x" is not a non-control value/);
    await expect(runRecipe(roi, { inputs: { units }, params: { margin: 0 } })).rejects.toThrow(/parameter "margin"/);
    await expect(runRecipe(roi, { inputs: { units: aq.from([{ variant: 'a', revenue: 'lots' }, { variant: 'b', revenue: 1 }]) } })).rejects.toThrow(/units.revenue \(the revenue column\) has "lots" in 1 row, which is not a number/);
  });

  it('reports missing values by count, reads numbers written as text, and refuses a date column before any query runs', async () => {
    const gap = aq.from([{ variant: 'a', revenue: 1 }, { variant: 'a', revenue: null }, { variant: 'b', revenue: 2 }, { variant: 'b', revenue: null }]);
    await expect(runRecipe(roi, { inputs: { units: gap } })).rejects.toThrow(/units.revenue \(the revenue column\) has null in 2 rows, which is not a number\. Fix or remove those rows/);
    const text = aq.from((units.objects() as { variant: string; revenue: number }[]).map((r) => ({ variant: r.variant, revenue: ` ${r.revenue} ` })));
    const { result } = await runRecipe(roi, { inputs: { units: text }, params: { margin: 0.4, cost_fixed: 10, cost_per_unit: 2 } });
    expect(result.metrics.incremental_revenue).toBeCloseTo(75, 12);
    const dates = { from: '"units"', columns: [{ name: 'variant', type: 'string' as const }, { name: 'revenue', type: 'date' as const }] };
    expect(() => roi.aggregate!({ params: roi.params.parse({}), inputs: { units: dates }, sql: dialects.duckdb })).toThrow(/units.revenue \(the revenue column\) holds dates, not numbers/);
  });

  it('aggregates to one row per arm, whatever the columns are called', async () => {
    const evil = 'x"; DROP TABLE units; --';
    const hostile = units.rename({ variant: evil, revenue: 'lb_sum' });
    const { result, engine } = await runRecipe(roi, { inputs: { units: hostile }, params: { variant: evil, revenue: 'lb_sum', margin: 0.4, cost_fixed: 10, cost_per_unit: 2 } });
    expect(result.metrics.incremental_revenue).toBeCloseTo(75, 12);
    expect(engine).toMatchObject({ pushdown: true, rows_fetched: 2 });
    const plan = roi.aggregate!({ params: roi.params.parse({ variant: evil, revenue: 'lb_sum' }), inputs: { units: { from: '"units"', columns: [{ name: evil, type: 'string' }, { name: 'lb_sum', type: 'number' }] } }, sql: dialects.duckdb });
    expect(plan.consumes).toEqual(['units']);
    expect(plan.queries.arms).toContain('"x""; DROP TABLE units; --"');
    expect(plan.queries.arms).toContain('"lb1_sum"');
  });

  it('recovers the planted incremental revenue of the generated shop within its interval', async () => {
    const { tables, truth } = generateShop({ seed: 42, customers: 4000 });
    const planted = (truth as { revenue_per_customer: { control: number; personalized: number } }).revenue_per_customer;
    const data = aq.from(tables.units!);
    const plain = await runRecipe(roi, { inputs: { units: data }, params: { margin: 0.3, cost_fixed: 500, cost_per_unit: 0.1 } });
    const m = plain.result.metrics as Record<string, number>;
    const truthIncrement = (planted.personalized - planted.control) * m.population;
    expect(m.incremental_revenue_ci_low).toBeLessThan(truthIncrement);
    expect(m.incremental_revenue_ci_high).toBeGreaterThan(truthIncrement);
    // CUPED on pre-period revenue narrows the interval and still covers the truth.
    const cuped = await runRecipe(roi, { inputs: { units: data }, params: { margin: 0.3, cost_fixed: 500, cost_per_unit: 0.1, covariate: 'pre_revenue' } });
    const c = cuped.result.metrics as Record<string, number>;
    expect(c.incremental_revenue_ci_high - c.incremental_revenue_ci_low).toBeLessThan(m.incremental_revenue_ci_high - m.incremental_revenue_ci_low);
    expect(c.incremental_revenue_ci_low).toBeLessThan(truthIncrement);
    expect(c.incremental_revenue_ci_high).toBeGreaterThan(truthIncrement);
  });

  it('matches an independent Welch calculation on real sessions (UCI online shoppers: PageValues by Weekend)', async () => {
    const text = readFileSync(new URL('../../datasets/open/online_shoppers_intention_sample.csv', import.meta.url), 'utf8');
    const rows = (aq.fromCSV(text).objects() as Record<string, unknown>[]).map((r) => ({ variant: String(r.Weekend).toLowerCase() === 'true' ? 'weekend' : 'weekday', revenue: Number(r.PageValues) }));
    const { result } = await runRecipe(roi, { inputs: { units: aq.from(rows) }, params: { control: 'weekday', margin: 0.25, cost_fixed: 100, population: 10000 } });
    const arm = (v: string) => rows.filter((r) => r.variant === v).map((r) => r.revenue);
    const s = (xs: number[]) => {
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      return { n: xs.length, m, v: xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1) };
    };
    const [c, t] = [s(arm('weekday')), s(arm('weekend'))];
    const se = Math.sqrt(c.v / c.n + t.v / t.n);
    const dof = (c.v / c.n + t.v / t.n) ** 2 / ((c.v / c.n) ** 2 / (c.n - 1) + (t.v / t.n) ** 2 / (t.n - 1));
    const half = studentTInv(0.975, dof) * se;
    const m = result.metrics as Record<string, number>;
    expect(m.incremental_revenue).toBeCloseTo((t.m - c.m) * 10000, 6);
    expect(m.incremental_revenue_ci_low).toBeCloseTo((t.m - c.m - half) * 10000, 6);
    expect(m.roi).toBeCloseTo(((t.m - c.m) * 10000 * 0.25 - 100) / 100, 6);
  });
});
