import * as aq from 'arquero';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { runRecipe } from '../define-recipe.js';
import { RecipeInputError } from '../errors.js';
import { getRecipe } from '../registry.js';
import { powerRecipe } from './index.js';

async function run(params: Record<string, unknown>, inputs: Record<string, aq.ColumnTable> = {}) {
  return (await runRecipe(powerRecipe, { inputs, params })).result;
}
const round5 = (x: unknown) => Number((x as number).toFixed(5));

// Expected values: GrowthBook's power-calculator tests (packages/shared/test/power.test.ts in
// growthbook/growthbook), "checks power" / "checks sequential power": 4,500 users per week,
// 3 variations, weeks 1–9 — here a "day" of 4,500 units.
describe("power recipe against GrowthBook's power tests", () => {
  it('is registered, and the revenue metric reaches 80% on day 8 with the curve matching week by week', async () => {
    expect(getRecipe('power')).toBe(powerRecipe);
    const r = await run({ baseline: 0.1, sd: Math.sqrt(0.5), effect: 0.3, arms: 3, units_per_day: 4500, days: 9 });
    expect(Array.from(r.tables.curve!.array('power') as ArrayLike<number>, round5)).toEqual([
      0.17053, 0.29389, 0.41122, 0.51749, 0.61037, 0.68938, 0.75513, 0.80886, 0.85213,
    ]);
    expect(Array.from(r.tables.curve!.array('mde') as ArrayLike<number>, round5)).toEqual([
      1.26769, 0.71941, 0.54299, 0.4506, 0.39208, 0.35099, 0.32018, 0.29603, 0.27647,
    ]);
    expect(r.metrics.days_needed).toBe(8);
    expect(r.metrics.total_sample_size).toBe(3 * (r.metrics.sample_size_per_arm as number));
    expect(r.tables.curve!.columnNames()).toEqual(['day', 'units', 'units_per_arm', 'power', 'mde']);
    expect(r.charts[0]!.id).toBe('curve');
    expect(r.notes.join(' ')).toMatch(/units per arm, .* in total: 8 days at 4,500 units a day\./);
  });

  it('a proportion metric with sequential testing (CTR 10%, effect 5%)', async () => {
    const r = await run({ baseline: 0.1, effect: 0.05, arms: 3, units_per_day: 4500, days: 9, sequential: true });
    expect(Array.from(r.tables.curve!.array('power') as ArrayLike<number>, round5)).toEqual([
      0.05936, 0.06912, 0.07849, 0.08761, 0.09657, 0.10541, 0.11415, 0.12282, 0.13142,
    ]);
    expect(r.notes.join(' ')).toMatch(/sequential testing \(tuning 5000\)/);
  });

  it('given units: mde 0.07027 and power 0.52144 (mean 10, sd √3910, 400,000 units, 3 arms); sequential 0.12821 and 0.20596', async () => {
    const base = { baseline: 10, sd: Math.sqrt(3909.9997749994377), effect: 0.05, units: 400000, arms: 3 };
    const fixed = await run(base);
    expect(round5(fixed.metrics.mde)).toBe(0.07027);
    expect(round5(fixed.metrics.power)).toBe(0.52144);
    expect(fixed.metrics.days_needed).toBeNull();
    const seq = await run({ ...base, sequential: true });
    expect(round5(seq.metrics.mde)).toBe(0.12821);
    expect(round5(seq.metrics.power)).toBe(0.20596);
  });

  it('reads the baseline and the traffic from a history table', async () => {
    const rng = seedrandom('history');
    const rows = Array.from({ length: 7000 }, (_, i) => ({
      converted: +(rng() < 0.1),
      timestamp: new Date(Date.UTC(2025, 0, 1 + Math.floor(i / 1000), 12)).toISOString(),
    }));
    const r = await run({ metric: 'converted', effect: 0.1 }, { history: aq.from(rows) });
    const rate = rows.reduce((a, x) => a + x.converted, 0) / rows.length;
    expect(r.metrics.baseline).toBeCloseTo(rate, 14);
    expect(r.metrics.units_per_day).toBe(1000);
    const same = await run({ baseline: rate, effect: 0.1, units_per_day: 1000 });
    expect(r.metrics.sample_size_per_arm).toBe(same.metrics.sample_size_per_arm);
    expect(r.metrics.days_needed).toBe(Math.ceil((2 * (same.metrics.sample_size_per_arm as number)) / 1000));
  });

  it('refuses what it cannot answer, naming the parameter', async () => {
    const fails = (params: Record<string, unknown>, message: RegExp) =>
      expect(runRecipe(powerRecipe, { inputs: {}, params })).rejects.toSatisfy(
        (e: unknown) => e instanceof RecipeInputError && message.test(e.message),
      );
    await fails({ effect: 0.05 }, /give baseline/);
    await fails({ baseline: 3, effect: 0.05 }, /baseline 3 is read as a conversion rate .* give sd too/);
    await fails({ baseline: 0.1 }, /Give effect .* units .* units_per_day/);
    const tooFew = await run({ baseline: 0.01, units: 100 });
    expect(tooFew.metrics.mde).toBeNull();
    expect(tooFew.notes.join(' ')).toMatch(/no effect can be detected/);
  });
});
