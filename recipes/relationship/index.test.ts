import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { runRecipe } from '../define-recipe.js';
import { relationship } from './index.js';
import { generateShop } from '../../datasets/shop/index.js';

// Two groups; B skipped one CSAT and one trust item.
const responses = aq.from([
  { customer_id: 1, variant: 'control', timestamp: '2025-01-05', nps: 10, csat: 5, trust_1: 4, trust_2: 5 },
  { customer_id: 2, variant: 'control', timestamp: '2025-01-20', nps: 9, csat: 4, trust_1: 3, trust_2: 3 },
  { customer_id: 3, variant: 'control', timestamp: '2025-02-03', nps: 7, csat: 3, trust_1: 5, trust_2: 4 },
  { customer_id: 4, variant: 'control', timestamp: '2025-02-10', nps: 3, csat: 2, trust_1: 2, trust_2: 2 },
  { customer_id: 5, variant: 'control', timestamp: '2025-02-11', nps: 0, csat: 1, trust_1: 1, trust_2: 2 },
  { customer_id: 6, variant: 'B', timestamp: '2025-01-07', nps: 9, csat: 5, trust_1: 4, trust_2: 4 },
  { customer_id: 7, variant: 'B', timestamp: '2025-01-08', nps: 10, csat: 5, trust_1: 5, trust_2: 5 },
  { customer_id: 8, variant: 'B', timestamp: '2025-02-01', nps: 8, csat: 4, trust_1: null, trust_2: 3 },
  { customer_id: 9, variant: 'B', timestamp: '2025-02-02', nps: 6, csat: null, trust_1: 3, trust_2: 4 },
]);

type Row = Record<string, number | string | null>;

