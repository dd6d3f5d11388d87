import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { runRecipe } from '../define-recipe.js';
import { attribution } from './index.js';
import { generateShop } from '../../datasets/shop/index.js';

describe('attribution recipe', () => {
  it('reports the personalized share per model from channels or a personalized column', async () => {
    const paths = aq.from([
      { path: 'email > search', conversions: 2, value: 20, nulls: 3 },
      { path: 'search', conversions: 1, value: 5, nulls: 6 },
    ]);
    const { result, params } = await runRecipe(attribution, { inputs: { paths }, params: { personalized_channels: 'email', models: ['first', 'last', 'markov'] } });
    expect(params.separator).toBe(' > ');
    expect(result.metrics.personalization_share_first).toBeCloseTo(2 / 3, 14);
    expect(result.metrics.personalization_share_last).toBe(0);
    expect(result.metrics.personalization_share).toBe(result.metrics.personalization_share_markov);
    expect(result.charts[0]!.id).toBe('attribution-models');
    expect(result.notes.join(' ')).toMatch(/Only 3 conversions/);

    const touchpoints = aq.from([
      { journey_id: 1, timestamp: '2025-01-01', channel: 'email', personalized: 1, converted: 0, value: 0 },
      { journey_id: 1, timestamp: '2025-01-02', channel: 'email', personalized: 0, converted: 1, value: 30 },
    ]);
    const t = await runRecipe(attribution, { inputs: { touchpoints }, params: { models: ['first', 'last', 'shapley'] } });
    expect(t.result.metrics.personalization_share_first).toBe(1);
    expect(t.result.metrics.personalization_share_last).toBe(0);
    // Shapley credits the channel; its personalized half of the touches takes half the credit.
    expect(t.result.metrics.personalization_share_shapley).toBe(0.5);
    expect(t.result.tables.credits!.get('value', 0)).toBe(30);
  });

  it('leaves time_decay out for paths with a note, and rejects bad input clearly', async () => {
    const paths = aq.from([{ path: 'a;b', conversions: 1 }]);
    const { result } = await runRecipe(attribution, { inputs: { paths }, params: { separator: ';' } });
    expect(result.metrics.personalization_share).toBeNull();
    expect(result.notes.join(' ')).toMatch(/time_decay needs touch timestamps/);
    await expect(runRecipe(attribution, { inputs: { paths: aq.from([{ path: 'a >> b', conversions: 1 }]) } })).rejects.toThrow(/empty channel in row 1/);
    await expect(runRecipe(attribution, { inputs: { paths: aq.from([{ path: 'a', conversions: 0 }]) } })).rejects.toThrow(/no conversions to attribute/);
    await expect(runRecipe(attribution, { inputs: { paths }, params: { models: ['magic'] } })).rejects.toThrow(/parameter "models/);
    await expect(runRecipe(attribution, { inputs: { paths }, params: { models: 'first,magic' } })).rejects.toThrow(/parameter "models/);
    await expect(runRecipe(attribution, { inputs: { paths }, params: { conversions: 'total' } })).rejects.toThrow(/paths has no column "total" \(the conversions column\)/);
    const tp = aq.from([{ journey_id: 'j', timestamp: 'yesterday', channel: 'a', converted: 1 }]);
    await expect(runRecipe(attribution, { inputs: { touchpoints: tp } })).rejects.toThrow(/not a date/);
  });

  it('on the generated shop: credit sums to the conversions and the strongest planted channel beats the weakest', async () => {
    const { tables, truth } = generateShop({ seed: 7, customers: 4000 });
    const effect = (truth as { attribution: { channel_effect: Record<string, number> } }).attribution.channel_effect;
    const { result } = await runRecipe(attribution, { inputs: { touchpoints: aq.from(tables.touchpoints!) }, params: { order: 2 } });
    const credits = result.tables.credits!.objects() as { model: string; channel: string; conversions: number }[];
    for (const model of ['first', 'last', 'linear', 'position', 'time_decay', 'markov', 'shapley']) {
      expect(credits.filter((r) => r.model === model).reduce((s, r) => s + r.conversions, 0)).toBeCloseTo(result.metrics.conversions as number, 8);
    }
    // Credit per journey that used the channel: recommendation (effect 0.8) earns more than display (0.05).
    const journeysWith = new Map<string, Set<unknown>>();
    for (const t of tables.touchpoints!) journeysWith.set(String(t.channel), (journeysWith.get(String(t.channel)) ?? new Set()).add(t.journey_id));
    const perJourney = (channel: string) => credits.find((r) => r.model === 'shapley' && r.channel === channel)!.conversions / journeysWith.get(channel)!.size;
    expect(effect.recommendation).toBeGreaterThan(effect.display!);
    expect(perJourney('recommendation')).toBeGreaterThan(1.5 * perJourney('display'));
    // Personalized touches only exist on email and recommendation: a real but minority share.
    expect(result.metrics.personalization_share).toBeGreaterThan(0.1);
    expect(result.metrics.personalization_share).toBeLessThan(0.6);
  });
});
