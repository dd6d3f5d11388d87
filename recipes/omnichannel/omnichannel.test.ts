import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { runRecipe } from '../define-recipe.js';
import { omnichannel } from './index.js';
import { generateShop } from '../../datasets/shop/index.js';
import { CATEGORIES } from '../../datasets/shop/design.js';

const t = (journey_id: string, day: number, channel: string, personalized: number, offer: string, converted: number) => ({
  journey_id, timestamp: `2025-01-${String(day).padStart(2, '0')}`, channel, personalized, offer, converted,
});
// j1: email(P poetry) → web(P poetry) → email, converted; j2: email(P poetry) → web(P history); j3: search only, converted;
// j4: web(P fiction) → web(P fiction) → search, converted (personalized on one channel only).
const touchpoints = aq.from([
  t('j1', 3, 'web', 1, 'poetry', 1), t('j1', 1, 'email', 1, 'poetry', 1), t('j1', 5, 'email', 0, 'fiction', 1),
  t('j2', 1, 'email', 1, 'poetry', 0), t('j2', 2, 'web', 1, 'history', 0),
  t('j3', 1, 'search', 0, 'fiction', 1),
  t('j4', 1, 'web', 1, 'fiction', 1), t('j4', 2, 'web', 1, 'fiction', 1), t('j4', 3, 'search', 0, 'poetry', 1),
]);
type Row = Record<string, number | string>;

describe('omnichannel recipe', () => {
  it('computes every measure as by hand', async () => {
    const { result } = await runRecipe(omnichannel, { inputs: { touchpoints } });
    const m = result.metrics;
    expect(m.journeys).toBe(4);
    expect(m.multichannel_journeys).toBe(3); // j1, j2, j4
    expect(m.channels_per_journey).toBe((2 + 2 + 1 + 2) / 4);
    expect(m.journey_completion_rate).toBeCloseTo(2 / 3, 14); // j1 and j4 of the three
    expect(m.single_channel_completion_rate).toBe(1);
    // Only j1 and j2 have personalized touches on two channels; j1 agrees, j2 does not.
    expect(m.consistency_journeys).toBe(2);
    expect(m.consistency_score).toBe(0.5);
    // Hand-offs: j1 email→web, web→email; j2 email→web; j4 web→web, web→search ⇒ 4 of 5 switch channel
    expect(m.channel_switch_rate).toBe(0.8);
    const h = result.tables.handoffs!.objects() as Row[];
    expect(h).toContainEqual({ from: 'email', to: 'web', count: 2, share: 1 });
    expect(h).toContainEqual({ from: 'web', to: 'search', count: 1, share: 1 / 3 });
    expect(result.charts.map((c) => c.id)).toEqual(['handoffs', 'completion-by-channels']);
    expect(result.notes.join(' ')).toMatch(/2 of 3 multi-channel journeys converted/);
  });

  it('restricts to the chosen channels and explains missing columns', async () => {
    const { result } = await runRecipe(omnichannel, { inputs: { touchpoints }, params: { channels: 'email,web' } });
    expect(result.metrics.journeys).toBe(3);
    expect(result.notes.join(' ')).toMatch(/2 touches on channels outside/);
    const bare = touchpoints.select('journey_id', 'timestamp', 'channel');
    const r = await runRecipe(omnichannel, { inputs: { touchpoints: bare } });
    expect(r.result.metrics.journey_completion_rate).toBeNull();
    expect(r.result.metrics.consistency_score).toBeNull();
    expect(r.result.notes.join(' ')).toMatch(/no converted column.*no personalized column/s);
    await expect(runRecipe(omnichannel, { inputs: { touchpoints }, params: { channels: ['fax'] } })).rejects.toThrow(/"fax", which never appear/);
    await expect(runRecipe(omnichannel, { inputs: { touchpoints }, params: { offer: 'deal' } })).rejects.toThrow(/no column "deal" \(the offer column\)/);
  });

  it('recovers the shop’s planted offer consistency (0.85 per personalized touch)', async () => {
    const { tables, truth } = generateShop({ seed: 11, customers: 4000 });
    const q = (truth as { attribution: { offer_consistency: number } }).attribution.offer_consistency;
    const { result } = await runRecipe(omnichannel, { inputs: { touchpoints: aq.from(tables.touchpoints!) } });
    // A personalized touch shows the favourite with probability a = q + (1 − q)/C, any other category
    // with b = (1 − q)/C; k personalized touches all agree with probability a^k + (C − 1)·b^k.
    const C = CATEGORIES.length;
    const a = q + (1 - q) / C;
    const b = (1 - q) / C;
    const byJourney = new Map<string, { channels: Set<string>; k: number; all: Set<string> }>();
    for (const r of tables.touchpoints!) {
      const e = byJourney.get(String(r.journey_id)) ?? { channels: new Set(), k: 0, all: new Set() };
      e.all.add(String(r.channel));
      if (r.personalized === 1) {
        e.channels.add(String(r.channel));
        e.k++;
      }
      byJourney.set(String(r.journey_id), e);
    }
    const eligible = [...byJourney.values()].filter((e) => e.channels.size >= 2);
    const probs = eligible.map((e) => a ** e.k + (C - 1) * b ** e.k);
    const expected = probs.reduce((s, p) => s + p, 0) / probs.length;
    const se = Math.sqrt(probs.reduce((s, p) => s + p * (1 - p), 0)) / probs.length;
    expect(result.metrics.consistency_journeys).toBe(eligible.length);
    expect(Math.abs((result.metrics.consistency_score as number) - expected)).toBeLessThan(3 * se);
    // Planted: every extra channel adds to the conversion log-odds, so multi-channel journeys convert more.
    expect(result.metrics.journey_completion_rate as number).toBeGreaterThan(result.metrics.single_channel_completion_rate as number);
  });
});
