import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { runRecipe } from '../define-recipe.js';
import { fairness } from './index.js';
import { generateShop } from '../../datasets/shop/index.js';

// fairlearn's user guide ("Performing a fairness assessment", "Common fairness metrics") doctest data.
const y_true = [0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1];
const y_pred = [0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0];
const sf_data = ['b', 'b', 'a', 'b', 'b', 'c', 'c', 'c', 'a', 'a', 'c', 'a', 'b', 'c', 'c', 'b', 'c', 'c'];
const predictions = aq.table({ y_true, y_pred, group: sf_data });
type Row = Record<string, number | string>;

describe('fairness recipe against fairlearn’s documented values', () => {
  it('by group and between groups', async () => {
    const { result } = await runRecipe(fairness, { inputs: { predictions }, params: { bootstrap: 0 } });
    const rows = result.tables.by_group!.objects() as Row[];
    // mf.by_group: tpr 0.5/0.6/0.4, fpr 1/0/0.666667, sel 0.75/0.5/0.5, count 4/6/8
    expect(rows.map((r) => r.group)).toEqual(['a', 'b', 'c']);
    expect(rows.map((r) => r.count)).toEqual([4, 6, 8]);
    expect(rows.map((r) => r.tpr)).toEqual([0.5, 0.6, 0.4]);
    expect(rows.map((r) => r.selection_rate)).toEqual([0.75, 0.5, 0.5]);
    expect(rows[2]!.fpr).toBeCloseTo(0.666667, 6);
    // mf.overall: tpr 0.5, fpr 0.666667, sel 0.555556
    const m = result.metrics as Record<string, number>;
    expect(m.overall_tpr).toBe(0.5);
    expect(m.overall_fpr).toBeCloseTo(0.666667, 6);
    expect(m.overall_selection_rate).toBeCloseTo(0.555556, 6);
    // demographic_parity_difference 0.25, _ratio 0.66666…, equalized_odds_difference 1.0, _ratio 0.0; mf.difference() tpr 0.20
    expect(m.demographic_parity_difference).toBeCloseTo(0.25, 12);
    expect(m.demographic_parity_ratio).toBeCloseTo(2 / 3, 12);
    expect(m.equalized_odds_difference).toBe(1);
    expect(m.equalized_odds_ratio).toBe(0);
    expect(m.equal_opportunity_difference).toBeCloseTo(0.2, 12);
    // precision: a 1/3, b 3/3, c 2/4 ⇒ 1 − 1/3
    expect(m.predictive_parity_difference).toBeCloseTo(2 / 3, 12);
    // The ratios fairlearn's MetricFrame.ratio() gives on the same by-group values (min/max), and the FPR difference (1 − 0).
    expect(m.equal_opportunity_ratio).toBeCloseTo(0.4 / 0.6, 12);
    expect(m.predictive_parity_ratio).toBeCloseTo(1 / 3, 12);
    expect(m.false_positive_rate_difference).toBe(1);
    expect(m.false_positive_rate_ratio).toBe(0);
    // Confusion counts by hand from the doctest arrays: a = rows 3, 9, 10, 12 (1-based).
    expect(rows.map((r) => [r.tp, r.fp, r.tn, r.fn])).toEqual([[1, 2, 0, 1], [3, 0, 1, 2], [2, 2, 1, 3]]);
    expect(result.notes.join(' ')).toMatch(/Demographic parity difference is 0\.250, above the threshold 0\.1 \(between_groups\): selection_rate runs from 0\.500 \(b\) to 0\.750 \(a\)/);
    expect(result.notes.join(' ')).toMatch(/too small to judge: a, b, c/);
  });

  it('to overall', async () => {
    const { result } = await runRecipe(fairness, { inputs: { predictions }, params: { method: 'to_overall', bootstrap: 0 } });
    const m = result.metrics as Record<string, number>;
    // mf.difference(method='to_overall'): tpr 0.1, fpr 0.666667, sel 0.194444; mf.ratio(…): tpr 0.8, fpr 0, sel 0.740741
    expect(m.demographic_parity_difference).toBeCloseTo(0.194444, 6);
    expect(m.demographic_parity_ratio).toBeCloseTo(0.740741, 6);
    expect(m.equal_opportunity_difference).toBeCloseTo(0.1, 12);
    expect(m.equalized_odds_difference).toBeCloseTo(0.666667, 6);
    expect(m.equalized_odds_ratio).toBe(0);
    expect(m.equal_opportunity_ratio).toBeCloseTo(0.8, 12);
    expect(m.false_positive_rate_difference).toBeCloseTo(0.666667, 6);
    // Precision to overall, recomputed: overall TP 6, FP 4 ⇒ 0.6; groups 1/3, 1, 1/2 ⇒ max |g − 0.6| = 0.4, min ratio (1/3)/0.6 = 5/9.
    expect(m.predictive_parity_difference).toBeCloseTo(0.4, 12);
    expect(m.predictive_parity_ratio).toBeCloseTo(5 / 9, 12);
  });
});

