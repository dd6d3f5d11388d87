import * as aq from 'arquero';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { runRecipe } from '../define-recipe.js';
import { aucFromCounts } from './auc.js';
import { fairness } from './index.js';

// AUC by its definition: the share of (positive, negative) pairs ranked right, ties counting half.
function pairwiseAuc(scores: number[], positive: number[]): number {
  let wins = 0;
  let pairs = 0;
  scores.forEach((s, i) => {
    if (!positive[i]) return;
    scores.forEach((t, j) => {
      if (positive[j]) return;
      pairs++;
      wins += s > t ? 1 : s === t ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

describe('fairness from aggregated counts', () => {
  it('computes the AUC from rows counted per distinct score, ties included', () => {
    expect(aucFromCounts({ score: [0.8, 0.1, 0.4, 0.35], positive: [1, 0, 0, 1], negative: [0, 1, 1, 0] })).toBe(0.75);
    expect(aucFromCounts({ score: [1], positive: [3], negative: [0] })).toBeNaN();
  });

  it('gives the same per-group and overall AUC as the pairwise definition, with only counts fetched', async () => {
    const rng = seedrandom('auc');
    const n = 600;
    const group = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'a' : 'b'));
    const y_true = Array.from({ length: n }, () => (rng() < 0.4 ? 1 : 0));
    // Scores rounded to two decimals, so many ties, and the AUC needs only ~100 distinct scores per group.
    const y_score = y_true.map((t) => Math.round(100 * Math.min(1, Math.max(0, 0.5 + (t ? 0.15 : -0.1) + 0.3 * (rng() - 0.5)))) / 100);
    const predictions = aq.table({ y_true, y_score, group });
    const { result, engine } = await runRecipe(fairness, { inputs: { predictions }, params: { bootstrap: 0 } });
    const rows = result.tables.by_group!.objects() as { group: string; auc: number; count: number }[];
    for (const row of rows) {
      const idx = group.map((g, i) => (g === row.group ? i : -1)).filter((i) => i >= 0);
      expect(row.auc).toBeCloseTo(pairwiseAuc(idx.map((i) => y_score[i]!), idx.map((i) => y_true[i]!)), 12);
    }
    expect(result.metrics.overall_auc).toBeCloseTo(pairwiseAuc(y_score, y_true), 12);
    expect(engine?.rows_fetched).toBeLessThan(n / 2);
  });

  it('names the column and the fix for a score that is not a number or an empty label', async () => {
    const scored = aq.table({ y_true: [1, 0], y_score: ['0.9', 'high'], group: ['a', 'b'] });
    await expect(runRecipe(fairness, { inputs: { predictions: scored } })).rejects.toThrow(/predictions\.y_score \(the y_score column\) has "high" in 1 row, which is not a number/);
    const empty = aq.table({ y_true: [1, null], y_pred: [1, 0], group: ['a', 'b'] });
    await expect(runRecipe(fairness, { inputs: { predictions: empty } })).rejects.toThrow(/predictions\.y_true \(the y_true column\) is empty in 1 row/);
    const noGroup = aq.table({ y_true: [1, 0], y_pred: [1, 0], group: ['a', null] });
    await expect(runRecipe(fairness, { inputs: { predictions: noGroup } })).rejects.toThrow(/predictions\.group \(the group column\) has null in 1 row/);
  });
});
