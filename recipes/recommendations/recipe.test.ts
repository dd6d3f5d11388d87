import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { generateShop } from '../../datasets/shop/index.js';
import { runRecipe } from '../define-recipe.js';
import { recommendations } from './recipe.js';

// Microsoft Recommenders' public test fixtures (tests/unit/recommenders/evaluation/conftest.py) and
// expected values (test_python_evaluation.py, TOL 1e-4): rating_true is the relevant table (every
// listed item relevant: their default binary scoring), rating_pred the scored recommendations.
const ratingTrue = {
  user: [1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 1],
  item: [3, 1, 4, 5, 6, 7, 2, 5, 6, 8, 9, 10, 11, 12, 13, 14, 1, 2],
  rating: [3, 5, 5, 3, 3, 1, 5, 5, 5, 4, 4, 3, 3, 3, 2, 1, 5, 4],
};
const ratingPred = {
  user: [1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 1],
  item: [12, 10, 3, 5, 11, 13, 4, 10, 7, 13, 1, 3, 5, 2, 11, 14, 3, 10],
  score: [12, 14, 13, 12, 11, 10, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 14, 13],
};

async function metricsOf(recommended: aq.ColumnTable, relevant: aq.ColumnTable, params: Record<string, unknown>, catalog?: aq.ColumnTable) {
  const { result } = await runRecipe(recommendations, { inputs: { recommended, relevant, ...(catalog ? { catalog } : {}) }, params });
  return result;
}

describe('recommendations reproduces Microsoft Recommenders\' test values', () => {
  it('precision, recall, MAP and NDCG at 10 on rating_true / rating_pred', async () => {
    const { metrics: m } = await metricsOf(aq.table(ratingPred), aq.table(ratingTrue), { k: 10 });
    expect(m.precision_at_10).toBeCloseTo(0.26666, 4);
    expect(m.recall_at_10).toBeCloseTo(0.37777, 4);
    expect(m.map_at_10).toBeCloseTo(0.23613, 4);
    expect(m.ndcg_at_10).toBeCloseTo(0.38172, 4);
    expect(m.users).toBe(3);
  });

  it('perfect lists score 1 (recall, MAP, NDCG) and precision 0.6 because it divides by k', async () => {
    const perfect = aq.table({ user: ratingTrue.user, item: ratingTrue.item, score: ratingTrue.rating });
    const { metrics: m } = await metricsOf(perfect, aq.table(ratingTrue), { k: 10 });
    expect(m.precision_at_10).toBeCloseTo(0.6, 12);
    expect(m.recall_at_10).toBeCloseTo(1, 12);
    expect(m.map_at_10).toBeCloseTo(1, 12);
    expect(m.ndcg_at_10).toBeCloseTo(1, 12);
    const sameItems = aq.table({ user: [1, 1, 1, 2, 2, 2], item: [1, 2, 3, 1, 2, 3], score: [5, 4, 3, 5, 5, 3] });
    const r = await metricsOf(sameItems, sameItems, { k: [3, 5] });
    expect(r.metrics.precision_at_3).toBe(1);
    expect(r.metrics.precision_at_5).toBeCloseTo(0.6, 12);
  });

  it('scores lists with no hit as 0', async () => {
    const nohit = aq.table({ user: ratingPred.user, item: ratingPred.item.map(() => 100), score: ratingPred.score });
    const { metrics: m } = await metricsOf(nohit, aq.table(ratingTrue), { k: 10 });
    for (const key of ['precision_at_10', 'recall_at_10', 'map_at_10', 'ndcg_at_10', 'hit_rate_at_10', 'mrr']) expect(m[key]).toBe(0);
  });

  it('graded NDCG with log2 discount: the Wikipedia example (0.785)', async () => {
    const relevant = aq.table({ user: Array(8).fill(0), item: [0, 1, 2, 3, 4, 5, 6, 7], relevance: [3, 2, 3, 0, 1, 2, 3, 2] });
    const recommended = aq.table({ user: Array(6).fill(0), item: [0, 1, 2, 3, 4, 5], score: [6, 5, 4, 3, 2, 1] });
    const { metrics: m } = await metricsOf(recommended, relevant, { k: 6 });
    expect(m.ndcg_at_6).toBeCloseTo(0.785, 3);
  });

  it('catalogue coverage (catalog_coverage test: 0.8)', async () => {
    const train = aq.table({ item: [1, 2, 4, 3, 4, 3, 4, 5] });
    const reco = aq.table({ user: [1, 1, 2, 2, 3, 3], item: [3, 5, 2, 5, 1, 2], rank: [1, 2, 1, 2, 1, 2] });
    const relevant = aq.table({ user: [1, 2, 3], item: [3, 2, 1] });
    const { metrics: m } = await metricsOf(reco, relevant, { k: 2 }, train);
    expect(m.coverage).toBeCloseTo(0.8, 12);
    // Hand check of hit rate and MRR on the same lists: every user's first item is relevant.
    expect(m.hit_rate_at_2).toBe(1);
    expect(m.mrr).toBe(1);
  });
});

describe('recommendations on the bookstore', () => {
  it('personalized lists recall more than best-seller lists (planted), per segment', async () => {
    const { tables, truth } = generateShop({ seed: 42, customers: 1500 });
    const variant = new Map(tables.customers.map((c) => [c.customer_id as string, c.variant as string]));
    const recommended = aq.from(tables.recommended.map((r) => ({ ...r, variant: variant.get(r.user as string) ?? 'unknown' })));
    const { metrics: m, tables: out, notes } = await metricsOf(recommended, aq.from(tables.relevant), { k: [5, 10], segment: 'variant' });
    const seg = out.segments.objects() as Record<string, number | string>[];
    const of = (name: string) => seg.find((s) => s.segment === name)!;
    expect(of('personalized').recall_at_10 as number).toBeGreaterThan(of('control').recall_at_10 as number);
    expect(m.ndcg_at_10 as number).toBeGreaterThan(0);
    expect(truth.recommendations).toBeDefined();
    expect(notes[0]).toMatch(/at least one relevant item/);
  });

  it('names the missing column and the fix', async () => {
    const recommended = aq.table({ user: [1], item: [2] });
    await expect(runRecipe(recommendations, { inputs: { recommended, relevant: aq.table({ user: [1], item: [2] }) } })).rejects.toThrow(/neither a rank column "rank" nor a score column "score"/);
    await expect(runRecipe(recommendations, { inputs: { recommended: aq.table({ user: [1], item: [2], score: [1] }), relevant: aq.table({ user: [9], item: [2] }) } })).rejects.toThrow(/No user is in both/);
  });
});
