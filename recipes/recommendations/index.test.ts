import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { generateShop } from '../../datasets/shop/index.js';
import { runRecipe } from '../define-recipe.js';
import { recommendations } from './index.js';

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

// sklearn's ndcg_score and dcg_score documentation examples (scikit-learn.org, sklearn.metrics):
// true_relevance [[10, 0, 0, 1, 5]] against three score vectors.
describe('recommendations: DCG, NDCG and ties as sklearn', () => {
  const relevant = aq.table({ user: [1, 1, 1, 1, 1], item: ['a', 'b', 'c', 'd', 'e'], relevance: [10, 0, 0, 1, 5] });
  // The docs print truncated values ("0.69..."): compare the leading digits.
  const leading = (x: unknown, digits: number) => Math.floor((x as number) * 10 ** digits) / 10 ** digits;
  const scored = (score: number[]) => aq.table({ user: [1, 1, 1, 1, 1], item: ['a', 'b', 'c', 'd', 'e'], score });

  it('ndcg_score 0.69…, dcg_score 9.49… and 5.63 at k=2 for scores [.1, .2, .3, 4, 70]', async () => {
    const { metrics: m } = await metricsOf(scored([0.1, 0.2, 0.3, 4, 70]), relevant, { k: [2, 5] });
    expect(leading(m.ndcg_at_5, 2)).toBe(0.69);
    expect(leading(m.dcg_at_5, 2)).toBe(9.49);
    expect(leading(m.dcg_at_2, 2)).toBe(5.63);
    expect(m.idcg_at_5).toBeCloseTo(10 + 5 / Math.log2(3) + 1 / Math.log2(4), 12);
  });

  it('ndcg_score 0.49… (all), 0.35… at k=4 and 0.0 at k=1 for scores [.05, 1.1, 1., .5, .0]', async () => {
    const { metrics: m } = await metricsOf(scored([0.05, 1.1, 1.0, 0.5, 0.0]), relevant, { k: [1, 4, 5] });
    expect(leading(m.ndcg_at_5, 2)).toBe(0.49);
    expect(leading(m.ndcg_at_4, 2)).toBe(0.35);
    expect(m.ndcg_at_1).toBe(0);
  });

  it('tied scores [1, 0, 0, 0, 1] at k=1: ties average gives sklearn\'s 0.75 (dcg 7.5), ties first 1.0', async () => {
    const avg = await metricsOf(scored([1, 0, 0, 0, 1]), relevant, { k: 1 });
    expect(avg.metrics.ndcg_at_1).toBeCloseTo(0.75, 12);
    expect(avg.metrics.dcg_at_1).toBeCloseTo(7.5, 12);
    const first = await metricsOf(scored([1, 0, 0, 0, 1]), relevant, { k: 1, ties: 'first' });
    expect(first.metrics.ndcg_at_1).toBe(1);
  });

  it('R-precision: relevant items found in the top R, R = the user\'s relevant count (hand count)', async () => {
    // user 1: relevant a, d, e (R = 3), list e, b, a, d, c → e and a in the top 3 → 2/3.
    // user 2: relevant x (R = 1), list y, x → 0.
    const rec = aq.table({ user: [1, 1, 1, 1, 1, 2, 2], item: ['e', 'b', 'a', 'd', 'c', 'y', 'x'], rank: [1, 2, 3, 4, 5, 1, 2] });
    const rel = aq.table({ user: [1, 1, 1, 2], item: ['a', 'd', 'e', 'x'] });
    const { metrics: m } = await metricsOf(rec, rel, { k: 5 });
    expect(m.r_precision).toBeCloseTo((2 / 3 + 0) / 2, 12);
  });
});
