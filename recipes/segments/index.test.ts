import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { runRecipe } from '../define-recipe.js';
import { segments } from './index.js';
import { generateShop } from '../../datasets/shop/index.js';
import { chiSquareSf } from '../stats/distributions.js';

/** Rows equal up to float rounding (an engine may add in any order). */
const near = (rows: object[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? expect.closeTo(v, 12) : v])));

type Row = Record<string, number | string | boolean | null>;
const unit = (segment: string, variant: string, converted: number, revenue: number, engaged: number) => ({ segment, variant, exposed: 1, engaged, converted, orders: converted, revenue, cost: 1 });
const units = aq.from([
  unit('A', 'control', 1, 10, 1), unit('A', 'control', 0, 0, 1), unit('A', 'control', 0, 0, 0), unit('A', 'control', 0, 0, 0),
  unit('A', 'treat', 1, 20, 1), unit('A', 'treat', 1, 10, 1), unit('A', 'treat', 0, 0, 1), unit('A', 'treat', 0, 0, 0),
  unit('B', 'control', 1, 30, 1), unit('B', 'control', 1, 10, 0), unit('B', 'control', 0, 0, 0), unit('B', 'control', 0, 0, 0), unit('B', 'control', 0, 0, 0),
  unit('B', 'treat', 1, 40, 1), unit('B', 'treat', 1, 20, 1), unit('B', 'treat', 1, 30, 1), unit('B', 'treat', 0, 0, 0), unit('B', 'treat', 0, 0, 0),
]);

/** Cochran's Q written out: inverse-variance weights, weighted mean, Σ w(e − ē)². */
function q(effects: number[], variances: number[]): { q: number; p: number } {
  const w = variances.map((v) => 1 / v);
  const mean = effects.reduce((s, e, i) => s + w[i]! * e, 0) / w.reduce((a, b) => a + b, 0);
  const stat = effects.reduce((s, e, i) => s + w[i]! * (e - mean) ** 2, 0);
  return { q: stat, p: chiSquareSf(stat, effects.length - 1) };
}

