import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { runRecipe } from '../define-recipe.js';
import { context } from './index.js';
import { generateShop } from '../../datasets/shop/index.js';
import { chiSquareSf, studentT, studentTInv } from '../stats/distributions.js';

/** Rows equal up to float rounding (an engine may add in any order). */
const near = (rows: object[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? expect.closeTo(v, 12) : v])));

type Row = Record<string, unknown>;
const day = (d: number, h = 12) => new Date(Date.UTC(2025, 0, 1 + d, h)).toISOString();
// [day, device, variant, outcome]
const data: [number, string, string, number][] = [
  [0, 'A', 'control', 1], [0, 'A', 'control', 3], [0, 'A', 'treat', 4], [0, 'A', 'treat', 6], [0, 'B', 'control', 2], [0, 'B', 'treat', 2], [0, 'B', 'control', 4], [0, 'B', 'treat', 5],
  [1, 'A', 'control', 2], [1, 'A', 'treat', 5], [1, 'B', 'control', 3], [1, 'B', 'treat', 4],
  [2, 'A', 'control', 2], [2, 'A', 'treat', 7], [2, 'B', 'control', 3], [2, 'B', 'treat', 3], [2, 'B', 'treat', 6], [2, 'B', 'control', 5],
];
const units = aq.from(data.map(([d, device, variant, y]) => ({ timestamp: day(d), device, variant, y })));

/** Welch's test on the absolute difference, written out independently. */
function welch(c: number[], t: number[], alpha = 0.05) {
  const s = (xs: number[]) => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    return { n: xs.length, m, v: xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1) };
  };
  const [a, b] = [s(c), s(t)];
  const se = Math.sqrt(a.v / a.n + b.v / b.n);
  const dof = (a.v / a.n + b.v / b.n) ** 2 / ((a.v / a.n) ** 2 / (a.n - 1) + (b.v / b.n) ** 2 / (b.n - 1));
  const effect = b.m - a.m;
  return { effect, se, p: 2 * studentT(-Math.abs(effect / se), dof), low: effect - studentTInv(1 - alpha / 2, dof) * se };
}
const ys = (f: (r: (typeof data)[number]) => boolean, v: string) => data.filter((r) => f(r) && r[2] === v).map((r) => r[3]);