describe('relationship recipe', () => {
  it('scores NPS, CSAT and trust by hand-checkable rules', async () => {
    const { result } = await runRecipe(relationship, { inputs: { responses }, params: { group: 'variant' } });
    const groups = result.tables.groups!.objects() as Row[];
    const a = groups.find((g) => g.group === 'control' && g.period === 'all')!;
    const b = groups.find((g) => g.group === 'B' && g.period === 'all')!;
    // control: promoters 2/5, detractors 2/5 → NPS 0; Var = 0.8 → se 40 → ±1.959964·40
    expect(a.nps).toBe(0);
    expect(a.nps_ci_high).toBeCloseTo(1.959963984540054 * 40, 9);
    // B: 2 promoters, 1 detractor of 4 → 25; CSAT 3 of 3 answered in the top two boxes
    expect(b.nps).toBe(25);
    expect(b.csat).toBe(100);
    expect(b.csat_n).toBe(3);
    // control CSAT 2/5 with scipy binomtest(2, 5).proportion_ci(method='wilson')
    expect(a.csat).toBe(40);
    expect(a.csat_ci_low).toBeCloseTo(11.762077423264794, 8);
    expect(a.csat_ci_high).toBeCloseTo(76.9275718723987, 8);
    // control trust index: mean of (4.5, 3, 4.5, 2, 1.5) = 3.1, scipy t interval (1.37726, 4.82274)
    expect(a.trust_index).toBeCloseTo(3.1, 12);
    expect(a.trust_ci_low).toBeCloseTo(1.3772611174243317, 8);
    expect(b.trust_n).toBe(3);
    // Cronbach's alpha on the 8 complete answers (numpy: 0.9204545454545454)
    expect(result.metrics.cronbach_alpha).toBeCloseTo(0.9204545454545454, 12);
    expect(result.metrics.nps).toBeCloseTo(100 * (4 / 9 - 3 / 9), 12);
    expect(result.metrics.customers).toBe(9);
    // B vs control on NPS: scipy.stats.ttest_ind(b, a, equal_var=False) → p 0.71457, CI (−131.34, 181.34)
    const cmp = (result.tables.comparisons!.objects() as Row[]).find((c) => c.metric === 'nps')!;
    expect(cmp.effect).toBe(25);
    expect(cmp.p_value).toBeCloseTo(0.7145654592728683, 8);
    expect(cmp.ci_low).toBeCloseTo(-131.34466135483444, 6);
    expect(cmp.p_value_holm).toBeGreaterThanOrEqual(cmp.p_value as number);
    // Over time: months 2025-01 and 2025-02 for both groups.
    expect(groups.filter((g) => g.period !== 'all').map((g) => `${g.group} ${g.period}`)).toEqual(['B 2025-01-01', 'B 2025-02-01', 'control 2025-01-01', 'control 2025-02-01']);
    expect(result.charts.map((c) => c.id)).toEqual(['nps-over-time', 'csat-over-time', 'trust-over-time', 'scores-by-group']);
    expect(result.notes.join(' ')).toMatch(/too small to judge/);
  });

  it('refuses a trust scale of one item and rejects out-of-scale answers', async () => {
    await expect(runRecipe(relationship, { inputs: { responses }, params: { trust: ['trust_1'] } })).rejects.toThrow(/at least two item columns.*got 1: "trust_1"/);
    const oneItem = responses.select('nps', 'trust_1');
    await expect(runRecipe(relationship, { inputs: { responses: oneItem } })).rejects.toThrow(/trust scale needs at least two item columns/);
    const bad = aq.from([{ nps: 11 }]);
    await expect(runRecipe(relationship, { inputs: { responses: bad } })).rejects.toThrow(/responses.nps \(the nps column\) has 11 in row 1; nps answers must be whole numbers from 0 to 10/);
    await expect(runRecipe(relationship, { inputs: { responses: aq.from([{ x: 1 }]) } })).rejects.toThrow(/none of the survey items/);
    await expect(runRecipe(relationship, { inputs: { responses }, params: { group: 'variant', control: 'C' } })).rejects.toThrow(/control "C" is not a value/);
  });

  it('recovers the planted NPS and CSAT of each arm of the generated shop', async () => {
    const { tables, truth } = generateShop({ seed: 42, customers: 4000 });
    const t = truth as { nps: Record<string, number>; csat: Record<string, number> };
    const { result } = await runRecipe(relationship, { inputs: { responses: aq.from(tables.surveys!) }, params: { group: 'variant', period: 'quarter' } });
    const rows = (result.tables.groups!.objects() as Row[]).filter((r) => r.period === 'all');
    for (const arm of ['control', 'personalized']) {
      const r = rows.find((x) => x.group === arm)!;
      expect(r.nps_ci_low as number).toBeLessThan(t.nps[arm]!);
      expect(r.nps_ci_high as number).toBeGreaterThan(t.nps[arm]!);
      expect(r.csat_ci_low as number).toBeLessThan(t.csat[arm]!);
      expect(r.csat_ci_high as number).toBeGreaterThan(t.csat[arm]!);
    }
    const nps = (result.tables.comparisons!.objects() as Row[]).find((c) => c.metric === 'nps')!;
    expect(nps.effect as number).toBeGreaterThan(0); // planted +13 points
    expect(result.metrics.cronbach_alpha as number).toBeGreaterThan(0.5);
  });

  it('matches an independent count of top-two-box ratings on real reviews (UCI/Kaggle women’s clothing sample)', async () => {
    const text = readFileSync(new URL('../../datasets/open/womens_clothing_reviews_sample.csv', import.meta.url), 'utf8');
    const reviews = aq.fromCSV(text).filter((d: Record<string, unknown>) => d['Department Name'] !== null);
    const { result } = await runRecipe(relationship, { inputs: { responses: reviews }, params: { csat: 'Rating', group: 'Department Name' } });
    const ratings = reviews.array('Rating') as number[];
    const depts = reviews.array('Department Name') as string[];
    const expected = new Map<string, [number, number]>();
    depts.forEach((d, i) => {
      const [top, n] = expected.get(d) ?? [0, 0];
      expected.set(d, [top + +(ratings[i]! >= 4), n + 1]);
    });
    const rows = result.tables.groups!.objects() as Row[];
    for (const [dept, [top, n]] of expected) {
      expect(rows.find((r) => r.group === dept)!.csat).toBeCloseTo((100 * top) / n, 10);
    }
    expect(result.metrics.csat).toBeCloseTo((100 * ratings.filter((r) => r >= 4).length) / ratings.length, 10);
    expect(result.metrics.nps).toBeUndefined();
  });
});