describe('segments recipe', () => {
  it('computes per-segment metrics, lifts and heterogeneity as by hand', async () => {
    const { result } = await runRecipe(segments, { inputs: { units }, params: { control: 'control', difference: 'absolute', margin: 0.5, min_customers: 5 } });
    const rows = result.tables.segments!.objects() as Row[];
    const aTreat = rows.find((r) => r.segment === 'A' && r.variant === 'treat')!;
    expect(aTreat).toMatchObject({ customers: 4, penetration_rate: 0.75, conversion_rate: 0.5, aov: 15, revenue_per_customer: 7.5, profit: 15 * 0.5 * 2 - 4 });
    expect(rows.find((r) => r.segment === '(all)' && r.variant === 'control')!.customers).toBe(9);
    expect('clv' in aTreat).toBe(false);
    const cmp = (result.tables.comparisons!.objects() as Row[]).filter((r) => r.metric === 'conversion_rate' && r.segment !== '(all)');
    // A: 0.5 − 0.25, var .25/4 + .1875/4; B: 0.6 − 0.4, var .24/5 + .24/5
    expect(cmp.map((r) => r.effect)).toEqual([expect.closeTo(0.25, 12), expect.closeTo(0.2, 12)]);
    const expected = q([0.25, 0.2], [0.25 / 4 + 0.1875 / 4, 0.24 / 5 + 0.24 / 5]);
    expect(result.metrics.heterogeneity_q).toBeCloseTo(expected.q, 12);
    expect(result.metrics.heterogeneity_p_value).toBeCloseTo(expected.p, 12);
    expect(result.metrics.primary_metric).toBe('conversion_rate');
    expect(result.notes.join(' ')).toMatch(/no clear evidence that the lift differs across segments/);
    expect(result.notes.join(' ')).toMatch(/Holm/);
    expect(result.notes.join(' ')).toMatch(/too small to judge/);
    expect(result.charts.map((c) => c.id)).toEqual(['segment-lift', 'segment-heatmap', 'segment-bars']);
    const family = (result.tables.comparisons!.objects() as Row[]).filter((r) => r.segment !== '(all)');
    expect(family.every((r) => (r.p_value_holm as number) >= (r.p_value as number))).toBe(true);
  });

  it('flags a segment mix that differs by arm and a Simpson reversal', async () => {
    // Within each segment the treatment converts better, but it got mostly the low-converting segment.
    const rows = [
      ...Array.from({ length: 80 }, (_, i) => ({ segment: 'high', variant: i < 60 ? 'control' : 'treat', converted: i < 60 ? +(i % 2 === 0) : +(i % 5 !== 0) })),
      ...Array.from({ length: 120 }, (_, i) => ({ segment: 'low', variant: i < 20 ? 'control' : 'treat', converted: i < 20 ? +(i % 10 === 0) : +(i % 5 === 0) })),
    ];
    const { result } = await runRecipe(segments, { inputs: { units: aq.from(rows) } });
    const notes = result.notes.join(' ');
    expect(notes).toMatch(/segment mix differs/);
    expect(notes).toMatch(/Simpson's paradox: overall conversion_rate difference is -/);
  });

  it('describes segments without a variant column and rejects bad input', async () => {
    const { result } = await runRecipe(segments, { inputs: { units: units.select('segment', 'converted', 'revenue') } });
    expect(result.tables.comparisons!.numRows()).toBe(0);
    expect(result.metrics.heterogeneity_p_value).toBeNull();
    expect(result.notes[0]).toMatch(/No variant column/);
    await expect(runRecipe(segments, { inputs: { units }, params: { segment: 'tier' } })).rejects.toThrow(/units has no column "tier" \(the segment column\)/);
    await expect(runRecipe(segments, { inputs: { units }, params: { clv: 'ltv' } })).rejects.toThrow(/units has no column "ltv" \(the clv column\)/);
    await expect(runRecipe(segments, { inputs: { units: units.select('segment', 'variant') } })).rejects.toThrow(/none of the measures/);
    await expect(runRecipe(segments, { inputs: { units }, params: { metric: 'clv' } })).rejects.toThrow(/metric "clv" cannot be computed/);
    await expect(runRecipe(segments, { inputs: { units }, params: { margin: 2 } })).rejects.toThrow(/parameter "margin"/);
  });

  it('reports missing measure values by count, treats a non-0/1 conversion as a mean, and quotes every name', async () => {
    const gap = aq.from((units.objects() as Row[]).map((r, i) => (i < 2 ? { ...r, revenue: null } : r)));
    await expect(runRecipe(segments, { inputs: { units: gap } })).rejects.toThrow(/units.revenue \(the revenue column\) has null in 2 rows, which is not a number/);
    const counts = aq.from((units.objects() as Row[]).map((r, i) => (i === 0 ? { ...r, converted: 2 } : r)));
    const { result } = await runRecipe(segments, { inputs: { units: counts }, params: { control: 'control', difference: 'absolute' } });
    const a = (result.tables.comparisons!.objects() as Row[]).find((r) => r.segment === 'A' && r.metric === 'conversion_rate')!;
    // A mean metric now: control [2, 0, 0, 0] vs treat [1, 1, 0, 0], Welch on sample variances.
    expect(a.se).toBeCloseTo(Math.sqrt(1 / 4 + 1 / 3 / 4), 12);
    const evil = 'seg"; DROP TABLE units; --';
    const hostile = units.rename({ segment: evil, revenue: 'lb_sum_revenue' });
    const renamed = await runRecipe(segments, { inputs: { units: hostile }, params: { segment: evil, revenue: 'lb_sum_revenue', control: 'control', difference: 'absolute', margin: 0.5 } });
    const plain = await runRecipe(segments, { inputs: { units }, params: { control: 'control', difference: 'absolute', margin: 0.5 } });
    expect(renamed.result.tables.segments!.objects()).toEqual(near(plain.result.tables.segments!.objects()));
  });

  it('recovers the planted per-segment conversion lifts of the generated shop', async () => {
    const { tables, truth } = generateShop({ seed: 42, customers: 4000 });
    const planted = (truth as { conversion_by_segment: Record<string, { relative_lift: number }> }).conversion_by_segment;
    const { result } = await runRecipe(segments, { inputs: { units: aq.from(tables.units!) }, params: { margin: 0.3 } });
    const lifts = (result.tables.comparisons!.objects() as Row[]).filter((r) => r.metric === 'conversion_rate' && r.segment !== '(all)');
    expect(lifts).toHaveLength(5);
    // Each 95% interval should cover its planted lift; allow one miss in five.
    const covered = lifts.filter((r) => (r.ci_low as number) < planted[r.segment as string]!.relative_lift && (r.ci_high as number) > planted[r.segment as string]!.relative_lift);
    expect(covered.length).toBeGreaterThanOrEqual(4);
    // The planted extremes come out in the right order: collectors gain more than bargain hunters.
    const lift = (s: string) => lifts.find((r) => r.segment === s)!.effect as number;
    expect(lift('collector')).toBeGreaterThan(lift('bargain_hunter'));
    // Spearman correlation between estimated and planted lifts is positive.
    const names = Object.keys(planted);
    const rank = (xs: number[]) => xs.map((x) => xs.filter((y) => y < x).length);
    const re = rank(names.map(lift));
    const rp = rank(names.map((s) => planted[s]!.relative_lift));
    const d2 = re.reduce((s, r, i) => s + (r - rp[i]!) ** 2, 0);
    expect(1 - (6 * d2) / (5 * 24)).toBeGreaterThan(0);
    expect(typeof result.metrics.heterogeneity_p_value).toBe('number');
    expect(result.metrics.srm_p_value as number).toBeGreaterThan(0.001);
  });

  it('matches an independent calculation on real sessions (UCI online shoppers: VisitorType × Weekend)', async () => {
    const text = readFileSync(new URL('../../datasets/open/online_shoppers_intention_sample.csv', import.meta.url), 'utf8');
    const raw = (aq.fromCSV(text).objects() as Record<string, unknown>[]).map((r) => ({
      segment: String(r.VisitorType), variant: String(r.Weekend).toLowerCase() === 'true' ? 'weekend' : 'weekday', converted: String(r.Revenue).toLowerCase() === 'true' ? 1 : 0,
    }));
    const { result } = await runRecipe(segments, { inputs: { units: aq.from(raw) }, params: { control: 'weekday', difference: 'absolute' } });
    const cmp = (result.tables.comparisons!.objects() as Row[]).filter((r) => r.metric === 'conversion_rate' && r.segment !== '(all)');
    const effects: number[] = [];
    const variances: number[] = [];
    for (const seg of [...new Set(raw.map((r) => r.segment))].sort()) {
      const arm = (v: string) => raw.filter((r) => r.segment === seg && r.variant === v);
      const [c, t] = [arm('weekday'), arm('weekend')];
      if (c.length < 2 || t.length < 2) continue;
      const pc = c.filter((r) => r.converted).length / c.length;
      const pt = t.filter((r) => r.converted).length / t.length;
      const v = (pc * (1 - pc)) / c.length + (pt * (1 - pt)) / t.length;
      if (!(v > 0)) continue;
      const row = cmp.find((r) => r.segment === seg)!;
      expect(row.effect).toBeCloseTo(pt - pc, 12);
      expect(row.se).toBeCloseTo(Math.sqrt(v), 12);
      effects.push(pt - pc);
      variances.push(v);
    }
    const expected = q(effects, variances);
    expect(result.metrics.heterogeneity_q).toBeCloseTo(expected.q, 9);
    expect(result.metrics.heterogeneity_p_value).toBeCloseTo(expected.p, 9);
  });
});
