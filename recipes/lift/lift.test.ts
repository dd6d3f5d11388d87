import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { runRecipe } from '../define-recipe.js';
import { getRecipe } from '../registry.js';
import { resultToJSON } from '../result-json.js';
import { compare } from '../stats/compare.js';
import { meanStats } from '../stats/moments.js';
import { lift } from './index.js';

/** 0/1 outcomes: `ones` conversions out of `n`, interleaved so the column is not sorted. */
const conversions = (n: number, ones: number) => Array.from({ length: n }, (_, i) => (i * ones) % n < ones ? 1 : 0);

function units(arms: Record<string, { converted: number[]; revenue: number[] }>) {
  const rows: Record<string, unknown>[] = [];
  for (const [variant, { converted, revenue }] of Object.entries(arms)) {
    converted.forEach((c, i) => rows.push({ customer_id: rows.length, variant, converted: c, revenue: revenue[i] }));
  }
  return aq.from(rows);
}

const revenue = (n: number, base: number) => Array.from({ length: n }, (_, i) => base + ((i * 37) % 23) - 11 + (i % 5));

async function json(inputs: Record<string, aq.ColumnTable>, params: Record<string, unknown>) {
  const { params: resolved, result } = await runRecipe(lift, { inputs, params });
  return resultToJSON('lift', resolved, result);
}

