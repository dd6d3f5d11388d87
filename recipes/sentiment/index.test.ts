import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { runRecipe } from '../define-recipe.js';
import { sentiment } from './index.js';
import { spearman } from './summary.js';

const texts = aq.from([
  { id: 'a', text: 'The book was good.', segment: 'x', stars: 4 },
  { id: 'b', text: 'VADER is not smart, handsome, nor funny.', segment: 'x', stars: 1 },
  { id: 'c', text: 'Make sure you :) or :D today!', segment: 'x', stars: 5 },
  { id: 'd', text: 'Today SUX!', segment: 'y', stars: 2 },
  { id: 'e', text: 'It arrived on Tuesday.', segment: 'y', stars: 5 },
]);

type Row = Record<string, number | string | null>;

describe('sentiment recipe', () => {
  it('scores each text, summarizes groups with t intervals and compares with ratings', async () => {
    const { result } = await runRecipe(sentiment, { inputs: { texts }, params: { group: 'segment', rating: 'stars' } });
    const rows = result.tables.texts!.objects() as Row[];
    expect(rows.map((r) => r.compound)).toEqual([0.4404, -0.7424, 0.8633, -0.5461, 0]);
    expect(rows.map((r) => r.label)).toEqual(['positive', 'negative', 'positive', 'negative', 'neutral']);
    const x = (result.tables.groups!.objects() as Row[]).find((g) => g.group === 'x')!;
    const mean = (0.4404 - 0.7424 + 0.8633) / 3;
    const sd = Math.sqrt(((0.4404 - mean) ** 2 + (-0.7424 - mean) ** 2 + (0.8633 - mean) ** 2) / 2);
    // scipy.stats.t.ppf(0.975, 2) = 4.302652729911275
    expect(x.mean_compound).toBeCloseTo(mean, 12);
    expect(x.ci_high).toBeCloseTo(mean + (4.302652729911275 * sd) / Math.sqrt(3), 9);
    expect(x.share_positive).toBeCloseTo(2 / 3, 12);
    const m = result.metrics;
    expect(m.mean_compound).toBeCloseTo((0.4404 - 0.7424 + 0.8633 - 0.5461) / 5, 12);
    expect(m.share_negative).toBe(0.4);
    // compound ranks 4,1,5,2,3 vs star ranks 3,1,4.5,2,4.5 (ties averaged): scipy.stats.spearmanr → 8/√95
    expect(m.rating_correlation).toBeCloseTo(8 / Math.sqrt(95), 12);
    // rating midpoint 3: all five are off it; the neutral text rated 5 is the one miss
    expect(m.rating_agreement).toBe(0.8);
    expect(m.rated_texts).toBe(5);
    expect(result.charts[0]!.id).toBe('compound-distribution');
    expect(result.notes.join(' ')).toMatch(/Spearman rank correlation of 0\.821/);
  });

  it('keeps empty texts in the table but out of the summaries', async () => {
    const withEmpty = aq.from([{ text: 'The book was good.', stars: 5 }, { text: '', stars: 1 }, { text: null, stars: 1 }, { text: 'Today SUX!', stars: 1 }, { text: 'It arrived.', stars: 3 }]);
    const { result } = await runRecipe(sentiment, { inputs: { texts: withEmpty }, params: { rating: 'stars' } });
    expect(result.tables.texts!.array('compound')).toEqual([0.4404, 0, 0, -0.5461, 0]);
    expect(result.tables.texts!.array('id')).toEqual(['1', '2', '3', '4', '5']);
    expect(result.metrics.scored_texts).toBe(3);
    expect(result.metrics.mean_compound).toBeCloseTo((0.4404 - 0.5461) / 3, 12);
    expect(result.metrics.rated_texts).toBe(2); // the 3-star text sits on the rating midpoint
    expect(result.notes.join(' ')).toMatch(/2 text\(s\) are empty/);
    await expect(runRecipe(sentiment, { inputs: { texts: aq.from([{ text: '' }]) } })).rejects.toThrow(/every value of the text column "text" is empty/);
  });

  it('computes Spearman with average ranks for ties like scipy', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 20, 40])).toBeCloseTo(0.9486832980505138, 14);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
  });

  it('rejects bad input naming the column and the fix', async () => {
    await expect(runRecipe(sentiment, { inputs: { texts }, params: { text: 'body' } })).rejects.toThrow(/texts has no column "body"/);
    await expect(runRecipe(sentiment, { inputs: { texts }, params: { rating: 'segment' } })).rejects.toThrow(/segment/);
    await expect(runRecipe(sentiment, { inputs: { texts }, params: { textt: 'x' } as never })).rejects.toThrow(/textt/);
    await expect(runRecipe(sentiment, { inputs: { texts: texts.slice(0, 2) }, params: { rating: 'stars' } })).rejects.toThrow(/only 2 non-empty text\(s\) have a number in the rating column "stars"/);
  });

  it('agrees with star ratings on 1,000 women\'s clothing reviews', async () => {
    const csv = readFileSync(new URL('../../datasets/open/womens_clothing_reviews_sample.csv', import.meta.url), 'utf8');
    const reviews = aq.fromCSV(csv).filter((d: Record<string, unknown>) => d['Review Text'] !== null && d['Department Name'] !== null);
    const { result } = await runRecipe(sentiment, { inputs: { texts: reviews }, params: { text: 'Review Text', id: 'row', rating: 'Rating', group: 'Department Name' } });
    expect(result.metrics.rating_correlation as number).toBeGreaterThan(0.4);
    expect(result.metrics.rating_agreement as number).toBeGreaterThan(0.7);
    expect(result.tables.groups!.numRows()).toBeGreaterThan(3);
  });

  it('beats chance clearly on the UCI labelled Yelp sentences', async () => {
    const lines = readFileSync(new URL('../../datasets/open/yelp_labelled_sentences.txt', import.meta.url), 'utf8').trim().split(/\r?\n/);
    const rows = lines.map((l, i) => {
      const tab = l.lastIndexOf('\t');
      return { id: i + 1, text: l.slice(0, tab), label: Number(l.slice(tab + 1)) };
    });
    const { result } = await runRecipe(sentiment, { inputs: { texts: aq.from(rows) }, params: { rating: 'label' } });
    // 500/500 balanced, so chance is 50%; this implementation gets 81.7% (point-biserial ρ 0.687)
    expect(result.metrics.rating_agreement as number).toBeGreaterThan(0.78);
    expect(result.metrics.rating_correlation as number).toBeGreaterThan(0.6);
  });
});