describe('fairness recipe', () => {
  it('bootstraps reproducible intervals near the normal approximation', async () => {
    const n = 400;
    const big = aq.table({
      y_true: Array.from({ length: 2 * n }, (_, i) => (i % 3 === 0 ? 1 : 0)),
      y_pred: Array.from({ length: 2 * n }, (_, i) => (i % 2 === 0 ? 1 : 0)),
      group: Array.from({ length: 2 * n }, (_, i) => (i < n ? 'x' : 'y')),
    });
    const a = await runRecipe(fairness, { inputs: { predictions: big }, params: { bootstrap: 1000, seed: 3 } });
    const b = await runRecipe(fairness, { inputs: { predictions: big }, params: { bootstrap: 1000, seed: 3 } });
    expect(a.result.metrics).toEqual(b.result.metrics);
    const x = (a.result.tables.by_group!.objects() as Row[])[0]!;
    expect(x.selection_rate).toBe(0.5);
    // Normal approximation for a proportion of 0.5 on 400 rows: ±1.96·√(0.25/400) = ±0.049
    const half = ((x.selection_rate_ci_high as number) - (x.selection_rate_ci_low as number)) / 2;
    expect(half).toBeGreaterThan(0.049 * 0.85);
    expect(half).toBeLessThan(0.049 * 1.15);
    const m = a.result.metrics as Record<string, number>;
    expect(m.demographic_parity_difference_ci_low).toBeLessThanOrEqual(m.demographic_parity_difference);
    expect(m.demographic_parity_difference_ci_high).toBeGreaterThan(m.demographic_parity_difference);
  });

  it('finds the planted lower TPR of 55+ on the shop, also intersectionally', async () => {
    const { tables } = generateShop({ seed: 42, customers: 4000 });
    const predictions = aq.from(tables.predictions!);
    const { result } = await runRecipe(fairness, { inputs: { predictions }, params: { group: 'age_group', bootstrap: 200 } });
    const rows = result.tables.by_group!.objects() as Row[];
    const lowest = [...rows].sort((p, q) => (p.tpr as number) - (q.tpr as number))[0]!;
    expect(lowest.group).toBe('55+');
    const others = rows.filter((r) => r.group !== '55+');
    expect(Math.min(...others.map((r) => r.tpr_ci_low as number))).toBeGreaterThan(lowest.tpr_ci_high as number);
    expect(result.metrics.equal_opportunity_difference).toBeGreaterThan(0.1);
    expect(result.notes.join(' ')).toMatch(/Equal opportunity difference is .* to [0-9.]+ \([0-9-]+\)|tpr runs from [0-9.]+ \(55\+\)/);
    expect(result.metrics.overall_auc).toBeGreaterThan(0.7);
    const inter = await runRecipe(fairness, { inputs: { predictions }, params: { group: 'age_group,segment', bootstrap: 0 } });
    expect((inter.result.tables.by_group!.objects() as Row[]).some((r) => /^55\+ \/ /.test(String(r.group)))).toBe(true);
  });

  it('measures exposure of item groups in the top k by hand', async () => {
    const items = aq.table({ item: ['i1', 'i2', 'i3', 'i4'], item_group: ['X', 'X', 'X', 'Y'] });
    const recommended = aq.table({ user: ['u1', 'u1', 'u1', 'u2', 'u2'], item: ['i1', 'i4', 'i2', 'i4', 'i1'], rank: [1, 2, 3, 2, 1] });
    const { result } = await runRecipe(fairness, { inputs: { predictions, recommended, items }, params: { k: 2, bootstrap: 0 } });
    const rows = result.tables.exposure!.objects() as Row[];
    // top 2: u1 → i1 (X), i4 (Y); u2 → i1 (X), i4 (Y). X: 2/4 of slots vs 3/4 of the catalogue.
    expect(rows[0]).toMatchObject({ item_group: 'X', catalogue_items: 3, catalogue_share: 0.75, exposures: 2, exposure_share: 0.5 });
    expect(rows[0]!.exposure_ratio).toBeCloseTo(2 / 3, 12);
    // weights 1/log2(1 + rank): X 1 + 1, Y 2/log2(3)
    expect(rows[0]!.weighted_exposure_share).toBeCloseTo(2 / (2 + 2 / Math.log2(3)), 12);
    expect(result.metrics.exposure_difference).toBeCloseTo(0.25, 12);
    expect(result.notes.join(' ')).toMatch(/Under-exposed in the top 2 .*X 50\.0% of slots vs 75\.0% of the catalogue/);
  });

  it('rejects bad input naming the column and the fix', async () => {
    const multi = aq.table({ y_true: [0, 1, 2], y_pred: [0, 1, 1], group: ['a', 'b', 'c'] });
    await expect(runRecipe(fairness, { inputs: { predictions: multi } })).rejects.toThrow(/y_true column\) has 3 different values/);
    const words = aq.table({ y_true: ['yes', 'no'], y_pred: ['yes', 'no'], group: ['a', 'b'] });
    await expect(runRecipe(fairness, { inputs: { predictions: words }, params: { pos_label: 'churned' } })).rejects.toThrow(/neither of which is pos_label churned/);
    await expect(runRecipe(fairness, { inputs: { predictions }, params: { group: 'gender' } })).rejects.toThrow(/has no column "gender" \(the group column\)/);
    const items = aq.table({ item: ['i1'], item_group: ['X'] });
    await expect(runRecipe(fairness, { inputs: { predictions, items } })).rejects.toThrow(/needs both optional inputs/);
    // Scores alone: y_pred = score ≥ cutoff
    const scored = aq.table({ y_true: [1, 0, 1, 0], y_score: [0.9, 0.6, 0.2, 0.1], group: ['a', 'a', 'b', 'b'] });
    const { result } = await runRecipe(fairness, { inputs: { predictions: scored }, params: { cutoff: 0.5, bootstrap: 0 } });
    expect((result.tables.by_group!.objects() as Row[]).map((r) => r.selection_rate)).toEqual([1, 0]);
  });
});