describe('context recipe', () => {
  it('computes per-context lifts, the interaction test, rolling lift and PSI as by hand', async () => {
    const { result } = await runRecipe(context, { inputs: { units }, params: { outcome: 'y', contexts: ['device'], difference: 'absolute', window: 2 } });
    const rows = result.tables.contexts!.objects() as Row[];
    const a = welch(ys((r) => r[1] === 'A', 'control'), ys((r) => r[1] === 'A', 'treat'));
    const b = welch(ys((r) => r[1] === 'B', 'control'), ys((r) => r[1] === 'B', 'treat'));
    expect(rows.map((r) => r.value)).toEqual(['A', 'B']);
    expect(rows[0]!.effect).toBeCloseTo(a.effect, 12);
    expect(rows[0]!.p_value).toBeCloseTo(a.p, 10);
    expect(rows[1]!.ci_low).toBeCloseTo(b.low, 10);
    // Interaction: Cochran's Q over the two device effects.
    const w = [1 / a.se ** 2, 1 / b.se ** 2];
    const pooled = (w[0]! * a.effect + w[1]! * b.effect) / (w[0]! + w[1]!);
    const q = w[0]! * (a.effect - pooled) ** 2 + w[1]! * (b.effect - pooled) ** 2;
    expect(result.metrics.interaction_p_value_device).toBeCloseTo(chiSquareSf(q, 1), 10);
    // Rolling lift, 2-day windows ending on day 1 and day 2.
    const rolling = result.tables.rolling!.objects() as Row[];
    expect(rolling).toHaveLength(2);
    const last = welch(ys((r) => r[0] >= 1, 'control'), ys((r) => r[0] >= 1, 'treat'));
    expect(rolling[1]!.effect).toBeCloseTo(last.effect, 12);
    expect(rolling[1]!.ci_low).toBeCloseTo(last.low, 10);
    expect((rolling[1]!.window_start as Date).toISOString()).toBe('2025-01-02T00:00:00.000Z');
    // Drift: days 0–1 have A 6, B 6 rows; day 2 has A 2, B 4.
    const drift = result.tables.drift!.objects() as Row[];
    const e = [6 / 12, 6 / 12];
    const cur = [2 / 6, 4 / 6];
    expect(drift[1]!.psi).toBeCloseTo((cur[0]! - e[0]!) * Math.log(cur[0]! / e[0]!) + (cur[1]! - e[1]!) * Math.log(cur[1]! / e[1]!), 12);
    expect(result.metrics.psi_device).toBeCloseTo(drift[1]!.psi as number, 12);
    expect(result.charts.map((c) => c.id)).toEqual(['context-heatmap-device', 'rolling-lift', 'context-drift']);
    expect(result.notes.join(' ')).toMatch(/too small to judge/);
  });

  it('bins a many-valued numeric context and works without a timestamp', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ variant: i % 2 ? 'treat' : 'control', converted: +(i % 3 === 0), basket: i }));
    const { result } = await runRecipe(context, { inputs: { units: aq.from(rows) }, params: { contexts: ['basket'] } });
    const values = [...new Set((result.tables.contexts!.objects() as Row[]).map((r) => r.value))];
    expect(values).toHaveLength(5);
    expect(values[0]).toBe('0.00–39.8');
    expect(result.tables.rolling).toBeUndefined();
    expect(result.notes.join(' ')).toMatch(/cut into quantile bins/);
    expect(result.notes.join(' ')).toMatch(/No timestamp column/);
  });

  it('rejects bad input with the column and the fix', async () => {
    await expect(runRecipe(context, { inputs: { units: units.rename({ device: 'kind' }) }, params: { outcome: 'y' } })).rejects.toThrow(/none of the default context columns/);
    await expect(runRecipe(context, { inputs: { units }, params: { outcome: 'y', contexts: ['os'] } })).rejects.toThrow(/units has no column "os" \(the contexts column\)/);
    await expect(runRecipe(context, { inputs: { units }, params: { outcome: 'y', contexts: ['variant'] } })).rejects.toThrow(/"variant" is both a context and the variant column/);
    await expect(runRecipe(context, { inputs: { units }, params: { contexts: ['device'] } })).rejects.toThrow(/units has no column "converted" \(the outcome column\)/);
    const gap = aq.from([{ variant: 'a', converted: 1, device: null }, { variant: 'b', converted: 0, device: 'x' }]);
    await expect(runRecipe(context, { inputs: { units: gap }, params: { contexts: ['device'] } })).rejects.toThrow(/units.device \(a context column\) is empty in 1 row; fill it/);
    await expect(runRecipe(context, { inputs: { units }, params: { outcome: 'y', contexts: ['device'], window: 0 } })).rejects.toThrow(/parameter "window"/);
  });

  it('bins from per-value counts exactly as from the rows, and quotes every name', async () => {
    // Repeated values: the quantile edges come from the value counts, not from the distinct values.
    const rows = Array.from({ length: 300 }, (_, i) => ({ variant: i % 2 ? 'treat' : 'control', converted: +(i % 3 === 0), basket: (i * 7) % 40 }));
    const { result } = await runRecipe(context, { inputs: { units: aq.from(rows) }, params: { contexts: ['basket'], max_levels: 10, bins: 4 } });
    const sorted = rows.map((r) => r.basket).sort((a, b) => a - b);
    const q = (p: number) => {
      const h = (sorted.length - 1) * p;
      return sorted[Math.floor(h)]! + (h - Math.floor(h)) * (sorted[Math.ceil(h)]! - sorted[Math.floor(h)]!);
    };
    const values = [...new Set((result.tables.contexts!.objects() as Row[]).map((r) => r.value))];
    expect(values[0]).toBe(`${q(0).toPrecision(3)}–${q(0.25).toPrecision(3)}`);
    const evil = 'dev"; DROP TABLE units; --';
    const hostile = units.rename({ device: evil, y: 'lb_sum' });
    const a = await runRecipe(context, { inputs: { units: hostile }, params: { outcome: 'lb_sum', contexts: [evil], difference: 'absolute', window: 2 } });
    const b = await runRecipe(context, { inputs: { units }, params: { outcome: 'y', contexts: ['device'], difference: 'absolute', window: 2 } });
    const strip = (rows: object[]) => (rows as Row[]).map(({ context: _c, ...r }) => r);
    expect(strip(a.result.tables.contexts!.objects())).toEqual(near(strip(b.result.tables.contexts!.objects())));
    expect(a.result.tables.rolling!.objects()).toEqual(near(b.result.tables.rolling!.objects()));
  });

  it('says when a binned context came back as one row per distinct value', async () => {
    const rows = Array.from({ length: 10_050 }, (_, i) => ({ variant: i % 2 ? 'treat' : 'control', converted: +(i % 3 === 0), basket: i / 7 }));
    const { result, engine } = await runRecipe(context, { inputs: { units: aq.from(rows) }, params: { contexts: ['basket'] } });
    expect(result.notes.join(' ')).toMatch(/Its 10,050 distinct values came back one row per value and arm .* round the column first/);
    expect(engine!.rows_fetched).toBe(10_050);
  });

  it('reads timestamps given as epoch milliseconds or YYYYMMDD numbers as dates', async () => {
    const params = { outcome: 'y', contexts: ['device'], difference: 'absolute', window: 2 };
    const iso = await runRecipe(context, { inputs: { units }, params });
    const withTime = (t: (iso: string) => number) => aq.from(data.map(([d, device, variant, y]) => ({ timestamp: t(day(d)), device, variant, y })));
    const ms = await runRecipe(context, { inputs: { units: withTime((iso) => Date.parse(iso)) }, params });
    const ymd = await runRecipe(context, { inputs: { units: withTime((iso) => Number(iso.slice(0, 10).replaceAll('-', ''))) }, params });
    for (const other of [ms, ymd]) {
      expect(other.result.tables.rolling!.objects()).toEqual(near(iso.result.tables.rolling!.objects()));
      expect(other.result.tables.drift!.objects()).toEqual(near(iso.result.tables.drift!.objects()));
    }
    expect(typeof ymd.result.tables.rolling!.get('window_start', 0)).toBe('object');
    const typo = withTime((iso) => Date.parse(iso)).derive({ timestamp: aq.escape((d: { timestamp: number }) => (d.timestamp === Date.parse(day(1)) ? 'tomorrow' : new Date(d.timestamp).toISOString())) });
    await expect(runRecipe(context, { inputs: { units: typo }, params })).rejects.toThrow(/units.timestamp \(the timestamp column\) has "tomorrow" in 4 rows, which is not a date/);
  });

  it('finds the planted device interaction of the generated shop (mobile gains most)', async () => {
    const { tables } = generateShop({ seed: 42, customers: 4000 });
    const { result } = await runRecipe(context, { inputs: { units: aq.from(tables.sessions!) }, params: { timestamp: 'started_at' } });
    const device = (result.tables.contexts!.objects() as Row[]).filter((r) => r.context === 'device');
    const lift = (v: string) => device.find((r) => r.value === v)!.effect as number;
    expect(lift('mobile')).toBeGreaterThan(lift('desktop'));
    expect(lift('mobile')).toBeGreaterThan(lift('tablet'));
    // Device is the only context with a planted interaction: it has the smallest interaction p-value.
    const ps = ['hour', 'weekday', 'device', 'region', 'journey_stage'].map((c) => result.metrics[`interaction_p_value_${c}`] as number);
    expect(Math.min(...ps)).toBe(result.metrics.interaction_p_value_device);
    expect(result.metrics.interaction_p_value_device as number).toBeLessThan(0.05);
    // The shop's traffic mix is stationary: no context drifts past "stable".
    for (const c of ['hour', 'weekday', 'device', 'region', 'journey_stage']) expect(result.metrics[`psi_${c}`] as number).toBeLessThan(0.1);
    expect(result.tables.rolling!.numRows()).toBeGreaterThan(50);
  });

  it('matches an independent calculation on real sessions (UCI online shoppers: VisitorType, Weekend arm)', async () => {
    const text = readFileSync(new URL('../../datasets/open/online_shoppers_intention_sample.csv', import.meta.url), 'utf8');
    const raw = (aq.fromCSV(text).objects() as Record<string, unknown>[]).map((r) => ({
      visitor: String(r.VisitorType), variant: String(r.Weekend).toLowerCase() === 'true' ? 'weekend' : 'weekday', converted: String(r.Revenue).toLowerCase() === 'true' ? 1 : 0,
    }));
    const { result } = await runRecipe(context, { inputs: { units: aq.from(raw) }, params: { control: 'weekday', contexts: ['visitor'] } });
    for (const row of result.tables.contexts!.objects() as Row[]) {
      const arm = (v: string) => raw.filter((r) => r.visitor === row.value && r.variant === v);
      const [c, t] = [arm('weekday'), arm('weekend')];
      const pc = c.filter((r) => r.converted).length / c.length;
      const pt = t.filter((r) => r.converted).length / t.length;
      expect(row.effect).toBeCloseTo((pt - pc) / pc, 10);
      // delta-method variance of the relative effect (var_t/n_t)/pc² + (var_c/n_c)·pt²/pc⁴
      expect(row.se).toBeCloseTo(Math.sqrt((pt * (1 - pt)) / t.length / pc ** 2 + ((pc * (1 - pc)) / c.length) * pt ** 2 / pc ** 4), 10);
    }
  });
});
