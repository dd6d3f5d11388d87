import * as aq from 'arquero';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { runRecipe } from '../define-recipe.js';
import { attribution } from './index.js';

type Credit = { model: string; channel: string; conversions: number; value: number };

describe('attribution from touchpoints aggregated in SQL', () => {
  // Journeys of 1–5 touches a day or more apart (no ties), a third converting with a value.
  const rng = seedrandom('paths');
  const channels = ['email', 'search', 'social', 'display'];
  const rows: Record<string, unknown>[] = [];
  const journeys: { touches: { channel: string; day: number; personal: boolean }[]; converted: boolean; value: number }[] = [];
  for (let j = 0; j < 300; j++) {
    const n = 1 + Math.floor(rng() * 5);
    let day = Math.floor(rng() * 30);
    const touches = Array.from({ length: n }, () => ({ channel: channels[Math.floor(rng() * 4)]!, day: (day += 1 + Math.floor(rng() * 6)), personal: rng() < 0.3 }));
    const converted = rng() < 0.35;
    const value = converted ? Math.round(rng() * 100) : 0;
    journeys.push({ touches, converted, value });
    // Rows in shuffled order: the path comes from the timestamps, not the row order.
    for (const t of [...touches].reverse()) {
      rows.push({ journey_id: `j${j}`, timestamp: new Date(Date.UTC(2025, 0, 1 + t.day)).toISOString(), channel: t.channel, converted: converted ? 1 : 0, value, personalized: t.personal ? 1 : 0 });
    }
  }
  const touchpoints = aq.from(rows);

  it('gives every path model the credit of the same journeys given as paths', async () => {
    const counts = new Map<string, { conversions: number; value: number; nulls: number }>();
    for (const j of journeys) {
      const path = j.touches.map((t) => t.channel).join(' > ');
      const c = counts.get(path) ?? { conversions: 0, value: 0, nulls: 0 };
      c.conversions += j.converted ? 1 : 0;
      c.value += j.value;
      c.nulls += j.converted ? 0 : 1;
      counts.set(path, c);
    }
    const paths = aq.from([...counts].map(([path, c]) => ({ path, ...c })));
    const models = ['first', 'last', 'linear', 'position', 'markov', 'shapley'];
    const a = await runRecipe(attribution, { inputs: { touchpoints }, params: { models } });
    const b = await runRecipe(attribution, { inputs: { paths }, params: { models } });
    const key = (r: Credit) => `${r.model}/${r.channel}`;
    const expected = new Map((b.result.tables.credits!.objects() as Credit[]).map((r) => [key(r), r]));
    for (const r of a.result.tables.credits!.objects() as Credit[]) {
      expect(r.conversions).toBeCloseTo(expected.get(key(r))!.conversions, 10);
      expect(r.value).toBeCloseTo(expected.get(key(r))!.value, 8);
    }
    expect(a.result.metrics.journeys).toBe(300);
    expect(a.engine?.rows_fetched).toBeLessThan(touchpoints.numRows() / 2);
  });

  it('weighs time decay by each touch\'s days to the last touch and credits personalized touches', async () => {
    const halfLife = 5;
    const credit = new Map<string, number>();
    let personal = 0;
    let conversions = 0;
    for (const j of journeys) {
      if (!j.converted) continue;
      conversions++;
      const end = j.touches.at(-1)!.day;
      const w = j.touches.map((t) => 0.5 ** ((end - t.day) / halfLife));
      const total = w.reduce((s, x) => s + x, 0);
      j.touches.forEach((t, i) => {
        credit.set(t.channel, (credit.get(t.channel) ?? 0) + w[i]! / total);
        if (t.personal) personal += w[i]! / total;
      });
    }
    const { result } = await runRecipe(attribution, { inputs: { touchpoints }, params: { models: ['time_decay'], half_life: halfLife } });
    for (const r of result.tables.credits!.objects() as Credit[]) expect(r.conversions).toBeCloseTo(credit.get(r.channel) ?? 0, 10);
    expect(result.metrics.personalization_share_time_decay).toBeCloseTo(personal / conversions, 10);
  });

  it('names the column and the fix for a converted flag that is not 0/1', async () => {
    const bad = aq.from([{ journey_id: 'a', timestamp: '2025-01-01', channel: 'email', converted: 2 }]);
    await expect(runRecipe(attribution, { inputs: { touchpoints: bad } })).rejects.toThrow(/touchpoints\.converted \(the converted column\) has "2" in 1 row, which is not 0 or 1/);
  });
});
