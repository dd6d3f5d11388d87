import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { runRecipe } from '../define-recipe.js';
import { psychographic } from './index.js';
import { compile, match, stem, tokenize } from './tokenize.js';
import { generateShop } from '../../datasets/shop/index.js';

type Row = Record<string, unknown>;
const lexicon = { collecting: ['rare', 'edition'], value: ['bargain*', 'cheap'] };
const dimensions = ['collecting', 'value'];

describe('psychographic recipe', () => {
  it('stems plurals and tokenizes lowercase', () => {
    expect(tokenize("Rare, SIGNED editions! Tom's")).toEqual(['rare', 'signed', 'editions', 'toms']);
    expect(['editions', 'stories', 'boxes', 'glass', 'classes'].map(stem)).toEqual(['edition', 'story', 'box', 'glass', 'class']);
    const m = [...compile('collecting', ['first edition*', 'rare']), ...compile('emotive', ['love*'])];
    expect(match(tokenize('Loved the first editions, rare first prints, RARE!'), m)).toEqual([
      { word: 'first editions', label: 'collecting' },
      { word: 'rare', label: 'collecting' },
      { word: 'rare', label: 'collecting' },
      { word: 'loved', label: 'emotive' },
    ]);
  });

  it('computes profiles, cosine, dot and intensity by hand on tiny inputs', async () => {
    const texts = aq.from([
      { customer_id: 'A', text: 'Rare editions! A rare bargain.' },
      { customer_id: 'B', text: 'Nothing to see here' },
    ]);
    const interactions = aq.from([
      { customer_id: 'A', tags: 'gems;deals', clicks: 2 },
      { customer_id: 'A', tags: 'gems', clicks: 1 },
      { customer_id: 'C', tags: 'deals', clicks: 4 },
    ]);
    const { result } = await runRecipe(psychographic, {
      inputs: { texts, interactions },
      params: { dimensions, lexicon, tags: { gems: ['collecting'], deals: { value: 0.5 } }, engagement: 'clicks', brand: { collecting: 3, value: 4 } },
    });
    const rows = result.tables.profiles!.objects() as Row[];
    const a = rows.find((r) => r.customer === 'A')!;
    // A: words rare ×2, editions ×1 (collecting 3), bargain ×1 (value 1); tags gems 2+1=3 → collecting 3, deals 2·0.5=1 → value 1.
    // raw (6, 2) → profile (0.75, 0.25); brand (3, 4): cosine = (2.25 + 1) / (|(0.75,0.25)|·5)
    expect(a.collecting).toBeCloseTo(0.75, 12);
    expect(a.value).toBeCloseTo(0.25, 12);
    expect(a.value_alignment_score).toBeCloseTo(3.25 / (Math.sqrt(0.625) * 5), 12);
    // content shares (3, 1)/4 → (0.75, 0.25); resonance = 0.75² + 0.25² = 0.625
    expect(a.content_resonance_score).toBeCloseTo(0.625, 12);
    // intensity: 0 emotive words + 1 "!" over 5 tokens = 0.2; engagement 2 + 1 = 3
    expect(a.emotional_intensity).toBeCloseTo(0.2, 12);
    expect(a.emotional_engagement).toBeCloseTo(0.6, 12);
    expect(a.top_words).toBe('rare (collecting) ×2, bargain (value) ×1, editions (collecting) ×1');
    expect(a.top_tags).toBe('gems ×3 → collecting, deals ×2 → value');
    // B has no signal: null scores, never NaN; C only deals → profile (0, 1), cosine 4/5.
    const b = rows.find((r) => r.customer === 'B')!;
    expect([b.collecting, b.value, b.value_alignment_score, b.content_resonance_score, b.emotional_engagement]).toEqual([null, null, null, null, 0]);
    const c = rows.find((r) => r.customer === 'C')!;
    expect(c.value_alignment_score).toBeCloseTo(0.8, 12);
    expect(c.emotional_engagement).toBeNull();
    expect(result.metrics.customers_without_signal).toBe(1);
    expect(result.metrics.mean_value_alignment_score).toBeCloseTo(((a.value_alignment_score as number) + 0.8) / 2, 12);
    expect(result.notes.join(' ')).toMatch(/1 of 3 customers matched no lexicon word/);
    expect(result.notes.join(' ')).toMatch(/documented heuristic/);
    const dims = result.tables.dimensions!.objects() as Row[];
    expect(dims.map((d) => [d.dimension, d.customers_with_signal])).toEqual([['collecting', 1], ['value', 2]]);
    expect(JSON.stringify(result)).not.toMatch(/NaN/);
  });

  it('takes a brand table and one tag per row without engagement', async () => {
    const interactions = aq.from([{ customer_id: 1, tags: 'rare editions' }, { customer_id: 1, tags: 'sale' }, { customer_id: 1, tags: 'unknown thing' }]);
    const brand = aq.from([{ dimension: 'collecting', weight: 1 }]);
    const { result } = await runRecipe(psychographic, { inputs: { interactions, brand }, params: {} });
    const r = (result.tables.profiles!.objects() as Row[])[0]!;
    // rare editions → collecting 1, prestige 1; sale → value 1: profile thirds, cosine with e_collecting = (1/3)/√(3/9)
    expect(r.collecting).toBeCloseTo(1 / 3, 12);
    expect(r.value_alignment_score).toBeCloseTo(1 / Math.sqrt(3), 12);
    expect(result.notes.join(' ')).toMatch(/"unknown thing" \(1\)/);
  });

  it('errors name the column, dimension or parameter', async () => {
    const texts = aq.from([{ customer_id: 'A', body: 'rare' }]);
    await expect(runRecipe(psychographic, { inputs: { texts } })).rejects.toThrow(/texts has no column "text" \(the text column\)/);
    await expect(runRecipe(psychographic, { inputs: { texts }, params: { text: 'body', dimensions: ['thrift'] } })).rejects.toThrow(/dimension "thrift" has no lexicon words/);
    await expect(runRecipe(psychographic, { inputs: { texts }, params: { text: 'body', brand: { colecting: 1 } } })).rejects.toThrow(/brand profile names dimension "colecting"/);
    const interactions = aq.from([{ customer_id: 'A', tags: 'sale', minutes: 'lots' }]);
    await expect(runRecipe(psychographic, { inputs: { interactions }, params: { engagement: 'minutes' } })).rejects.toThrow(/interactions.minutes \(the engagement column\)/);
    await expect(runRecipe(psychographic, { inputs: { interactions, brand: aq.from([{ dimension: 'value', w: 1 }]) } })).rejects.toThrow(/brand has no column "weight"/);
    await expect(runRecipe(psychographic, { inputs: {} })).rejects.toThrow(/texts.*and\/or.*interactions/);
    await expect(runRecipe(psychographic, { inputs: { texts }, params: { text: 'body', stray: 1 } })).rejects.toThrow(/stray/);
  });

  it('finds collectors highest on collecting in the generated bookstore', async () => {
    const { tables } = generateShop({ seed: 7, customers: 1500 });
    const segment = new Map((tables.customers as Row[]).map((c) => [c.customer_id, c.segment]));
    const orders = aq.from((tables.orders as Row[]).map((o) => ({ customer_id: o.customer_id, category: o.category, segment: segment.get(o.customer_id) })));
    const { result } = await runRecipe(psychographic, { inputs: { texts: aq.from(tables.reviews!), interactions: orders }, params: { group: 'segment', brand: { collecting: 1, prestige: 1 } } });
    const groups = result.tables.groups!.objects() as Row[];
    const collecting = groups.filter((g) => g.dimension === 'collecting').sort((x, y) => (y.mean as number) - (x.mean as number));
    expect(collecting[0]!.group).toBe('collector');
    expect(collecting[0]!.mean as number).toBeGreaterThan(2 * (collecting[1]!.mean as number));
    const profiles = result.tables.profiles!.objects() as Row[];
    const align = (s: string) => {
      const v = profiles.filter((p) => p.group === s).map((p) => p.value_alignment_score as number);
      return v.reduce((a, b) => a + b, 0) / v.length;
    };
    expect(align('collector')).toBeGreaterThan(align('bargain_hunter'));
    expect(result.charts[0]!.id).toBe('mean-profile');
  });
});