describe('lift on unit-level data', () => {
  const data = units({
    control: { converted: conversions(1000, 100), revenue: revenue(1000, 20) },
    personalized: { converted: conversions(1050, 158), revenue: revenue(1050, 23) },
  });

  it('is registered and has the contract\'s outputs, column for column', async () => {
    expect(getRecipe('lift')).toBe(lift);
    const out = await json({ units: data }, { metrics: ['converted', 'revenue'] });
    expect(Object.keys(out.tables.variants![0]!)).toEqual(['variant', 'metric', 'n', 'mean', 'variance']);
    expect(Object.keys(out.tables.comparisons![0]!)).toEqual([
      'variant', 'metric', 'control_mean', 'mean', 'effect', 'se', 'ci_low', 'ci_high',
      'p_value', 'p_value_holm', 'p_value_adjusted', 'significant', 'chance_to_win', 'risk_control', 'risk_treatment', 'dof',
    ]);
    expect(Object.keys(out.metrics)).toEqual(['srm_p_value', 'srm_chi2', 'units']);
    expect(out.metrics.units).toBe(2050);
    expect(out.charts.map((c) => c.id)).toEqual(['effects', 'means-converted', 'means-revenue']);
  });

  it('detects the 0/1 column as a proportion and matches compare() on the same arms', async () => {
    const out = await json({ units: data }, { metrics: ['converted', 'revenue'] });
    const conv = out.tables.comparisons!.find((r) => r.metric === 'converted')!;
    const ref = compare(meanStats(conversions(1000, 100), 'proportion'), meanStats(conversions(1050, 158), 'proportion'), { method: 'both' });
    expect(conv.effect).toBeCloseTo(158 / 1050 / 0.1 - 1, 12);
    expect(conv.se).toBeCloseTo(ref.se, 12);
    expect(conv.p_value).toBeCloseTo(ref.pValue!, 12);
    expect(conv.chance_to_win).toBeCloseTo(ref.chanceToWin!, 12);
    const v = out.tables.variants!.find((r) => r.variant === 'control' && r.metric === 'converted')!;
    expect(v.variance).toBeCloseTo(0.1 * 0.9, 12); // p(1−p), not the n−1 sample variance
  });

  it('Holm-adjusts across all comparisons and says so', async () => {
    const three = units({
      a: { converted: conversions(300, 30), revenue: revenue(300, 20) },
      b: { converted: conversions(300, 45), revenue: revenue(300, 21) },
      c: { converted: conversions(300, 33), revenue: revenue(300, 20) },
    });
    const out = await json({ units: three }, { metrics: ['converted', 'revenue'] });
    const rows = out.tables.comparisons!;
    expect(rows).toHaveLength(4); // (b, c) × (converted, revenue), control a = first in sorted order
    const p = rows.map((r) => r.p_value as number);
    const sorted = [...p].sort((x, y) => x - y);
    const expected = sorted.map((q, k) => Math.min(1, (4 - k) * q));
    for (let k = 1; k < 4; k++) expected[k] = Math.max(expected[k]!, expected[k - 1]!);
    rows.forEach((r) => {
      expect(r.p_value_holm).toBeCloseTo(expected[sorted.indexOf(r.p_value as number)]!, 12);
      expect(r.significant).toBe((r.p_value_holm as number) < 0.05);
    });
    expect(out.notes.some((n) => n.startsWith('4 comparisons were made') && n.includes('Holm'))).toBe(true);
  });

  it('writes findings in plain language', async () => {
    const out = await json({ units: data }, { metrics: ['converted'], method: 'frequentist' });
    expect(out.notes).toContainEqual(expect.stringMatching(/^personalized raised converted by \+50\.5% \(95% CI \+\d+\.\d% to \+\d+\.\d%, p = 0\.0\d+\)\.$/));
    const flat = await json({ units: data }, { metrics: ['revenue'], difference: 'absolute' });
    expect(flat.notes.join(' ')).toMatch(/personalized raised revenue by \+3\.\d+ \(95% CI/);
  });

  it('uses "control" when present, else the first sorted variant, and honours the control parameter', async () => {
    const out = await json({ units: data }, { metrics: ['converted'] });
    expect(out.tables.comparisons![0]!.variant).toBe('personalized');
    const flipped = await json({ units: data }, { metrics: ['converted'], control: 'personalized' });
    expect(flipped.tables.comparisons![0]!.variant).toBe('control');
    expect(flipped.tables.variants![0]!.variant).toBe('personalized');
  });

  it('accepts metrics as a comma-separated string, as typed on the command line', async () => {
    const out = await json({ units: data }, { metrics: 'converted, revenue' });
    expect(out.params.metrics).toEqual(['converted', 'revenue']);
    expect(out.tables.comparisons!.map((r) => r.metric)).toEqual(['converted', 'revenue']);
  });

  it('analyses every numeric non-id column when metrics is not given, and says which', async () => {
    const out = await json({ units: data }, {});
    expect([...new Set(out.tables.comparisons!.map((r) => r.metric))]).toEqual(['converted', 'revenue']);
    expect(out.notes.join(' ')).toMatch(/every numeric column was analysed: converted, revenue/);
  });

  it('flags a sample ratio mismatch and too few units', async () => {
    const skewed = units({
      control: { converted: conversions(1000, 100), revenue: revenue(1000, 20) },
      personalized: { converted: conversions(1170, 130), revenue: revenue(1170, 20) },
    });
    const out = await json({ units: skewed }, { metrics: ['converted'] });
    // hand: expected 1085 each → χ² = 2·85²/1085; scipy.stats.chisquare([1000, 1170]).pvalue = 0.000262…
    expect(out.metrics.srm_chi2).toBeCloseTo((2 * 85 ** 2) / 1085, 10);
    expect(out.metrics.srm_p_value).toBeCloseTo(0.0002628742873007217, 12);
    expect(out.notes[0]).toMatch(/^sample ratio mismatch, p = 0\.0003: do not trust this test/);
    const fair = await json({ units: skewed }, { metrics: ['converted'], split: { control: 100, personalized: 117 } });
    expect(fair.metrics.srm_chi2).toBeCloseTo(0, 10);
    const small = units({ control: { converted: [0, 1, 0, 1, 1], revenue: [1, 2, 3, 4, 5] }, b: { converted: [1, 1, 0, 1], revenue: [2, 3, 4, 6] } });
    const tiny = await json({ units: small }, { metrics: ['converted'] });
    expect(tiny.notes.join(' ')).toMatch(/Too few units: control has 5, b has 4/);
  });

  it('reports a pair that cannot be compared with nulls and a reason instead of NaN', async () => {
    const none = units({ control: { converted: [0, 0, 0], revenue: [1, 2, 3] }, b: { converted: [0, 1, 1], revenue: [2, 2, 5] } });
    const out = await json({ units: none }, { metrics: ['converted', 'revenue'] });
    const conv = out.tables.comparisons!.find((r) => r.metric === 'converted')!;
    expect(conv.effect).toBeNull();
    expect(conv.significant).toBeNull();
    expect(out.notes.join(' ')).toMatch(/b vs control on converted could not be compared: The control mean is 0.*absolute/);
    expect(JSON.stringify(out)).not.toMatch(/NaN/);
  });

  it('one-sided tests leave the open end null and Bayesian method drops p-values', async () => {
    const greater = await json({ units: data }, { metrics: ['converted'], sided: 'greater' });
    expect(greater.tables.comparisons![0]!.ci_high).toBeNull();
    expect(greater.tables.comparisons![0]!.ci_low).toBeTypeOf('number');
    const bayes = await json({ units: data }, { metrics: ['converted'], method: 'bayesian' });
    expect(bayes.tables.comparisons![0]!.p_value).toBeNull();
    expect(bayes.tables.comparisons![0]!.significant).toBe(true);
    expect(bayes.notes.join(' ')).toMatch(/95% credible interval/);
  });
});
